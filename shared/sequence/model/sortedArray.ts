/**
 * Binary search and insertion for arrays kept sorted by a comparator.
 *
 * The sequence builder keeps its items sorted (by arrival, or by timestamp)
 * while records stream in. Records arrive almost in order, so an insertion
 * lands at or near the end and costs O(log n) plus the few elements moved.
 */

export type Compare<T> = (a: T, b: T) => number;

/** The first index whose element is not less than `probe`. */
export function lowerBound<T, P = T>(array: readonly T[], probe: P, compare: (element: T, probe: P) => number): number {
  let low = 0;
  let high = array.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(array[mid]!, probe) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first index whose element is greater than `probe`. */
export function upperBound<T, P = T>(array: readonly T[], probe: P, compare: (element: T, probe: P) => number): number {
  let low = 0;
  let high = array.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(array[mid]!, probe) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Inserts after every element that compares equal (stable) and returns the index. */
export function insertSorted<T>(array: T[], item: T, compare: Compare<T>): number {
  const last = array[array.length - 1];
  if (last === undefined || compare(last, item) <= 0) {
    array.push(item);
    return array.length - 1;
  }
  const at = upperBound(array, item, compare);
  array.splice(at, 0, item);
  return at;
}
