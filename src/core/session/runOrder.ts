/**
 * Hands on what numbered pieces of work give in their numbers' order, whatever order they finish in: the
 * items of the lowest unfinished number go out at once, those of later numbers wait until every number
 * before theirs has finished. With one piece of work at a time nothing ever waits.
 */
export class InRunOrder<T> {
  private next = 0;
  private readonly held = new Map<number, T[]>();
  private readonly finished = new Set<number>();

  constructor(private readonly release: (order: number, item: T) => void) {}

  add(order: number, item: T): void {
    if (order === this.next) this.release(order, item);
    else {
      const held = this.held.get(order);
      if (held) held.push(item);
      else this.held.set(order, [item]);
    }
  }

  /** `order` gives nothing more: it and any finished numbers right after it go out. */
  finish(order: number): void {
    this.finished.add(order);
    while (this.finished.has(this.next)) {
      this.finished.delete(this.next);
      this.next += 1;
      for (const item of this.held.get(this.next) ?? []) this.release(this.next, item);
      this.held.delete(this.next);
    }
  }

  /** Everything still held, in order: for a session stopped before some numbers ever started. */
  flush(): void {
    for (const order of [...this.held.keys()].sort((a, b) => a - b)) {
      for (const item of this.held.get(order)!) this.release(order, item);
    }
    this.held.clear();
  }
}
