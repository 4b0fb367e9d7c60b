/**
 * The log filter's pure parts: which records a filter keeps, and where the
 * i-th row is when only meta records are hidden.
 *
 * No state lives here: the list of matching positions is kept by the hook
 * that asks (panelApi/useLogRows.ts, memoised per log and filter), which
 * feeds new records through `forEachMatch` as they arrive (O(new)); a new
 * filter starts over once (O(log), what the filter benchmark measures).
 */
import type { MirosRecord } from '../../../../shared/records/MirosRecord.ts';

export type RecordPredicate = (record: MirosRecord) => boolean;

/** Calls `visit(position)` for each of `records` (the first at position `first`) that `predicate` keeps. */
export function forEachMatch(records: Iterable<MirosRecord>, first: number, predicate: RecordPredicate, visit: (position: number) => void): void {
  let i = first;
  for (const record of records) {
    if (predicate(record)) visit(i);
    i++;
  }
}

/**
 * The position of the i-th record not hidden, given how many hidden records
 * lie before any position (`hiddenBefore`, a binary search over sorted
 * lists): the smallest p with p + 1 - hiddenBefore(p + 1) = i + 1. A binary
 * search over positions, so showing every record but the meta ones costs no
 * scan at all, even over a million.
 */
export function shownPositionAt(i: number, end: number, hiddenBefore: (position: number) => number): number {
  let lo = i;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mid + 1 - hiddenBefore(mid + 1) >= i + 1) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
