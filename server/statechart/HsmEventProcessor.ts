/**
 * The hierarchical event processor: miros's `HsmEventProcessor`.
 *
 * Holds the two pointers the algorithm and the state handlers share —
 * `state.fun` (the active leaf) and `temp.fun` (scratch: a handler's
 * `trans(target)` or SUPER answer writes it) — and runs `startAt`, `dispatch`,
 * `isIn` and `childState` (one file each). It owns no queue, timer or clock;
 * those live in `HsmWithQueues` and `ActiveObject`.
 *
 * Instrumentation is optional and external: attach a {@link Probe} and the
 * processor (plus the `spyOn` wrappers of its states) reports what happens;
 * without one, nothing is recorded and nothing is allocated per event.
 */
import { childState } from './childState.ts';
import { dispatch as runDispatch } from './dispatch.ts';
import type { Event } from './Event.ts';
import { init } from './init.ts';
import { isIn } from './isIn.ts';
import { DISPATCHED_EVENT as DISPATCHED, DISPATCH_EVENT as DISPATCH, type Probe } from './ProbeEvent.ts';
import { ReturnStatus } from './returnStatus.ts';
import { ChartLifecycleError } from './StatechartError.ts';
import { isSpied, stateNameOf, type StateHandler } from './StateHandler.ts';


/**
 * The hierarchical event processor: Samek's algorithm and the two pointers state handlers share.
 * Use `ActiveObject` or `Factory` for a chart that runs by itself.
 *
 * @remarks miros: `HsmEventProcessor` (miros.hsm), the algorithm without queues or instrumentation;
 * `InstrumentedHsmEventProcessor` has no counterpart: instrumentation is an observer here.
 */
export class HsmEventProcessor {
  /**
   * `state.fun`: the active leaf once started.
   *
   * @remarks miros: `chart.state.fun`
   */
  readonly state: { fun: StateHandler };
  /**
   * `temp.fun`: where `trans()` and SUPER answers point.
   *
   * @remarks miros: `chart.temp.fun`
   */
  readonly temp: { fun: StateHandler };
  /** Set by `dispatch` when the event reached top. */
  eventIgnored = false;
  /** The active instrumentation hook; null when uninstrumented. */
  probe: Probe | null = null;
  /** While true, SEARCH answers are reported as `parent` probe events. */
  reportsParents = false;
  /** Scratch entry path shared by `init`, `dispatch` and `trans_` (miros's tpath). */
  readonly tpath: StateHandler[];
  private started = false;
  private attachedProbe: Probe | null = null;
  private instrumentedFlag = true;

  constructor() {
    const top = this.top;
    this.state = { fun: top };
    this.temp = { fun: top };
    this.tpath = new Array<StateHandler>(16).fill(top);
  }

  /**
   * The outermost state: ignores everything. Subclasses may handle more.
   *
   * @remarks miros: `chart.top`
   */
  top(_chart: HsmEventProcessor, _e: Event): number {
    return ReturnStatus.IGNORED;
  }

  /**
   * Point at `target` and answer TRAN: `return chart.trans(target)`.
   *
   * @remarks miros: `chart.trans(target)`
   */
  trans(target: StateHandler): number {
    this.temp.fun = target;
    return ReturnStatus.TRAN;
  }

  /**
   * Name the parent and answer SUPER: `return chart.super(parent)`.
   *
   * @remarks miros: `status, chart.temp.fun = return_status.SUPER, parent` (no helper in miros;
   * this one writes the same two values).
   */
  super(parent: StateHandler): number {
    this.temp.fun = parent;
    return ReturnStatus.SUPER;
  }

  /**
   * True once `startAt` has run.
   *
   * @remarks miros: none (miros checks `state.fun` itself).
   */
  get isStarted(): boolean {
    return this.started;
  }

  /**
   * Whether spy/trace are recorded. Turning it off detaches the probe;
   * `startAt` turns it off when the start state is not wrapped by `spyOn`.
   *
   * @remarks miros: `instrumented`
   */
  get instrumented(): boolean {
    return this.instrumentedFlag;
  }

  set instrumented(on: boolean) {
    this.instrumentedFlag = on;
    this.probe = on ? this.attachedProbe : null;
  }

  /** Attach the instrumentation hook (active while `instrumented`). */
  protected attachProbe(probe: Probe): void {
    this.attachedProbe = probe;
    if (this.instrumentedFlag) this.probe = probe;
  }

  /** Called by `searchSuper` while `reportsParents`. */
  reportParent(state: StateHandler, parent: StateHandler): void {
    this.probe?.receive({ type: 'parent', state, parent });
  }

  /**
   * Enter `initial` from top and follow its initial transitions. Call once.
   *
   * @remarks miros: `start_at(state)`
   */
  startAt(initial: StateHandler): void {
    if (this.started) throw new ChartLifecycleError('startAt was already called on this chart');
    if (typeof initial !== 'function') throw new TypeError('startAt needs a state handler');
    if (!isSpied(initial)) this.instrumented = false;
    this.probe?.receive({ type: 'start' });
    this.state.fun = this.top;
    this.temp.fun = initial;
    init(this);
    this.started = true;
    this.probe?.receive({ type: 'started', leaf: this.state.fun });
  }

  /**
   * Process one event to completion (one RTC step), bypassing any queue.
   *
   * @remarks miros: `dispatch(e)`
   */
  dispatch(e: Event): void {
    if (!this.started) throw new ChartLifecycleError(`dispatch(${e.signalName}) before startAt`);
    let probe = this.probe;
    if (probe !== null) {
      DISPATCH.leaf = this.state.fun;
      probe.receive(DISPATCH);
    }
    runDispatch(this, e);
    probe = this.probe;
    if (probe !== null) {
      DISPATCHED.leaf = this.state.fun;
      DISPATCHED.ignored = this.eventIgnored;
      probe.receive(DISPATCHED);
    }
  }

  /**
   * Is `state` on the active path? (`isIn(top)` is always true.)
   *
   * @remarks miros: `is_in(state)`
   */
  isIn(state: StateHandler): boolean {
    return isIn(this, state);
  }

  /**
   * The active state directly below `parent`.
   *
   * @remarks miros: `child_state(parent)`
   */
  childState(parent: StateHandler): StateHandler {
    return childState(this, parent);
  }

  /**
   * Name of the active leaf; null before `startAt`. Reliable, unlike miros's `state_name`.
   *
   * @remarks miros: `state_name`
   */
  get stateName(): string | null {
    return this.started ? stateNameOf(this.state.fun) : null;
  }
}
