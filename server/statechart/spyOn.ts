/**
 * `spyOn(fn)`: miros's `@spy_on` for a state handler.
 *
 * The wrapper names the state (the function's name, or an explicit one) and,
 * when the chart is instrumented, reports each call and answer to the chart's
 * probe, which turns them into spy lines (`SIGNAL:state`, `SIGNAL:state:HOOK`).
 * REFLECTION_SIGNAL never reaches the handler: the wrapper answers with the
 * state's name. On an uninstrumented chart it is a plain call.
 *
 *   const outer = spyOn(function outer(chart: ActiveObject, e) { … });
 *   const inner = spyOn('inner', (chart, e) => …);
 */
import type { Event } from './Event.ts';
import { CALL_EVENT as CALL, RETURN_EVENT as RETURN, type Probe } from './ProbeEvent.ts';
import { REFLECTION_SIGNAL } from './reservedEvents.ts';
import { LAST_INNER_SIGNAL } from './SignalRegistry.ts';
import type { SpiedState, StateHandler } from './StateHandler.ts';


/**
 * Wrap a state handler so the chart's spy and trace record it (the wrapper also names the state).
 *
 * @remarks miros: `@spy_on` (miros.hsm)
 */
export function spyOn<C>(fn: StateHandler<C>): SpiedState<C>;
export function spyOn<C>(name: string, fn: StateHandler<C>): SpiedState<C>;
export function spyOn<C>(nameOrFn: string | StateHandler<C>, maybeFn?: StateHandler<C>): SpiedState<C> {
  const fn = typeof nameOrFn === 'function' ? nameOrFn : maybeFn;
  const name = typeof nameOrFn === 'string' ? nameOrFn : nameOrFn.name;
  if (typeof fn !== 'function') throw new TypeError('spyOn needs a state handler function');
  if (!name) {
    throw new TypeError('spyOn needs a named function (`function outer(chart, e) {…}`) or an explicit name');
  }
  const spied = function (chart: C, e: Event): number {
    const probe = (chart as { probe?: Probe | null }).probe;
    if (probe == null) return fn(chart, e);
    const signal = e.signal;
    // The reflection answer is a string by design (miros does the same); only
    // the processor's name queries send this signal.
    if (signal === REFLECTION_SIGNAL) return name as unknown as number;
    CALL.signalName = e.signalName;
    CALL.stateName = name;
    probe.receive(CALL);
    const status = fn(chart, e);
    // Answers to reserved signals never make spy lines or trace entries.
    if (signal <= LAST_INNER_SIGNAL) return status;
    RETURN.signal = signal;
    RETURN.signalName = e.signalName;
    RETURN.stateName = name;
    RETURN.status = status;
    probe.receive(RETURN);
    return status;
  };
  Object.defineProperty(spied, 'name', { value: name });
  Object.defineProperty(spied, 'stateName', { value: name, enumerable: true });
  Object.defineProperty(spied, 'spied', { value: true, enumerable: true });
  return spied as unknown as SpiedState<C>;
}
