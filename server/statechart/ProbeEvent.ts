/**
 * The one instrumentation hook of a chart and the events it receives.
 *
 * The processor, the spy wrapper and the queue layer describe what happens as
 * a discriminated union; `Instrumentation` (spy, trace, live output,
 * observers) is a consumer of it, not a subclass of the chart. A chart with
 * no probe attached is uninstrumented and pays one null check per call.
 *
 * Hot events (`call`, `return`, `dispatch`, `dispatched`) are preallocated
 * objects that emitters overwrite before each call, so a probe must read
 * what it needs before returning and never keep the object.
 */
import type { StateHandler } from './StateHandler.ts';

/** A spied state is about to handle a signal (spy line `SIGNAL:state`). */
export interface CallProbe {
  type: 'call';
  signalName: string;
  stateName: string;
}

/** A spied state answered a user (non-reserved) signal (spy line `SIGNAL:state:HOOK` when HANDLED). */
export interface ReturnProbe {
  type: 'return';
  signal: number;
  signalName: string;
  stateName: string;
  status: number;
}

/** An RTC step's algorithm begins; `leaf` is the active leaf before it. */
export interface DispatchProbe {
  type: 'dispatch';
  leaf: StateHandler;
}

/** An RTC step's algorithm ended; `ignored` when the event reached top. */
export interface DispatchedProbe {
  type: 'dispatched';
  leaf: StateHandler;
  ignored: boolean;
}

export type ProbeEvent =
  | CallProbe
  | ReturnProbe
  | DispatchProbe
  | DispatchedProbe
  /** `startAt` begins (spy `START`). */
  | { type: 'start' }
  /** `startAt`'s entries and initial transitions are done. */
  | { type: 'started'; leaf: StateHandler }
  /** A SEARCH answer revealed a state's parent (sent only while `reportsParents`). */
  | { type: 'parent'; state: StateHandler; parent: StateHandler }
  /** A spy text line: posts, defers, scribbles, publish/subscribe notes. */
  | { type: 'line'; text: string }
  /** `recall` found a deferred event (spy `RECALL:SIG`). */
  | { type: 'recall'; signalName: string }
  /** `next_rtc` begins. */
  | { type: 'rtc' }
  /** `next_rtc` ended; the queue reflection line to append. */
  | { type: 'rtc-done'; reflection: string }
  /** The queueing layer finished `startAt`; the queue reflection line to append. */
  | { type: 'start-done'; reflection: string };

/**
 * The hook itself: one method receiving the union. An object rather than a
 * bare function so that every chart's emitters call the same prototype
 * method, which the JIT can inline (per-chart closures would not be).
 */
/**
 * The preallocated hot events. Emitters overwrite their fields and send
 * them; a probe may recognise them by identity, which stays fast however
 * many other event shapes it has seen.
 */
export const CALL_EVENT: CallProbe = { type: 'call', signalName: '', stateName: '' };
export const RETURN_EVENT: ReturnProbe = { type: 'return', signal: 0, signalName: '', stateName: '', status: 0 };
export const DISPATCH_EVENT: DispatchProbe = { type: 'dispatch', leaf: () => 0 };
export const DISPATCHED_EVENT: DispatchedProbe = { type: 'dispatched', leaf: () => 0, ignored: false };

export interface Probe {
  receive(event: ProbeEvent): void;
}
