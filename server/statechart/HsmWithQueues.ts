/**
 * A chart with an event queue and a deferred queue: miros's `HsmWithQueues`.
 *
 * Nothing happens unless the caller makes it happen: `postFifo`/`postLifo`
 * only queue (even from inside a handler), `nextRtc` takes one event and
 * dispatches it, `completeCircuit` drains the queue. Everything posted during
 * a step is processed in later steps. `ActiveObject` adds the worker that
 * calls `nextRtc` by itself.
 *
 * Instrumented by default: an {@link Instrumentation} is attached as the
 * chart's probe and answers `spy()`, `trace()`, live output and `observe()`.
 */
import { BoundedDeque } from './BoundedDeque.ts';
import type { ChartListener } from './ChartObservation.ts';
import type { Clock } from './Clock.ts';
import type { Event } from './Event.ts';
import { HsmEventProcessor } from './HsmEventProcessor.ts';
import { Instrumentation, type InstrumentationOptions } from './Instrumentation.ts';
import { realClock } from './RealClock.ts';
import type { StateHandler } from './StateHandler.ts';

export interface HsmWithQueuesOptions extends InstrumentationOptions {
  /** Chart name shown in trace lines (`[None]` when null). */
  name?: string | null;
  /** Time source for trace timestamps (and timers, in active objects). */
  clock?: Clock;
  /** Record spy and trace (default true). */
  instrumented?: boolean;
}

export class HsmWithQueues extends HsmEventProcessor {
  /** Capacity of the event and deferred queues (miros's QUEUE_SIZE). */
  static readonly QUEUE_SIZE = 500;

  name: string | null;
  /** Report spy lines to the live spy callback after each step. */
  liveSpy = false;
  /** Report trace lines to the live trace callback after each step. */
  liveTrace = false;
  readonly queue: BoundedDeque<Event>;
  readonly deferQueue: BoundedDeque<Event>;
  readonly clock: Clock;
  protected readonly instrumentation: Instrumentation;

  constructor(options: HsmWithQueuesOptions = {}) {
    super();
    this.name = options.name ?? null;
    this.clock = options.clock ?? realClock;
    this.queue = new BoundedDeque(HsmWithQueues.QUEUE_SIZE, () => `event queue of chart ${this.name ?? 'None'}`);
    this.deferQueue = new BoundedDeque(HsmWithQueues.QUEUE_SIZE, () => `deferred queue of chart ${this.name ?? 'None'}`);
    this.instrumentation = new Instrumentation(this, this.clock, options);
    this.attachProbe(this.instrumentation);
    if (options.instrumented === false) this.instrumented = false;
  }

  override startAt(state: StateHandler): void {
    super.startAt(state);
    this.probe?.receive({ type: 'start-done', reflection: this.queueReflection() });
  }

  /** Queue `e` at the back. Never dispatches. */
  postFifo(e: Event): void {
    this.queue.pushBack(e);
    this.probe?.receive({ type: 'line', text: 'POST_FIFO:' + e.signalName });
  }

  /** Queue `e` at the front. Never dispatches. */
  postLifo(e: Event): void {
    this.queue.pushFront(e);
    this.probe?.receive({ type: 'line', text: 'POST_LIFO:' + e.signalName });
  }

  /** Put `e` aside until `recall()`. */
  defer(e: Event): void {
    this.deferQueue.pushBack(e);
    this.probe?.receive({ type: 'line', text: 'POST_DEFERRED:' + e.signalName });
  }

  /** Move the oldest deferred event to the back of the queue; null if none. */
  recall(): Event | null {
    const e = this.deferQueue.peekFront();
    if (e === undefined) return null;
    this.probe?.receive({ type: 'recall', signalName: e.signalName });
    this.deferQueue.popFront();
    this.postFifo(e);
    return e;
  }

  /**
   * One RTC step from the queue: dispatch the front event if there is one.
   * Either way the queue reflection line follows, then any live output.
   */
  nextRtc(): boolean {
    this.probe?.receive({ type: 'rtc' });
    const e = this.queue.popFront();
    if (e !== undefined) this.dispatch(e);
    this.probe?.receive({ type: 'rtc-done', reflection: this.queueReflection() });
    return e !== undefined;
  }

  /** `nextRtc` until the queue is empty. */
  completeCircuit(): boolean {
    let actionTaken = false;
    while (this.queue.length > 0) actionTaken = this.nextRtc();
    return actionTaken;
  }

  /** Write `text` as a spy line. */
  scribble(text: string): void {
    this.probe?.receive({ type: 'line', text });
  }

  /** `<- Queued:(n) Deferred:(m)` */
  queueReflection(): string {
    return `<- Queued:(${this.queue.length}) Deferred:(${this.deferQueue.length})`;
  }

  /** The full spy (newest 500 lines); null when uninstrumented. */
  spy(): string[] | null {
    return this.instrumented ? this.instrumentation.spyLines() : null;
  }

  /** The current run-to-completion spy buffer. */
  spyRtc(): string[] {
    return this.instrumentation.rtcLines();
  }

  /** The trace text (`\n` + one line per entry); null when uninstrumented. */
  trace(): string | null {
    return this.instrumented ? this.instrumentation.traceText() : null;
  }

  clearSpy(): void {
    if (this.instrumented) this.instrumentation.clearSpy();
  }

  clearTrace(): void {
    if (this.instrumented) this.instrumentation.clearTrace();
  }

  /** The leaf's name while instrumented (miros answers None otherwise). */
  currentState(): string | null {
    return this.instrumented ? this.stateName : null;
  }

  /** Replace the live spy callback (default: print the line). */
  registerLiveSpyCallback(callback: (line: string) => void): void {
    this.instrumentation.liveSpyCallback = callback;
  }

  /** Replace the live trace callback (default: print the text without newlines). */
  registerLiveTraceCallback(callback: (text: string) => void): void {
    this.instrumentation.liveTraceCallback = callback;
  }

  /** Subscribe to spy/trace/topology/live observations; returns the unsubscribe function. */
  observe(listener: ChartListener): () => void {
    return this.instrumentation.observe(listener);
  }

  /**
   * miros `augment`: attach `other` as attribute `name` unless the chart
   * already has one; `mutual` also attaches this chart to `other` under
   * this chart's name.
   */
  augment(options: { other: unknown; name: string; relationship?: 'mutual' | null }): void {
    const self = this as unknown as Record<string, unknown>;
    if (!(options.name in self)) self[options.name] = options.other;
    if (options.relationship === 'mutual' && options.other instanceof HsmWithQueues && this.name !== null) {
      options.other.augment({ other: this, name: this.name });
    }
  }
}
