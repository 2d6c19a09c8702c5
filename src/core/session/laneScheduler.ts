/** A piece of work with its place in the run: lower runs first when both could start. */
export interface Ordered {
  readonly order: number;
}

/**
 * Runs lanes of work: at most `limit` items at once, one item of a lane at a time in the lane's order,
 * and whenever a slot is free the ready item (first of its lane, lane idle) that comes first in `order`.
 * With `limit` 1 that is `order` exactly. Stops starting items once `stopped()` is true (or an item
 * failed) and settles when those started have finished: rejected with the first failure, if any.
 */
export function runLanes<T extends Ordered>(
  lanes: readonly (readonly T[])[],
  limit: number,
  work: (item: T) => Promise<void>,
  stopped: () => boolean,
): Promise<void> {
  const heads = lanes.filter((lane) => lane.length > 0).map((lane) => ({ lane, position: 0 }));
  const ready = new ReadyQueue(heads, (entry) => entry.lane[entry.position].order);
  let running = 0;
  let failure: { error: unknown } | undefined;
  return new Promise((resolve, reject) => {
    const pump = () => {
      while (running < limit && !ready.empty() && !failure && !stopped()) {
        const entry = ready.take();
        running += 1;
        const next = () => {
          running -= 1;
          if (entry.position + 1 < entry.lane.length) ready.add({ lane: entry.lane, position: entry.position + 1 });
          pump();
        };
        work(entry.lane[entry.position]).then(next, (error: unknown) => {
          failure ??= { error };
          next();
        });
      }
      if (running > 0) return;
      if (failure) reject(failure.error);
      else if (ready.empty() || stopped()) resolve();
    };
    pump();
  });
}

/** Entries sorted by key, smallest taken first: kept in descending order so taking is a pop. */
class ReadyQueue<T> {
  private readonly entries: T[];

  constructor(
    entries: readonly T[],
    private readonly keyOf: (entry: T) => number,
  ) {
    this.entries = [...entries].sort((a, b) => keyOf(b) - keyOf(a));
  }

  add(entry: T): void {
    const key = this.keyOf(entry);
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.keyOf(this.entries[middle]) > key) low = middle + 1;
      else high = middle;
    }
    this.entries.splice(low, 0, entry);
  }

  take(): T {
    return this.entries.pop()!;
  }

  empty(): boolean {
    return this.entries.length === 0;
  }
}
