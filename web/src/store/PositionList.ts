/**
 * A growable list of record positions (indexes into a RecordLog), stored in
 * an Int32Array that doubles when full.
 *
 * Derived indexes (which records belong to a chart, which match a filter)
 * keep positions instead of records: four bytes each, no per-entry object,
 * and "how many of them are before the cursor" is a binary search because
 * positions are appended in increasing order.
 */
export class PositionList {
  private data: Int32Array;
  private count = 0;

  constructor(initialCapacity = 64) {
    this.data = new Int32Array(Math.max(1, initialCapacity));
  }

  get length(): number {
    return this.count;
  }

  push(position: number): void {
    if (this.count === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.count++] = position;
  }

  get(i: number): number {
    if (i < 0 || i >= this.count) throw new RangeError(`index ${i} is outside the list (length ${this.count})`);
    return this.data[i]!;
  }

  /** The last entry, or -1 when empty. */
  last(): number {
    return this.count === 0 ? -1 : this.data[this.count - 1]!;
  }

  /** How many entries are < `position` (entries are increasing). */
  countBefore(position: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.data[mid]! < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The last entry < `position`, or -1. */
  lastBefore(position: number): number {
    const n = this.countBefore(position);
    return n === 0 ? -1 : this.data[n - 1]!;
  }

  /** The entries as a typed array (a view: valid until the next push; do not write to it). */
  values(): Int32Array {
    return this.data.subarray(0, this.count);
  }

  toArray(): number[] {
    return Array.from(this.data.subarray(0, this.count));
  }
}
