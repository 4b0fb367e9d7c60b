/**
 * The seq numbers a builder has taken, to ignore a record seen before (a
 * replayed overlap after a reconnect). Seqs almost always arrive in
 * increasing order, so they are kept as one sorted typed array: an append
 * at the end is O(1), a lookup O(log n), and a million seqs take 8 MB —
 * a Set of them took several times that, and its rehashing showed up when
 * a million-line log loaded.
 */
export class SeqSet {
  #seqs = new Float64Array(1024);
  #count = 0;

  get size(): number {
    return this.#count;
  }

  /** Adds `seq`; false when it was already there. */
  add(seq: number): boolean {
    const n = this.#count;
    if (n === 0 || seq > this.#seqs[n - 1]!) {
      this.#grow();
      this.#seqs[this.#count++] = seq;
      return true;
    }
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#seqs[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    if (this.#seqs[lo] === seq) return false;
    this.#grow();
    this.#seqs.copyWithin(lo + 1, lo, n);
    this.#seqs[lo] = seq;
    this.#count++;
    return true;
  }

  has(seq: number): boolean {
    let lo = 0;
    let hi = this.#count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#seqs[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.#count && this.#seqs[lo] === seq;
  }

  #grow(): void {
    if (this.#count < this.#seqs.length) return;
    const grown = new Float64Array(this.#seqs.length * 2);
    grown.set(this.#seqs);
    this.#seqs = grown;
  }
}
