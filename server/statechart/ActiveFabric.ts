/**
 * In-process publish/subscribe between active objects (miros's
 * `ActiveFabric`).
 *
 *   ao.publish(e, priority) ─► pending (ordered by priority, then publish order)
 *        ─► next immediate: for each event, most urgent first:
 *             fifo subscribers: append to their queue
 *             lifo subscribers: insert at the front (batch delivered in
 *                               reverse so the most urgent ends up first)
 *
 * Fixed relative to miros: lifo subscriptions really insert at the front;
 * equal priorities are delivered first-in first-out; a subscriber whose queue
 * is full is reported and the others still receive the event.
 */
import type { Clock } from './Clock.ts';
import type { Event } from './Event.ts';
import type { QueueType } from './PostedEventTimers.ts';
import { realClock } from './RealClock.ts';

/** Something that can receive published events (an active object). */
export interface FabricSubscriber {
  receivePublished(e: Event, queueType: QueueType): void;
}

interface Pending {
  readonly event: Event;
  readonly priority: number;
  readonly seq: number;
}

export interface ActiveFabricOptions {
  clock?: Clock;
  onError?: (error: unknown) => void;
}

/**
 * In-process publish/subscribe between active objects: `publish` on one chart, `subscribe` on others.
 *
 * @remarks miros: `ActiveFabric` (miros.activeobject), miros's process-wide singleton; here one can
 * be injected through the `fabric` option, so tests get a private one.
 */
export class ActiveFabric {
  private readonly subscriptions = new Map<string, { fifo: FabricSubscriber[]; lifo: FabricSubscriber[] }>();
  private pending: Pending[] = [];
  private nextSeq = 0;
  private flushScheduled = false;
  private readonly clock: Clock;
  private readonly onError: (error: unknown) => void;

  constructor(options: ActiveFabricOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.onError = options.onError ?? ((error) => console.error('active fabric delivery failed:', error));
  }

  /** Subscribe once per (subscriber, signal, queue type); repeats are ignored. */
  subscribe(subscriber: FabricSubscriber, signalName: string, queueType: QueueType = 'fifo'): void {
    let entry = this.subscriptions.get(signalName);
    if (!entry) {
      entry = { fifo: [], lifo: [] };
      this.subscriptions.set(signalName, entry);
    }
    const list = entry[queueType];
    if (!list.includes(subscriber)) list.push(subscriber);
  }

  /** Remove every subscription of `subscriber`. */
  unsubscribe(subscriber: FabricSubscriber): void {
    for (const entry of this.subscriptions.values()) {
      entry.fifo = entry.fifo.filter((s) => s !== subscriber);
      entry.lifo = entry.lifo.filter((s) => s !== subscriber);
    }
  }

  /** Publish `e`; 1 is the most urgent priority, 1000 the default. */
  publish(e: Event, priority = 1000): void {
    const item: Pending = { event: e, priority, seq: this.nextSeq++ };
    // Stable insertion: after every item of the same or more urgent priority.
    let lo = 0;
    let hi = this.pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pending[mid]!.priority <= priority) lo = mid + 1;
      else hi = mid;
    }
    this.pending.splice(lo, 0, item);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.clock.setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    for (const item of batch) {
      for (const subscriber of this.subscriptions.get(item.event.signalName)?.fifo ?? []) {
        this.deliver(subscriber, item.event, 'fifo');
      }
    }
    for (let i = batch.length - 1; i >= 0; i--) {
      const item = batch[i]!;
      for (const subscriber of this.subscriptions.get(item.event.signalName)?.lifo ?? []) {
        this.deliver(subscriber, item.event, 'lifo');
      }
    }
  }

  private deliver(subscriber: FabricSubscriber, e: Event, queueType: QueueType): void {
    try {
      subscriber.receivePublished(e, queueType);
    } catch (error) {
      this.onError(error);
    }
  }
}

/**
 * The process-wide fabric active objects use unless given one.
 *
 * @remarks miros: the `ActiveFabric` singleton every miros active object shares.
 */
export const activeFabric = new ActiveFabric();
