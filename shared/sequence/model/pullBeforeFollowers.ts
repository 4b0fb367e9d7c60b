/**
 * Reorders a run of diagram entries so that every entry comes after the ones
 * it must follow (a reception after its send, a chart's step after its
 * previous step), moving as little as possible, and moving sends *back*
 * rather than receptions forward:
 *
 *     before   R  x  y  S        S must precede R (the send arrived late)
 *     after    S  R  x  y        S is pulled to just before R; x, y keep
 *                                their order behind R
 *
 * This is a topological sort done from the end: the last place goes to the
 * latest entry that nothing still unplaced has to follow, so every entry
 * free to stay stays after the others, and an entry is only moved earlier,
 * to just before the first entry that must follow it. Why pull the send
 * back rather than push the reception on: the reception was already shown
 * where it arrived, and the send's own stamp is earlier.
 *
 * Constraints that contradict each other (a cycle: only possible between
 * steps with equal stamps) are broken at the latest entry, which then keeps
 * its place; the result is still a permutation of the input.
 *
 * O(k log k) for k entries.
 */

/**
 * @param entries   the run, in its current order
 * @param mustFollow for an entry, the entries (of the run or not) it must come after;
 *                   entries outside the run are already before it and ignored
 */
export function pullBeforeFollowers<T>(entries: readonly T[], mustFollow: (entry: T) => Iterable<T>): { order: T[]; brokeCycle: boolean } {
  const index = new Map<T, number>();
  entries.forEach((entry, k) => index.set(entry, k));
  const before: number[][] = entries.map(() => []);
  /** How many entries that must follow each one are still unplaced. */
  const waiting = new Array<number>(entries.length).fill(0);
  entries.forEach((entry, k) => {
    for (const earlier of mustFollow(entry)) {
      const j = index.get(earlier);
      if (j === undefined || j === k) continue;
      before[k]!.push(j);
      waiting[j]! += 1;
    }
  });
  const heap = new MaxHeap();
  waiting.forEach((count, k) => count === 0 && heap.push(k));
  const placed = new Array<boolean>(entries.length).fill(false);
  const reversed: T[] = [];
  let brokeCycle = false;
  let latestUnplaced = entries.length - 1;
  while (reversed.length < entries.length) {
    let k = heap.pop();
    if (k === undefined) {
      // Every unplaced entry waits for another: a cycle. The latest keeps its place.
      while (placed[latestUnplaced]) latestUnplaced -= 1;
      k = latestUnplaced;
      brokeCycle = true;
    }
    if (placed[k]) continue;
    placed[k] = true;
    reversed.push(entries[k]!);
    for (const j of before[k]!) {
      waiting[j]! -= 1;
      if (waiting[j] === 0 && !placed[j]) heap.push(j);
    }
  }
  return { order: reversed.reverse(), brokeCycle };
}

/** A binary max-heap of indices. */
class MaxHeap {
  readonly #items: number[] = [];

  push(value: number): void {
    const items = this.#items;
    items.push(value);
    let k = items.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (items[parent]! >= items[k]!) break;
      [items[parent], items[k]] = [items[k]!, items[parent]!];
      k = parent;
    }
  }

  pop(): number | undefined {
    const items = this.#items;
    if (items.length === 0) return undefined;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let k = 0;
      for (;;) {
        const left = 2 * k + 1;
        const right = left + 1;
        let largest = k;
        if (left < items.length && items[left]! > items[largest]!) largest = left;
        if (right < items.length && items[right]! > items[largest]!) largest = right;
        if (largest === k) break;
        [items[k], items[largest]] = [items[largest]!, items[k]!];
        k = largest;
      }
    }
    return top;
  }
}
