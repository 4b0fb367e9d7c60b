/**
 * Timed posts of an active object (miros's `posted_events_queue` and its
 * timer threads), driven by an injected {@link Clock}.
 *
 *   start(spec) ─► record {id, signal} ─► [deferred: wait one period] ─► post
 *        ▲                                                                │
 *        └────────── wait one period ◄── more posts left (times=0: ∞) ◄───┘
 *
 * Records stay listed after their last post — only `cancel`, `cancelSignal`
 * and `cancelAll` remove them (the conformance `timers` counts show this).
 * miros then refuses new timers once 500 records exist, finished or not, so
 * a chart that re-arms a one-shot timer on every entry (the seed example
 * does) dies after 500 entries. We keep finished records while there is
 * room and forget the oldest finished ones when a new timer needs the
 * space; only `capacity` *running* timers raise.
 * Cancelling stops future posts only. Ids and names compare by value (miros
 * compares with `is`, which fails for equal strings built elsewhere).
 */
import { v4 as uuidv4 } from 'uuid';
import type { Clock, TimerHandle } from './Clock.ts';
import type { Event } from './Event.ts';
import { TimerResourcesExhaustedError } from './StatechartError.ts';

export type QueueType = 'fifo' | 'lifo';

export interface TimedPostSpec {
  event: Event;
  queueType: QueueType;
  /** Seconds between posts (and before the first one when `deferred`). */
  period: number;
  /** Number of posts; 0 = forever. */
  times: number;
  /** Wait one period before the first post (default in miros: true). */
  deferred: boolean;
}

export interface TimerRecord {
  readonly id: string;
  readonly signalName: string;
  readonly spec: TimedPostSpec;
  posts: number;
  active: boolean;
  handle: TimerHandle | null;
}

export class PostedEventTimers {
  private readonly records: TimerRecord[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly post: (event: Event, queueType: QueueType) => void,
    readonly capacity: number,
  ) {}

  /** Records currently held (finished ones included). */
  get size(): number {
    return this.records.length;
  }

  list(): readonly TimerRecord[] {
    return this.records;
  }

  /** Start a timed post; returns its id (a uuid4 string). */
  start(spec: TimedPostSpec): string {
    if (!(spec.period > 0) || !Number.isFinite(spec.period)) {
      throw new RangeError(`a timed post needs a positive period in seconds, got ${spec.period}`);
    }
    if (!Number.isInteger(spec.times) || spec.times < 0) {
      throw new RangeError(`times must be 0 (forever) or a positive integer, got ${spec.times}`);
    }
    if (this.records.length >= this.capacity) this.forgetFinished();
    if (this.records.length >= this.capacity) {
      throw new TimerResourcesExhaustedError(
        `too many timed posts (${this.capacity}); cancel timers when leaving the state that started them`,
      );
    }
    const record: TimerRecord = { id: uuidv4(), signalName: spec.event.signalName, spec, posts: 0, active: true, handle: null };
    this.records.push(record);
    if (spec.deferred) this.schedule(record);
    else this.fire(record);
    return record.id;
  }

  /** Stop and forget the timer with this id; false if there is none. */
  cancel(id: string): boolean {
    const index = this.records.findIndex((record) => record.id === id);
    if (index < 0) return false;
    this.stop(this.records[index]!);
    this.records.splice(index, 1);
    return true;
  }

  /** Stop and forget every timer posting `signalName`; returns how many. */
  cancelSignal(signalName: string): number {
    let removed = 0;
    for (let i = this.records.length - 1; i >= 0; i--) {
      if (this.records[i]!.signalName === signalName) {
        this.stop(this.records[i]!);
        this.records.splice(i, 1);
        removed += 1;
      }
    }
    return removed;
  }

  cancelAll(): void {
    for (const record of this.records) this.stop(record);
    this.records.length = 0;
  }

  /** Drop every record whose timer has made its last post, oldest first. */
  private forgetFinished(): void {
    let kept = 0;
    for (const record of this.records) {
      if (record.active) this.records[kept++] = record;
    }
    this.records.length = kept;
  }

  private schedule(record: TimerRecord): void {
    record.handle = this.clock.setTimeout(() => this.fire(record), record.spec.period * 1000);
  }

  private fire(record: TimerRecord): void {
    record.handle = null;
    if (!record.active) return;
    record.posts += 1;
    if (record.spec.times !== 0 && record.posts >= record.spec.times) record.active = false;
    else this.schedule(record);
    this.post(record.spec.event, record.spec.queueType);
  }

  private stop(record: TimerRecord): void {
    record.active = false;
    if (record.handle !== null) this.clock.clearTimeout(record.handle);
    record.handle = null;
  }
}
