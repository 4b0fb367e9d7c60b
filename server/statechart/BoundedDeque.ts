/**
 * A double-ended queue with a fixed capacity that refuses to overflow.
 *
 * miros uses `deque(maxlen=500)` for the event and deferred queues, which
 * silently drops the oldest event when full. Losing events without a trace
 * hides design errors, so a full deque raises {@link QueueOverflowError}
 * and leaves its contents untouched.
 */
import { QueueOverflowError } from './StatechartError.ts';

export class BoundedDeque<T> {
  private readonly items: Array<T | undefined>;
  private head = 0;
  private count = 0;

  /** @param what names the queue in overflow errors ("event queue of chart X") */
  constructor(
    readonly capacity: number,
    private readonly what: () => string = () => 'queue',
  ) {
    this.items = new Array<T | undefined>(capacity).fill(undefined);
  }

  get length(): number {
    return this.count;
  }

  pushBack(item: T): void {
    this.assertRoom();
    let slot = this.head + this.count;
    if (slot >= this.capacity) slot -= this.capacity;
    this.items[slot] = item;
    this.count += 1;
  }

  pushFront(item: T): void {
    this.assertRoom();
    this.head = this.head === 0 ? this.capacity - 1 : this.head - 1;
    this.items[this.head] = item;
    this.count += 1;
  }

  popFront(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = this.head + 1 === this.capacity ? 0 : this.head + 1;
    this.count -= 1;
    return item;
  }

  peekFront(): T | undefined {
    return this.count === 0 ? undefined : this.items[this.head];
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.items[(this.head + i) % this.capacity] as T);
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.head = 0;
    this.count = 0;
  }

  private assertRoom(): void {
    if (this.count === this.capacity) {
      throw new QueueOverflowError(`${this.what()} is full (${this.capacity} items)`, this.capacity);
    }
  }
}
