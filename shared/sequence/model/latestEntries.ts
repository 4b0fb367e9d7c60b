/**
 * "The latest N events up to seq S": the N entries that come last in
 * diagram order among those with seq in a range — without slicing and
 * sorting the whole range, which cost a dashboard O(n log n) per redraw with
 * its cursor deep in a long run.
 *
 * Entries are kept sorted by seq (`bySeq`); diagram order is another order
 * (arrival, or timestamp) that mostly agrees with seq but need not. Beside
 * `bySeq` the builder keeps `prefixMax[k]`: the entry latest in diagram
 * order among bySeq[0..k]. Walking bySeq back from the end of the range, a
 * small min-heap keeps the N latest seen so far; once the heap is full and
 * prefixMax says nothing further back can beat its least entry, the walk
 * stops.
 *
 *   bySeq     … e e e e e e e e e e │ (seq > S)
 *                     ◀── walk ─────┘  stops where prefixMax[k] < heap min
 *
 * Cost: O((N + d) log N), d being the entries passed over — those of the
 * range that are out of diagram order, or rejected by `accept` (another
 * chart's, in a chart window). In arrival order d is 0 for a run whose seq
 * numbers increase.
 */
import type { Compare } from './sortedArray.ts';

export function latestEntries<T>(
  bySeq: readonly T[],
  prefixMax: readonly T[],
  from: number,
  to: number,
  count: number,
  compare: Compare<T>,
  accept: (entry: T) => boolean = () => true,
): T[] {
  if (count <= 0) return [];
  // A min-heap (by diagram order) of the latest `count` entries seen.
  const heap: T[] = [];
  for (let k = to - 1; k >= from; k -= 1) {
    if (heap.length === count && compare(prefixMax[k]!, heap[0]!) < 0) break;
    const entry = bySeq[k]!;
    if (!accept(entry)) continue;
    if (heap.length < count) push(heap, entry, compare);
    else if (compare(entry, heap[0]!) > 0) replaceTop(heap, entry, compare);
  }
  return heap.sort(compare);
}

function push<T>(heap: T[], entry: T, compare: Compare<T>): void {
  heap.push(entry);
  let k = heap.length - 1;
  while (k > 0) {
    const parent = (k - 1) >> 1;
    if (compare(heap[k]!, heap[parent]!) >= 0) break;
    [heap[k], heap[parent]] = [heap[parent]!, heap[k]!];
    k = parent;
  }
}

function replaceTop<T>(heap: T[], entry: T, compare: Compare<T>): void {
  heap[0] = entry;
  let k = 0;
  for (;;) {
    const left = 2 * k + 1;
    const right = left + 1;
    let least = k;
    if (left < heap.length && compare(heap[left]!, heap[least]!) < 0) least = left;
    if (right < heap.length && compare(heap[right]!, heap[least]!) < 0) least = right;
    if (least === k) return;
    [heap[k], heap[least]] = [heap[least]!, heap[k]!];
    k = least;
  }
}
