/**
 * Publishes held while the link is down, or while the connection's write
 * buffer is full (amqplib said wait for 'drain'): bounded, and every message
 * that does not fit is counted. When full, the OLDEST message is dropped —
 * for a trace/spy monitor the newest lines matter most, and the count says
 * how many older ones were lost.
 */
export class PublishBuffer<T> {
  private items: T[] = [];
  private head = 0;
  private droppedCount = 0;

  constructor(readonly limit: number) {
    if (!(limit >= 0)) throw new RangeError('buffer limit must be ≥ 0');
  }

  get size(): number {
    return this.items.length - this.head;
  }

  get dropped(): number {
    return this.droppedCount;
  }

  /** Adds an item; returns false when it (or an older one) had to be dropped. */
  push(item: T): boolean {
    if (this.limit === 0) {
      this.droppedCount++;
      return false;
    }
    this.items.push(item);
    if (this.size <= this.limit) return true;
    this.head++;
    this.droppedCount++;
    this.compact();
    return false;
  }

  /** Removes and returns the oldest item (undefined when empty). */
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head]!;
    this.items[this.head] = undefined as T; // let it be collected while the rest wait
    this.head++;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else this.compact();
    return item;
  }

  /** Drops the slots before head once they are most of the array. */
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** Removes and returns everything, oldest first. */
  drain(): T[] {
    const out = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    return out;
  }
}
