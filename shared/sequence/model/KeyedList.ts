/**
 * Items kept sorted by a numeric key, as two parallel arrays: the pairer
 * indexes every reception of a long run by time and by arrival, and a
 * `{ key, item }` wrapper per entry cost two objects per transition of a
 * million-line log. Keys arrive almost in order, so an insertion is
 * usually a push; equal keys keep their insertion order.
 */
export class KeyedList<T> {
  readonly keys: number[] = [];
  readonly items: T[] = [];

  get length(): number {
    return this.keys.length;
  }

  insert(key: number, item: T): void {
    const { keys, items } = this;
    const n = keys.length;
    if (n === 0 || keys[n - 1]! <= key) {
      keys.push(key);
      items.push(item);
      return;
    }
    const at = this.#upper(key);
    keys.splice(at, 0, key);
    items.splice(at, 0, item);
  }

  /** Index range [lo, hi) of the items whose key lies in [from, to]. */
  range(from: number, to: number): [number, number] {
    return [this.#lower(from), this.#upper(to)];
  }

  /** The first index whose key is >= `key`. */
  #lower(key: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first index whose key is > `key`. */
  #upper(key: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
