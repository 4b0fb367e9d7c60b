/**
 * Performs one conformance case on our runtime and records what it reports,
 * in the shape of the case's `expected` block, so the two compare directly.
 *
 * Per op we collect the full-spy lines and trace entries appended (through
 * `observe`, so lines later dropped by the 500-line ring still count), the
 * action log, the live callback strings, then the state and queue counts.
 * Active objects run on a VirtualClock and are awaited to idle after every op.
 */
import { ActiveObject } from '../ActiveObject.ts';
import { Event } from '../Event.ts';
import { StateNotActiveError } from '../StatechartError.ts';
import { stateNameOf, type StateHandler } from '../StateHandler.ts';
import { VirtualClock } from '../VirtualClock.ts';
import { buildCaseChart, type CaseChartContext } from './buildCaseChart.ts';
import { firstDifference } from './firstDifference.ts';
import type { CaseOp, MirosCase, StepRecord } from './MirosCase.ts';
import { normalizeTimestamps } from './normalizeTimestamps.ts';
import { runEventsCase } from './runEventsCase.ts';

export interface CaseRun {
  steps: StepRecord[];
  final: Record<string, unknown>;
}

export async function runMirosCase(c: MirosCase): Promise<CaseRun> {
  if (c.engine === 'events') return runEventsCase(c.ops);
  const clock = new VirtualClock();
  const context = buildCaseChart(c.engine, c.chart!, clock);
  const { chart } = context;
  const live: Array<[string, string]> = [];
  chart.registerLiveSpyCallback((line) => live.push(['spy', line]));
  chart.registerLiveTraceCallback((text) => live.push(['trace', normalizeTimestamps(text)]));
  let spy: string[] = [];
  let trace: string[] = [];
  chart.observe((o) => {
    if (o.type === 'spy') spy.push(o.line);
    else if (o.type === 'trace') trace.push(normalizeTimestamps(o.line));
  });
  const timerIds = new Map<string, string | null>();
  const steps: StepRecord[] = [];
  for (const op of c.ops) {
    spy = [];
    trace = [];
    const logStart = context.log.length;
    const liveStart = live.length;
    const result = await performOp(op, context, clock, timerIds);
    if (chart instanceof ActiveObject) await chart.whenIdle();
    const step: StepRecord = {
      spy,
      trace,
      log: context.log.slice(logStart),
      live: live.slice(liveStart),
      state: chart.stateName,
      queued: chart.queue.length,
      deferred: chart.deferQueue.length,
    };
    if (chart instanceof ActiveObject) step.timers = chart.postedEvents.length;
    if (result !== NO_RESULT) step.result = result;
    steps.push(step);
  }
  const traceText = chart.trace();
  const final: Record<string, unknown> = {
    spy: chart.spy(),
    trace_text: traceText === null ? null : normalizeTimestamps(traceText),
    trace: traceText === null ? null : normalizeTimestamps(traceText).split('\n').filter((line) => line !== ''),
    log: context.log,
    live,
    state: chart.stateName,
    name: chart.name,
  };
  if (chart.isStarted) {
    final.is_in = Object.fromEntries(c.chart!.states.map((s) => [s.name, chart.isIn(context.states.get(s.name)!)]));
  }
  return { steps, final };
}

/** The first difference between a case's expectations and a run, with its step. */
export function compareCaseRun(c: MirosCase, run: CaseRun): string | null {
  for (let i = 0; i < c.ops.length; i++) {
    const difference = firstDifference(c.expected.steps[i], run.steps[i]);
    if (difference) return `step ${i + 1} (${describeOp(c.ops[i]!)}) ${difference}`;
  }
  const difference = firstDifference(c.expected.final, run.final);
  return difference ? `final ${difference}` : null;
}

const NO_RESULT = Symbol('no result');

async function performOp(
  op: CaseOp,
  context: CaseChartContext,
  clock: VirtualClock,
  timerIds: Map<string, string | null>,
): Promise<unknown> {
  const { chart } = context;
  const state = (name: string): StateHandler => {
    const handler = context.states.get(name);
    if (!handler) throw new Error(`unknown state ${name}`);
    return handler;
  };
  const event = (): Event => new Event(op.signal!, op.payload ?? null);
  const ao = (): ActiveObject => {
    if (!(chart instanceof ActiveObject)) throw new Error(`${op.op} needs an active object engine`);
    return chart;
  };
  switch (op.op) {
    case 'start_at':
      chart.startAt(state(op.state!));
      return NO_RESULT;
    case 'dispatch':
      chart.dispatch(event());
      return NO_RESULT;
    case 'post_fifo':
    case 'post_lifo': {
      const lifo = op.op === 'post_lifo';
      if (op.period !== undefined) {
        const timing = { period: op.period, times: op.times ?? null, deferred: op.deferred ?? null };
        const id = lifo ? ao().postLifo(event(), timing) : ao().postFifo(event(), timing);
        if (op.id) timerIds.set(op.id, id);
      } else if (lifo) chart.postLifo(event());
      else chart.postFifo(event());
      return NO_RESULT;
    }
    case 'next_rtc':
      return chart.nextRtc();
    case 'complete_circuit':
      chart.completeCircuit();
      return NO_RESULT;
    case 'advance':
      clock.advance(op.seconds!);
      return NO_RESULT;
    case 'cancel_event':
      ao().cancelEvent(timerIds.get(op.id!) ?? '');
      return NO_RESULT;
    case 'cancel_events':
      ao().cancelEvents(op.signal!);
      return NO_RESULT;
    case 'stop':
      await ao().stop();
      return NO_RESULT;
    case 'defer':
      chart.defer(event());
      return NO_RESULT;
    case 'recall':
      return chart.recall()?.signalName ?? null;
    case 'scribble':
      chart.scribble(op.text!);
      return NO_RESULT;
    case 'set':
      context.vars[op.var!] = op.value;
      return NO_RESULT;
    case 'is_in':
      return chart.isIn(state(op.state!));
    case 'child_state':
      try {
        return stateNameOf(chart.childState(state(op.of!)));
      } catch (error) {
        // miros fails an assertion here; the case records its name.
        if (error instanceof StateNotActiveError) return { error: 'AssertionError' };
        throw error;
      }
    case 'spy':
      return chart.spy();
    case 'spy_rtc':
      return chart.spyRtc();
    case 'trace': {
      const text = chart.trace();
      return text === null ? null : normalizeTimestamps(text);
    }
    case 'clear_spy':
      chart.clearSpy();
      return NO_RESULT;
    case 'clear_trace':
      chart.clearTrace();
      return NO_RESULT;
    default:
      throw new Error(`unknown op ${op.op}`);
  }
}

function describeOp(op: CaseOp): string {
  const argument = op.signal ?? op.state ?? op.of ?? op.text ?? op.seconds ?? op.var ?? op.json ?? op.number;
  return argument === undefined ? op.op : `${op.op} ${String(argument)}`;
}
