/**
 * Where a chart's mesh deliveries wait while its event queue is full.
 *
 * A chart's queue holds 500 events (miros's QUEUE_SIZE) and a post into a
 * full one throws. After a broker failover the messages a peer held while
 * the broker was away arrive in one burst, faster than any chart runs them;
 * posting each at once overflowed the queue and lost every event past 500
 * (as transport handler errors). Instead:
 *
 *   delivery ─▶ nothing held and queue below its high-water mark? ─▶ postFifo
 *            └▶ else held here, in arrival order (at most `capacity`;
 *               past that refused: counted by ChartNetwork as `queue-full`)
 *   each worker turn (ActiveObject.onDrainTurn) ─▶ held events posted, oldest
 *               first, until the queue is back at its high-water mark
 *
 * The high-water mark leaves the chart's own code room in its queue: a
 * handler's postFifo still throws QueueOverflowError only when the chart
 * itself fills the queue, as in miros. Events still held when the chart
 * stops are never run, like events that arrive after it stopped.
 */
import { BoundedDeque } from '../../statechart/BoundedDeque.ts';
import { HsmWithQueues, type Event } from '../../statechart/index.ts';

export const DEFAULT_INBOX_CAPACITY = 10_000;
/** Room kept in the chart's queue for its own posts (a fifth of miros's 500). */
const HEADROOM = 100;

export interface InboxChart {
  readonly queue: { readonly length: number };
  onDrainTurn(listener: () => void): () => void;
}

export type Offered = 'posted' | 'held' | 'full';

export class MeshInbox {
  private readonly held: BoundedDeque<Event>;
  private readonly highWater = HsmWithQueues.QUEUE_SIZE - HEADROOM;
  private readonly off: () => void;
  private peakCount = 0;

  constructor(
    private readonly chart: InboxChart,
    private readonly post: (e: Event) => void,
    capacity = DEFAULT_INBOX_CAPACITY,
  ) {
    this.held = new BoundedDeque(capacity, () => 'mesh inbox');
    this.off = chart.onDrainTurn(() => this.release());
  }

  /** Posts `e` now if it may; otherwise holds it, or refuses it when the inbox is full. */
  offer(e: Event): Offered {
    if (this.held.length === 0 && this.chart.queue.length < this.highWater) {
      this.post(e);
      return 'posted';
    }
    if (this.held.length >= this.held.capacity) return 'full';
    this.held.pushBack(e);
    if (this.held.length > this.peakCount) this.peakCount = this.held.length;
    return 'held';
  }

  /** Events waiting now. */
  get size(): number {
    return this.held.length;
  }

  /** The most ever waiting at once. */
  get peak(): number {
    return this.peakCount;
  }

  close(): void {
    this.off();
  }

  private release(): void {
    while (this.held.length > 0 && this.chart.queue.length < this.highWater) this.post(this.held.popFront()!);
  }
}
