/** Most requests have no prompts and no unknown metadata: they share this frozen empty list. */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Appends to a list that may still be the shared empty one. */
export function append<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}
