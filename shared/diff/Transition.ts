/**
 * What two runs are compared on: each chart's transitions, in the order the
 * chart made them. A transition is the (from state, signal, to state) of one
 * trace record — `[ts] [chart] e->SIGNAL() FROM->TO` — and nothing else:
 * timestamps, payloads and line numbers differ between any two runs and are
 * kept only to show where a transition happened.
 */
import { formatStamp } from '../records/timestamp.ts';
import type { TraceRecord } from '../records/MirosRecord.ts';

export interface Transition {
  from: string;
  signal: string;
  to: string;
  /** The instant the trace line states (epoch ms), or null when it has none. */
  time: number | null;
  /** The timestamp text as written, when the line had one. */
  stamp?: string;
  /** The record's seq in its run (its line, for a file read whole). */
  seq: number;
}

export function transitionOf(record: TraceRecord): Transition {
  const t: Transition = { from: record.from, signal: record.signal, to: record.to, time: record.time, seq: record.seq };
  if (record.stamp !== undefined) t.stamp = record.stamp;
  return t;
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

/** The line's own timestamp text, or one written from `time`, or `no time`. */
export function transitionStamp(t: Transition): string {
  if (t.stamp !== undefined) return t.stamp;
  return t.time === null ? 'no time' : formatStamp(t.time);
}
