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

/**
 * A chart with an event queue and a deferred queue that runs only when asked (`nextRtc`,
 * `completeCircuit`): for tests and hand-driven charts. `ActiveObject` adds the worker.
 *
 * @remarks miros: `HsmWithQueues` (miros.hsm)
 */
export class HsmWithQueues extends HsmEventProcessor {
  /**
   * Capacity of the event and deferred queues (miros's QUEUE_SIZE).
   *
   * @remarks miros: `QUEUE_SIZE`
   */
  static readonly QUEUE_SIZE = 500;

  /**
   * Chart name shown in trace lines (`[None]` when null).
   *
   * @remarks miros: `name`
   */
  name: string | null;
  /**
   * Report spy lines to the live spy callback after each step.
   *
   * @remarks miros: `live_spy`
   */
  liveSpy = false;
  /**
   * Report trace lines to the live trace callback after each step.
   *
   * @remarks miros: `live_trace`
   */
  liveTrace = false;
  /**
   * The event queue (bounded: a full queue raises QueueOverflowError rather than dropping events).
   *
   * @remarks miros: `queue`
   */
  readonly queue: BoundedDeque<Event>;
  /**
   * Events put aside by `defer` until `recall`.
   *
   * @remarks miros: `defer_queue`
   */
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

  /**
   * Queue `e` at the back. Never dispatches.
   *
   * @remarks miros: `post_fifo(e)`
   */
  postFifo(e: Event): void {
    this.queue.pushBack(e);
    this.probe?.receive({ type: 'line', text: 'POST_FIFO:' + e.signalName });
  }

  /**
   * Queue `e` at the front. Never dispatches.
   *
   * @remarks miros: `post_lifo(e)`
   */
  postLifo(e: Event): void {
    this.queue.pushFront(e);
    this.probe?.receive({ type: 'line', text: 'POST_LIFO:' + e.signalName });
  }

  /**
   * Put `e` aside until `recall()`.
   *
   * @remarks miros: `defer(e)`
   */
  defer(e: Event): void {
    this.deferQueue.pushBack(e);
    this.probe?.receive({ type: 'line', text: 'POST_DEFERRED:' + e.signalName });
  }

  /**
   * Move the oldest deferred event to the back of the queue; null if none.
   *
   * @remarks miros: `recall()`
   */
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
   *
   * @remarks miros: `next_rtc()`
   */
  nextRtc(): boolean {
    this.probe?.receive({ type: 'rtc' });
    const e = this.queue.popFront();
    if (e !== undefined) this.dispatch(e);
    this.probe?.receive({ type: 'rtc-done', reflection: this.queueReflection() });
    return e !== undefined;
  }

  /**
   * `nextRtc` until the queue is empty.
   *
   * @remarks miros: `complete_circuit()`
   */
  completeCircuit(): boolean {
    let actionTaken = false;
    while (this.queue.length > 0) actionTaken = this.nextRtc();
    return actionTaken;
  }

  /**
   * Write `text` as a spy line.
   *
   * @remarks miros: `scribble(text)`
   */
  scribble(text: string): void {
    this.probe?.receive({ type: 'line', text });
  }

  /**
   * `<- Queued:(n) Deferred:(m)`
   *
   * @remarks miros: `queue_reflection()`
   */
  queueReflection(): string {
    return `<- Queued:(${this.queue.length}) Deferred:(${this.deferQueue.length})`;
  }

  /**
   * The full spy (newest 500 lines); null when uninstrumented.
   *
   * @remarks miros: `spy()` and `spy_full()`
   */
  spy(): string[] | null {
    return this.instrumented ? this.instrumentation.spyLines() : null;
  }

  /**
   * The current run-to-completion spy buffer.
   *
   * @remarks miros: `spy_rtc()`
   */
  spyRtc(): string[] {
    return this.instrumentation.rtcLines();
  }

  /**
   * The trace text (`\n` + one line per entry); null when uninstrumented.
   *
   * @remarks miros: `trace()`
   */
  trace(): string | null {
    return this.instrumented ? this.instrumentation.traceText() : null;
  }

  /**
   * Forget the recorded spy.
   *
   * @remarks miros: `clear_spy()`
   */
  clearSpy(): void {
    if (this.instrumented) this.instrumentation.clearSpy();
  }

  /**
   * Forget the recorded trace.
   *
   * @remarks miros: `clear_trace()`
   */
  clearTrace(): void {
    if (this.instrumented) this.instrumentation.clearTrace();
  }

  /**
   * The leaf's name while instrumented (miros answers None otherwise).
   *
   * @remarks miros: `current_state()`
   */
  currentState(): string | null {
    return this.instrumented ? this.stateName : null;
  }

  /**
   * Replace the live spy callback (default: print the line).
   *
   * @remarks miros: `register_live_spy_callback(fn)`
   */
  registerLiveSpyCallback(callback: (line: string) => void): void {
    this.instrumentation.liveSpyCallback = callback;
  }

  /**
   * Replace the live trace callback (default: print the text without newlines).
   *
   * @remarks miros: `register_live_trace_callback(fn)`
   */
  registerLiveTraceCallback(callback: (text: string) => void): void {
    this.instrumentation.liveTraceCallback = callback;
  }

  /**
   * Subscribe to spy/trace/topology/live observations; returns the unsubscribe function.
   *
   * @remarks miros: none; miros's spy and trace are read by subclassing, this is the one observer
   * hook the snoop networks and the server use.
   */
  observe(listener: ChartListener): () => void {
    return this.instrumentation.observe(listener);
  }

  /**
   * miros `augment`: attach `other` as attribute `name` unless the chart
   * already has one; `mutual` also attaches this chart to `other` under
   * this chart's name.
   *
   * @remarks miros: `augment(other=, name=, relationship=)`
   */
  augment(options: { other: unknown; name: string; relationship?: 'mutual' | null }): void {
    const self = this as unknown as Record<string, unknown>;
    if (!(options.name in self)) self[options.name] = options.other;
    if (options.relationship === 'mutual' && options.other instanceof HsmWithQueues && this.name !== null) {
      options.other.augment({ other: this, name: this.name });
    }
  }
}
