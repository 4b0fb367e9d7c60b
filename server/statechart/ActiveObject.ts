/**
 * An active object: a chart with its own worker (miros's `ActiveObject`).
 *
 * Node has no threads, so the worker is a drain loop on the event loop,
 * scheduled through the injected clock's `setImmediate`:
 *
 *   post ─► queue ─► (soon) drain: while queue not empty
 *                                     front is STOP? → worker exits, timers cancelled
 *                                     else nextRtc()    (one RTC step + reflection + live)
 *                          after `batchSize` steps: yield, continue next immediate
 *
 * Everything a step posts is processed in later steps of the same drain.
 * `whenIdle()` resolves when the queue is drained (or the worker stopped).
 * Timed posts go through {@link PostedEventTimers} on the same clock, so a
 * `VirtualClock` makes the whole object deterministic.
 *
 * Subclasses add transports: override `onStart`/`onStop`, observe the chart
 * (`observe`, live callbacks) and post received events with `postFifo`.
 */
import { activeFabric, type ActiveFabric, type FabricSubscriber } from './ActiveFabric.ts';
import { defaultActiveObjectName } from './defaultActiveObjectName.ts';
import { Event } from './Event.ts';
import type { HsmEventProcessor } from './HsmEventProcessor.ts';
import { HsmWithQueues, type HsmWithQueuesOptions } from './HsmWithQueues.ts';
import { PostedEventTimers, type QueueType, type TimerRecord } from './PostedEventTimers.ts';
import { PUBLISH_META_SIGNAL, STOP_ACTIVE_OBJECT_SIGNAL, SUBSCRIBE_META_SIGNAL } from './reservedEvents.ts';
import { ReturnStatus } from './returnStatus.ts';
import { signalRegistry } from './signals.ts';
import { stateNameOf, type StateHandler } from './StateHandler.ts';

export interface TimedPostOptions {
  /** Seconds between posts; without it the event is queued at once. */
  period?: number | null;
  /** How many posts; 0 or absent = forever. */
  times?: number | null;
  /** Wait one period before the first post (default true). */
  deferred?: boolean | null;
}

export interface ActiveObjectOptions extends HsmWithQueuesOptions {
  /** Publish/subscribe fabric (default: the process-wide one). */
  fabric?: ActiveFabric;
  /** Where a failing step or timer post is reported (default `console.error`). */
  onError?: (error: unknown) => void;
  /** RTC steps per drain turn before yielding to the event loop (default 256). */
  batchSize?: number;
}

interface IdleWaiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * A chart with its own worker: `startAt` starts it, posted events are processed in order, timed
 * posts run on the chart's clock. Most charts are one of these or a `Factory`.
 *
 * @remarks miros: `ActiveObject(name=None)` (miros.activeobject); its worker thread is a drain loop
 * on Node's event loop.
 */
export class ActiveObject extends HsmWithQueues implements FabricSubscriber {
  readonly fabric: ActiveFabric;
  protected readonly timers: PostedEventTimers;
  /** The error that stopped the worker, if a step threw. */
  failure: unknown = undefined;
  private running = false;
  private stopRequested = false;
  private drainScheduled = false;
  private draining = false;
  private idleWaiters: IdleWaiter[] = [];
  private readonly turnListeners = new Set<() => void>();
  private readonly batchSize: number;
  private readonly printText: (text: string) => void;
  private readonly onError: (error: unknown) => void;
  private readonly drainNow = (): void => this.drain();

  constructor(name: string | null = null, options: ActiveObjectOptions = {}) {
    super({ ...options, name });
    this.fabric = options.fabric ?? activeFabric;
    this.batchSize = options.batchSize ?? 256;
    this.printText = options.print ?? ((text) => console.log(text));
    this.onError = options.onError ?? ((error) => console.error(`active object ${this.name ?? 'None'} failed:`, error));
    this.timers = new PostedEventTimers(this.clock, (e, queueType) => this.timerPost(e, queueType), HsmWithQueues.QUEUE_SIZE);
  }

  /**
   * True while the worker processes events (after `startAt`, until stopped or failed).
   *
   * @remarks miros: none (miros's thread has no public state).
   */
  get isRunning(): boolean {
    return this.running;
  }

