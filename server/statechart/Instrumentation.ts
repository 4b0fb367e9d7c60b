/**
 * Spy, trace, live output and observers for one chart: a consumer of the
 * chart's probe events (see ProbeEvent.ts), not a subclass of the chart.
 *
 * Buffers and their mechanics are miros's, because they decide which lines a
 * user sees:
 *
 *   handler calls, posts, scribbles ──► RTC buffer (250, drops oldest)
 *        dispatch: clear RTC ─ run ─ record trace ─ copy RTC ──► full spy (500 ring)
 *        next_rtc: clear RTC ─ dispatch ─ reflection line ──► RTC + full spy
 *                                       ─ live trace ─ live spy (RTC lines)
 *        start_at: (RTC not cleared) START … ─ copy RTC ──► full spy ─ trace
 *                  ─ reflection ─ live trace ─ live spy
 *   trace: ring of 500 entries, one per start_at and per step that was
 *          neither a hook nor ignored (and that a spied state saw)
 */
import type { ChartListener, ChartObservation } from './ChartObservation.ts';
import type { Clock } from './Clock.ts';
import { formatTraceLine } from './formatTraceLine.ts';
import { CALL_EVENT, RETURN_EVENT, type Probe, type ProbeEvent } from './ProbeEvent.ts';
import { ReturnStatus } from './returnStatus.ts';
import { CALL_LINE, HOOK_LINE, SpyJournal, TEXT_LINE } from './SpyJournal.ts';
import { stateNameOf, type StateHandler } from './StateHandler.ts';
import { TraceRing } from './TraceRing.ts';

export const RTC_BUFFER_SIZE = 250;
export const SPY_BUFFER_SIZE = 500;
export const TRACE_BUFFER_SIZE = 500;

/** What the instrumentation needs to know about its chart. */
export interface InstrumentedChart {
  readonly name: string | null;
  readonly liveSpy: boolean;
  readonly liveTrace: boolean;
  readonly top: StateHandler;
  reportsParents: boolean;
}

export interface InstrumentationOptions {
  /** Where default live callbacks print (default `console.log`). */
  print?: (text: string) => void;
  /** Where listener exceptions go (default `console.error`). */
  onListenerError?: (error: unknown) => void;
}

export class Instrumentation implements Probe {
  readonly spy = new SpyJournal(RTC_BUFFER_SIZE, SPY_BUFFER_SIZE);
  readonly traces = new TraceRing(TRACE_BUFFER_SIZE);
  /** True once any spied state was called on this chart (miros's `spied_on`). */
  sawSpiedCall = false;
  liveSpyCallback: (line: string) => void;
  liveTraceCallback: (text: string) => void;

  // Bookkeeping of the current RTC step (miros derives it from spy tuples).
  private hooked = false;
  private sawUserSignal = false;
  private userSignalName = '';
  private fromLeaf: StateHandler | null = null;
  private lastLiveTraceSeq = -1;

  private readonly listeners = new Set<ChartListener>();
  private readonly knownParents = new Map<StateHandler, StateHandler>();
  private readonly onListenerError: (error: unknown) => void;

  constructor(
    private readonly chart: InstrumentedChart,
    private readonly clock: Clock,
    options: InstrumentationOptions = {},
  ) {
    const print = options.print ?? ((text: string) => console.log(text));
    this.liveSpyCallback = (line) => print(line);
    this.liveTraceCallback = (text) => print(text.replace(/\n/g, ''));
    this.onListenerError = options.onListenerError ?? ((error) => console.error('chart listener failed:', error));
  }

  /**
   * Every instrumentation event of the chart arrives here. Kept small so the
   * JIT inlines it into the spy wrapper: handler calls are the hot path.
   */
  receive(ev: ProbeEvent): void {
    if (ev === CALL_EVENT) {
      this.spy.write(CALL_LINE, CALL_EVENT.signalName, CALL_EVENT.stateName);
    } else if (ev === RETURN_EVENT) {
      this.answered(RETURN_EVENT.signalName, RETURN_EVENT.stateName, RETURN_EVENT.status);
    } else if (ev.type === 'call') {
      this.spy.write(CALL_LINE, ev.signalName, ev.stateName);
    } else if (ev.type === 'return') {
      this.answered(ev.signalName, ev.stateName, ev.status);
    } else {
      this.receiveStep(ev);
    }
  }

  /** A spied state answered a user signal. */
  private answered(signalName: string, stateName: string, status: number): void {
    this.sawUserSignal = true;
    this.userSignalName = signalName;
    if (status === ReturnStatus.HANDLED) {
      this.hooked = true;
      this.spy.write(HOOK_LINE, signalName, stateName);
    }
  }

