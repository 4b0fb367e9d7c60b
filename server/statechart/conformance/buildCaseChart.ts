/**
 * Builds the chart a conformance case describes (engines hsm, ao, factory).
 *
 * Each state becomes a handler named after it: signals not listed in `on`
 * answer SUPER with the parent; listed ones run their steps starting from
 * UNHANDLED and answer the final status. The Factory engine registers the
 * same step lists as `catch` callbacks instead.
 */
import { ActiveFabric } from '../ActiveFabric.ts';
import { ActiveObject } from '../ActiveObject.ts';
import { Event } from '../Event.ts';
import { Factory } from '../Factory.ts';
import type { HsmEventProcessor } from '../HsmEventProcessor.ts';
import { HsmWithQueues } from '../HsmWithQueues.ts';
import { ReturnStatus } from '../returnStatus.ts';
import { spyOn } from '../spyOn.ts';
import type { StateHandler } from '../StateHandler.ts';
import type { VirtualClock } from '../VirtualClock.ts';
import type { CaseChart, CaseEngine, CaseState, CaseStep, Condition } from './MirosCase.ts';

export interface CaseChartContext {
  readonly chart: HsmWithQueues;
  /** State handlers by name ("top" included). */
  readonly states: Map<string, StateHandler>;
  /** The action log (`log` steps). */
  readonly log: string[];
  /** Chart variables (`set`, conditions, saved timer ids). */
  readonly vars: Record<string, unknown>;
}

export function buildCaseChart(engine: Exclude<CaseEngine, 'events'>, spec: CaseChart, clock: VirtualClock): CaseChartContext {
  const options = { clock, fabric: new ActiveFabric({ clock }), print: () => {} };
  const chart =
    engine === 'hsm'
      ? new HsmWithQueues({ ...options, name: spec.name })
      : engine === 'ao'
        ? new ActiveObject(spec.name, options)
        : new Factory(spec.name, options);
  const context: CaseChartContext = { chart, states: new Map(), log: [], vars: { ...spec.vars } };
  context.states.set('top', chart.top);
  if (chart instanceof Factory) buildFactoryStates(chart, spec, context);
  else for (const state of spec.states) context.states.set(state.name, handwrittenState(state, spec, context));
  if (spec.instrumented === false) chart.instrumented = false;
  chart.liveSpy = spec.live_spy ?? false;
  chart.liveTrace = spec.live_trace ?? false;
  return context;
}

function handwrittenState(state: CaseState, spec: CaseChart, context: CaseChartContext): StateHandler {
  const handler = (chart: HsmWithQueues, e: Event): number => {
    const steps = state.on?.[e.signalName];
    if (!steps) return chart.super(parentOf(state, context));
    return runSteps(steps, ReturnStatus.UNHANDLED, chart, state, context);
  };
  Object.defineProperty(handler, 'name', { value: state.name });
  return spec.spy_on === false ? handler : spyOn(state.name, handler);
}

function buildFactoryStates(factory: Factory, spec: CaseChart, context: CaseChartContext): void {
  for (const state of spec.states) {
    const blueprint = factory.create(state.name);
    for (const [signal, steps] of Object.entries(state.on ?? {})) {
      blueprint.catch(signal, (chart, _e) => runSteps(steps, ReturnStatus.UNHANDLED, chart, state, context));
    }
    context.states.set(state.name, blueprint.toMethod());
  }
  for (const state of spec.states) factory.nest(state.name, state.parent === 'top' ? null : state.parent);
}

function parentOf(state: CaseState, context: CaseChartContext): StateHandler {
  const parent = context.states.get(state.parent);
  if (!parent) throw new Error(`state ${state.name}: unknown parent ${state.parent}`);
  return parent;
}

function stateNamed(name: string, context: CaseChartContext): StateHandler {
  const state = context.states.get(name);
  if (!state) throw new Error(`unknown state ${name}`);
  return state;
}

function runSteps(steps: CaseStep[], status: number, chart: HsmWithQueues, state: CaseState, context: CaseChartContext): number {
  for (const step of steps) status = runStep(step, status, chart, state, context);
  return status;
}

function runStep(step: CaseStep, status: number, chart: HsmWithQueues, state: CaseState, context: CaseChartContext): number {
  if ('status' in step) {
    if (step.status === 'super') return chart.super(parentOf(state, context));
    return { handled: ReturnStatus.HANDLED, unhandled: ReturnStatus.UNHANDLED, ignored: ReturnStatus.IGNORED }[step.status];
  }
  if ('trans' in step) return chart.trans(stateNamed(step.trans, context));
  if ('log' in step) context.log.push(step.log);
  else if ('scribble' in step) chart.scribble(step.scribble);
  else if ('post_fifo' in step || 'post_lifo' in step) post(step, chart, context);
  else if ('defer' in step) chart.defer(new Event(step.defer));
  else if ('recall' in step) chart.recall();
  else if ('cancel_events' in step) asActiveObject(chart).cancelEvents(step.cancel_events);
  else if ('cancel_event' in step) asActiveObject(chart).cancelEvent(String(context.vars[step.cancel_event]));
  else if ('set' in step) context.vars[step.set] = step.value;
  else if ('if' in step) {
    const branch = holds(step.if, context.vars) ? step.then : (step.else ?? []);
    return runSteps(branch, status, chart, state, context);
  } else throw new Error(`unknown step ${JSON.stringify(step)}`);
  return status;
}

function post(step: Extract<CaseStep, { period?: number }>, chart: HsmWithQueues, context: CaseChartContext): void {
  const lifo = 'post_lifo' in step;
  const e = new Event(lifo ? step.post_lifo : (step as { post_fifo: string }).post_fifo);
  if (step.period !== undefined && chart instanceof ActiveObject) {
    const timing = { period: step.period, times: step.times ?? null, deferred: step.deferred ?? null };
    const id = lifo ? chart.postLifo(e, timing) : chart.postFifo(e, timing);
    if (step.save_id) context.vars[step.save_id] = id;
  } else if (lifo) chart.postLifo(e);
  else chart.postFifo(e);
}

function asActiveObject(chart: HsmEventProcessor): ActiveObject {
  if (!(chart instanceof ActiveObject)) throw new Error('timer steps need an active object engine');
  return chart;
}

/** Python truthiness of a JSON value. */
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

function holds(condition: Condition, vars: Record<string, unknown>): boolean {
  if ('truthy' in condition) return truthy(vars[condition.truthy]);
  if ('falsy' in condition) return !truthy(vars[condition.falsy]);
  return vars[condition.equals[0]] === condition.equals[1];
}