  /**
   * miros `posted_events_queue`: timed posts held, finished ones included.
   *
   * @remarks miros: `posted_events_queue`
   */
  get postedEvents(): readonly TimerRecord[] {
    return this.timers.list();
  }

  /**
   * Names the object if unnamed, runs the initial transitions, starts the worker.
   *
   * @remarks miros: `start_at(state)`
   */
  override startAt(state: StateHandler): void {
    if (this.name === null) this.name = defaultActiveObjectName(stateNameOf(state));
    super.startAt(state);
    this.running = true;
    this.onStart();
    this.scheduleDrain();
  }

  /**
   * Queue `e` (or, with `period`, start a timed post and return its id).
   *
   * @remarks miros: `ActiveObject.post_fifo(e, period=, times=, deferred=)`
   */
  override postFifo(e: Event, options: TimedPostOptions = {}): string | null {
    return this.post(e, 'fifo', options);
  }

  /**
   * Like `postFifo`, at the front of the queue.
   *
   * @remarks miros: `ActiveObject.post_lifo(e, period=, times=, deferred=)`
   */
  override postLifo(e: Event, options: TimedPostOptions = {}): string | null {
    return this.post(e, 'lifo', options);
  }

  /**
   * Stop the timed post with this id (already queued events stay).
   *
   * @remarks miros: `cancel_event(id)` (compared by value, not identity).
   */
  cancelEvent(id: string): void {
    this.timers.cancel(id);
  }

  /**
   * Stop every timed post of this event's signal (already queued events stay).
   *
   * @remarks miros: `cancel_events(e)` (compared by value, not identity).
   */
  cancelEvents(e: Event | string): void {
    this.timers.cancelSignal(typeof e === 'string' ? e : e.signalName);
  }

  /**
   * Queue STOP_ACTIVE_OBJECT_SIGNAL (no spy line). Events ahead of it are
   * still processed; then the worker exits and every timer is cancelled.
   * The STOP event stays queued, so later posts are queued but never run.
   *
   * @remarks miros: `stop()`; awaitable here because the worker shares the event loop.
   */
  stop(): Promise<void> {
    if (!this.stopRequested) {
      this.stopRequested = true;
      this.queue.pushBack(new Event(STOP_ACTIVE_OBJECT_SIGNAL));
      if (this.running) this.scheduleDrain();
      else this.timers.cancelAll();
    }
    return this.whenIdle();
  }