  /** Everything but handler calls: step boundaries, text lines, topology. */
  private receiveStep(ev: Exclude<ProbeEvent, { type: 'call' | 'return' }>): void {
    switch (ev.type) {
      case 'dispatch':
        this.spy.clearRtc();
        this.hooked = false;
        this.sawUserSignal = false;
        this.fromLeaf = ev.leaf;
        return;
      case 'dispatched':
        // Fix (miros): a step no spied state saw as a user signal (meta
        // events, unspied states) records nothing instead of an entry
        // without timestamp that makes trace() raise.
        if (!this.hooked && !ev.ignored && this.sawUserSignal) {
          // fromLeaf is unset only if instrumentation was switched on mid-step.
          this.recordTrace(this.userSignalName, stateNameOf(this.fromLeaf ?? ev.leaf), stateNameOf(ev.leaf));
        }
        this.flushRtc();
        return;
      case 'line':
        this.spy.write(TEXT_LINE, ev.text, '');
        return;
      case 'recall':
        this.spy.write(TEXT_LINE, 'RECALL:' + ev.signalName, '');
        return;
      case 'rtc':
        this.spy.clearRtc();
        return;
      case 'rtc-done':
        this.appendReflection(ev.reflection);
        this.reportLive(false);
        return;
      case 'start':
        // `start` is only sent by an instrumented chart whose start state is
        // spied, and before it no spied state can be called.
        this.sawSpiedCall = true;
        this.spy.write(TEXT_LINE, 'START', '');
        return;
      case 'started':
        this.flushRtc();
        this.recordTrace(null, 'top', stateNameOf(ev.leaf));
        return;
      case 'start-done':
        this.appendReflection(ev.reflection);
        this.reportLive(true);
        return;
      case 'parent':
        this.learnParent(ev.state, ev.parent);
        return;
    }
  }

  /** Subscribe to the chart's observations; returns the unsubscribe function. */
  observe(listener: ChartListener): () => void {
    this.listeners.add(listener);
    this.chart.reportsParents = true;
    for (const [state, parent] of this.knownParents) this.deliver(listener, this.topologyOf(state, parent));
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.chart.reportsParents = false;
    };
  }

  spyLines(): string[] {
    return this.spy.fullLines();
  }

  rtcLines(): string[] {
    return this.spy.rtcLines();
  }

  /** miros `trace()` text: a newline, then each entry's line ending with a newline. */
  traceText(): string {
    let text = '\n';
    for (let i = 0; i < this.traces.length; i++) text += formatTraceLine(this.traces.entry(i), this.chart.name) + '\n';
    return text;
  }

  clearSpy(): void {
    this.spy.clearFull();
  }

  /** Empties the trace; the live trace then reports the next entry recorded. */
  clearTrace(): void {
    this.traces.clear();
  }

  private flushRtc(): void {
    const before = this.spy.appendedToFull;
    this.spy.commitRtc();
    if (this.listeners.size > 0) {
      for (const line of this.spy.newestFullLines(this.spy.appendedToFull - before)) {
        this.emit({ type: 'spy', chart: this.chart.name, line });
      }
    }
  }

  private appendReflection(line: string): void {
    this.spy.writeBoth(TEXT_LINE, line, '');
    if (this.listeners.size > 0) this.emit({ type: 'spy', chart: this.chart.name, line });
  }

  private recordTrace(signalName: string | null, from: string, to: string): void {
    const time = this.clock.traceNow ? this.clock.traceNow() : this.clock.now();
    this.traces.push(time, signalName, from, to);
    if (this.listeners.size > 0) {
      const line = formatTraceLine({ time, signalName, from, to }, this.chart.name);
      this.emit({ type: 'trace', chart: this.chart.name, time, signal: signalName ?? 'start_at', from, to, line });
    }
  }

  /**
   * Live output after start_at (`afterStart`) or next_rtc: the trace string
   * first, then each RTC line to the spy callback. After start_at the newest
   * entry is reported without a leading newline; after next_rtc it is
   * reported (with a leading newline) only if not reported before.
   */
  private reportLive(afterStart: boolean): void {
    if (this.chart.liveTrace) {
      const newest = this.traces.newest();
      if (newest !== null) {
        if (afterStart || newest.seq !== this.lastLiveTraceSeq) {
          const line = formatTraceLine(newest, this.chart.name) + '\n';
          this.deliverLiveTrace(afterStart ? line : '\n' + line);
        }
        this.lastLiveTraceSeq = newest.seq;
      }
    }
    if (this.chart.liveSpy) {
      for (const line of this.spy.rtcLines()) {
        this.callSafely(this.liveSpyCallback, line);
        if (this.listeners.size > 0) this.emit({ type: 'live-spy', chart: this.chart.name, line });
      }
    }
  }

  private deliverLiveTrace(text: string): void {
    this.callSafely(this.liveTraceCallback, text);
    if (this.listeners.size > 0) this.emit({ type: 'live-trace', chart: this.chart.name, text });
  }

  private learnParent(state: StateHandler, parent: StateHandler): void {
    if (this.knownParents.get(state) === parent) return;
    this.knownParents.set(state, parent);
    this.emit(this.topologyOf(state, parent));
  }

  private topologyOf(state: StateHandler, parent: StateHandler): ChartObservation {
    return {
      type: 'topology',
      chart: this.chart.name,
      state: stateNameOf(state),
      parent: parent === this.chart.top ? null : stateNameOf(parent),
    };
  }

  /**
   * Live callbacks run on miros's writer thread, where an exception cannot
   * reach the chart; we keep that: report it and carry on.
   */
  private callSafely(callback: (text: string) => void, text: string): void {
    try {
      callback(text);
    } catch (error) {
      this.onListenerError(error);
    }
  }

  private emit(observation: ChartObservation): void {
    for (const listener of [...this.listeners]) this.deliver(listener, observation);
  }

  private deliver(listener: ChartListener, observation: ChartObservation): void {
    try {
      listener(observation);
    } catch (error) {
      this.onListenerError(error);
    }
  }
}
