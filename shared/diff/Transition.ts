/**
 * What two runs are compared on: each chart's transitions, in the order the
 * chart made them. A transition is the (from state, signal, to state) of one
 * trace record — `[ts] [chart] e->SIGNAL() FROM->TO` — and nothing else:
 * timestamps, payloads and line numbers differ between any two runs and are
 * kept only to show where a transition happened.
 */
import { formatStamp } from '../records/timestamp.ts';

export interface Transition {
  from: string;
  signal: string;
  to: string;
  /** The instant the trace line states (epoch ms), or null when it has none. */
  time: number | null;
  /** The record's seq in its run (its line, for a file read whole). */
  seq: number;
}

/** The identity two runs compare: equal keys are the same transition. */
export function transitionKey(t: Pick<Transition, 'from' | 'signal' | 'to'>): string {
  // NUL cannot occur in a parsed state or signal name, so keys never collide.
  return `${t.from}\0${t.signal}\0${t.to}`;
}

export function sameTransition(a: Transition, b: Transition): boolean {
  return a.from === b.from && a.signal === b.signal && a.to === b.to;
}

/** `to_inner() outer->inner`, the trace line's own spelling. */
export function transitionLabel(t: Pick<Transition, 'from' | 'signal' | 'to'>): string {
  return `${t.signal}() ${t.from}->${t.to}`;
}

/** When it happened, in miros's form (`2026-01-02 03:04:05.000000`), or `no time`. */
export function transitionStamp(t: Pick<Transition, 'time'>): string {
  return t.time === null ? 'no time' : formatStamp(t.time);
}