  /**
   * Resolves once the queue is drained (or the worker has stopped); rejects if a step threw.
   *
   * @remarks miros: none (a Python caller sleeps); tests await this instead.
   */
  whenIdle(): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve, reject) => this.idleWaiters.push({ resolve, reject }));
  }

  /**
   * Subscribe to published events of a signal. Before the worker runs the
   * request travels as a SUBSCRIBE_META_SIGNAL event (lifo) that top handles,
   * as in miros; afterwards it applies at once, with a spy note.
   *
   * @remarks miros: `subscribe(e, queue_type='fifo')`
   */
  subscribe(eventOrSignal: Event | number | string, queueType: QueueType = 'fifo'): void {
    const signalName = signalNameOf(eventOrSignal);
    if (this.running) {
      this.scribble(`SUBSCRIBING TO:(${signalName}, TYPE:${queueType})`);
      this.fabric.subscribe(this, signalName, queueType);
    } else {
      this.postLifo(new Event(SUBSCRIBE_META_SIGNAL, { signalName, queueType }));
    }
  }

  /**
   * Publish `e` to every subscriber (1 = most urgent); meta event before the worker runs.
   *
   * @remarks miros: `publish(e, priority=1000)`
   */
  publish(e: Event, priority = 1000): void {
    if (this.running) {
      this.scribble(`PUBLISH:(${e.signalName}, PRIORITY:${priority})`);
      this.fabric.publish(e, priority);
    } else {
      this.postLifo(new Event(PUBLISH_META_SIGNAL, { event: e, priority }));
    }
  }

  /**
   * Call `listener` after each turn of the worker (up to `batchSize` steps), while it runs: the
   * queue has room again. Returns the unsubscribe function. A feeder that holds events for a full
   * queue (ChartNetwork's mesh inbox) posts them here, before the worker decides it is idle.
   *
   * @remarks miros: none (miros's network thread blocks on nothing and overflows instead).
   */
  onDrainTurn(listener: () => void): () => void {
    this.turnListeners.add(listener);
    return () => void this.turnListeners.delete(listener);
  }

  /** The fabric's delivery: queue without a spy line. */
  receivePublished(e: Event, queueType: QueueType): void {
    if (queueType === 'lifo') this.queue.pushFront(e);
    else this.queue.pushBack(e);
    this.scheduleDrain();
  }

  /** An active object's top also carries out meta requests made before the worker ran. */
  override top(chart: HsmEventProcessor, e: Event): number {
    if (chart instanceof ActiveObject) {
      if (e.signal === SUBSCRIBE_META_SIGNAL) {
        const request = e.payload as { signalName: string; queueType: QueueType };
        chart.subscribe(request.signalName, request.queueType);
        return ReturnStatus.HANDLED;
      }
      if (e.signal === PUBLISH_META_SIGNAL) {
        const request = e.payload as { event: Event; priority: number };
        chart.publish(request.event, request.priority);
        return ReturnStatus.HANDLED;
      }
    }
    return ReturnStatus.IGNORED;
  }

  /**
   * miros: an active object's trace is None until a spied state has run.
   *
   * @remarks miros: `trace()`
   */
  override trace(): string | null {
    return this.instrumentation.sawSpiedCall ? super.trace() : null;
  }

  /**
   * Print through the same output as the default live callbacks.
   *
   * @remarks miros: `print(x)`
   */
  print(text: string): void {
    this.printText(text);
  }

  /** Hook for subclasses: the worker has started. */
  protected onStart(): void {}

  /** Hook for subclasses: the worker has exited (stop or failure). */
  protected onStop(): void {}

  private post(e: Event, queueType: QueueType, options: TimedPostOptions): string | null {
    if (options.period == null) {
      this.enqueue(e, queueType);
      return null;
    }
    return this.timers.start({
      event: e,
      queueType,
      period: options.period,
      times: options.times ?? 0,
      deferred: options.deferred ?? true,
    });
  }

  private enqueue(e: Event, queueType: QueueType): void {
    if (queueType === 'lifo') super.postLifo(e);
    else super.postFifo(e);
    this.scheduleDrain();
  }

  /** Timer callbacks run outside any caller: report errors instead of throwing into the clock. */
  private timerPost(e: Event, queueType: QueueType): void {
    try {
      this.enqueue(e, queueType);
    } catch (error) {
      this.onError(error);
    }
  }

  private scheduleDrain(): void {
    if (!this.running || this.drainScheduled || this.draining) return;
    this.drainScheduled = true;
    this.clock.setImmediate(this.drainNow);
  }

  private drain(): void {
    this.drainScheduled = false;
    if (!this.running) return this.settle();
    this.draining = true;
    try {
      for (let steps = 0; steps < this.batchSize; steps++) {
        const front = this.queue.peekFront();
        if (front === undefined) break;
        if (front.signal === STOP_ACTIVE_OBJECT_SIGNAL) {
          this.exitWorker();
          break;
        }
        this.nextRtc();
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.draining = false;
    }
    if (this.running) this.afterTurn();
    if (this.running && this.queue.length > 0) this.scheduleDrain();
    else this.settle();
  }

  private afterTurn(): void {
    for (const listener of this.turnListeners) {
      try {
        listener();
      } catch (error) {
        this.onError(error);
      }
    }
  }

  private exitWorker(): void {
    this.running = false;
    this.timers.cancelAll();
    this.onStop();
  }

  /** A step threw: like miros's dying worker thread, stop processing, and say why. */
  private fail(error: unknown): void {
    this.failure = error;
    this.exitWorker();
    this.onError(error);
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  private isIdle(): boolean {
    return !this.drainScheduled && !this.draining && (!this.running || this.queue.length === 0);
  }

  private settle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter.resolve();
  }
}

function signalNameOf(eventOrSignal: Event | number | string): string {
  if (eventOrSignal instanceof Event) return eventOrSignal.signalName;
  if (typeof eventOrSignal === 'number') return signalRegistry.nameForSignal(eventOrSignal);
  signalRegistry.append(eventOrSignal);
  return eventOrSignal;
}
