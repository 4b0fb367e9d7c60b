/**
 * Reads the part of a miros trace line after `[stamp] [chart] `:
 *
 *   e->SIGNAL(payload) FROM->TO          (miros)
 *   cTrig->SIGNAL(payload) FROM->TO      (older keywords: any word, or none)
 *   SIGNAL: FROM->TO                     (the oldest docstring shape)
 *
 * The payload is Python's `str()` of anything, so it may hold spaces,
 * brackets, parentheses, quotes and even `->`; the signal cannot (it is a
 * name). So the signal ends at the first `(` of the first word, the
 * transition is the *last* word, and the payload is everything between the
 * first `(` and the `)` that ends right before that last word. This reads
 * `e->go(f(x)) A->B` and `e->set({'y': 0}) A->B` correctly, with no regex.
 *
 * A first word without `->…(` (`uiErrNum->2 siErrVal->555 FAULT …`, prose)
 * is not a trace line: null, and the caller keeps it as a note. A first word
 * that *is* an event but the rest does not end in a clean ` FROM->TO` is a
 * malformed trace line: the answer is the error message.
 */
import type { TraceRecord } from '../records/MirosRecord.ts';
import { originOf, type LineContext } from './LineContext.ts';
import { isSpace } from './isSpace.ts';

/**
 * Where the fields of a trace body lie in the text it was read from, as
 * [start, end) offsets: what {@link scanTraceBody} finds. The record path
 * slices them into a TraceRecord; a columnar sink reads them in place
 * (see LineSink), so both are the same reading by construction.
 */
export interface TraceSpans {
  signalStart: number;
  signalEnd: number;
  /** payloadStart === payloadEnd: no payload (the parentheses were empty, or the `SIG:` shape). */
  payloadStart: number;
  payloadEnd: number;
  fromStart: number;
  fromEnd: number;
  toStart: number;
  toEnd: number;
  /** An older shape: a keyword other than `e`, or `SIG: A->B`. */
  legacy: boolean;
}

export function emptyTraceSpans(): TraceSpans {
  return { signalStart: 0, signalEnd: 0, payloadStart: 0, payloadEnd: 0, fromStart: 0, fromEnd: 0, toStart: 0, toEnd: 0, legacy: false };
}

/**
 * Set by every successful {@link traceBody} call: whether the line used an
 * older shape (a keyword other than `e`, or `SIG: A->B`). A module slot, not
 * a field of the result, so the hot path allocates nothing extra.
 */
export const traceShape = { legacy: false };

/**
 * `s[start, end)` is the body, with `end` already past the last non-space
 * character. Fills `out` and returns true for a trace body; else an error
 * message (a malformed trace) or null (not a trace).
 */
export function scanTraceBody(s: string, start: number, end: number, out: TraceSpans): true | string | null {
  // Searches stay inside [start, end): `s` may be a whole block of lines (the
  // in-place path). Hand-written loops, not indexOf: the distances are a few
  // characters, shorter than a call into the runtime.
  let wordEnd = start;
  while (wordEnd < end && !isSpace(s.charCodeAt(wordEnd))) wordEnd++;
  const arrow = arrowIn(s, start, end);

  if (arrow >= 0 && arrow + 2 <= wordEnd) {
    let paren = arrow + 2;
    while (paren < wordEnd && s.charCodeAt(paren) !== 40 /* ( */) paren++;
    if (paren >= wordEnd) return null;
    if (paren === arrow + 2) return 'the event has no signal name';
    let to0 = end;
    while (to0 > paren && !isSpace(s.charCodeAt(to0 - 1))) to0--;
    if (to0 <= paren) return "expected ' FROM->TO' after the event";
    const t = arrowIn(s, to0, end);
    if (t < 0) return "expected ' FROM->TO' at the end of the line";
    let close = to0 - 1;
    while (close > paren && isSpace(s.charCodeAt(close))) close--;
    if (s.charCodeAt(close) !== 41 /* ) */) {
      const last = s.lastIndexOf(')', close);
      return last > paren
        ? `unexpected '${s.slice(last + 1, to0).trim()}' between the event and '${s.slice(to0, end)}'`
        : "the event's '(' is never closed";
    }
    if (t === to0 || t + 2 >= end) return `'${s.slice(to0, end)}' is not FROM->TO`;
    if (arrowIn(s, t + 2, end) >= 0) return `'${s.slice(to0, end)}' has more than one '->'`;
    out.legacy = !(arrow === start + 1 && s.charCodeAt(start) === 101 /* e */);
    out.signalStart = arrow + 2;
    out.signalEnd = paren;
    out.payloadStart = paren + 1;
    out.payloadEnd = close;
    out.fromStart = to0;
    out.fromEnd = t;
    out.toStart = t + 2;
    out.toEnd = end;
    return true;
  }

  // `SIG: FROM->TO`: exactly two words, the first ending in ':', the second FROM->TO.
  if (wordEnd - start > 1 && s.charCodeAt(wordEnd - 1) === 58 /* : */ && (arrow < 0 || arrow > wordEnd)) {
    let from0 = wordEnd;
    while (from0 < end && isSpace(s.charCodeAt(from0))) from0++;
    if (arrow <= from0 || arrow + 2 >= end) return null;
    for (let i = from0; i < end; i++) if (isSpace(s.charCodeAt(i))) return null;
    if (arrowIn(s, arrow + 2, end) >= 0) return null;
    out.legacy = true;
    out.signalStart = start;
    out.signalEnd = wordEnd - 1;
    out.payloadStart = out.payloadEnd = wordEnd;
    out.fromStart = from0;
    out.fromEnd = arrow;
    out.toStart = arrow + 2;
    out.toEnd = end;
    return true;
  }
  return null;
}

/** The first `->` starting in [from, end - 1), or -1. */
function arrowIn(s: string, from: number, end: number): number {
  for (let i = from; i < end - 1; i++) if (s.charCodeAt(i) === 45 /* - */ && s.charCodeAt(i + 1) === 62 /* > */) return i;
  return -1;
}

const spans = emptyTraceSpans();

/**
 * `s[start, end)` is the body, with `end` already past the last non-space
 * character. Returns the trace record, an error message, or null.
 */
export function traceBody(
  ctx: LineContext, s: string, start: number, end: number,
  chart: string | null, time: number | null, stamp: string | undefined, raw: string,
): TraceRecord | string | null {
  const found = scanTraceBody(s, start, end, spans);
  if (found !== true) return found;
  traceShape.legacy = spans.legacy;
  const signal = s.slice(spans.signalStart, spans.signalEnd);
  const from = s.slice(spans.fromStart, spans.fromEnd);
  const to = s.slice(spans.toStart, spans.toEnd);
  const origin = originOf(ctx);
  if (spans.payloadStart === spans.payloadEnd) {
    return stamp === undefined
      ? { v: 1, seq: ctx.seq, kind: 'trace', chart, node: null, time, received: ctx.received, raw, origin, signal, from, to }
      : { v: 1, seq: ctx.seq, kind: 'trace', chart, node: null, time, received: ctx.received, raw, origin, signal, from, to, stamp };
  }
  const payload = s.slice(spans.payloadStart, spans.payloadEnd);
  return stamp === undefined
    ? { v: 1, seq: ctx.seq, kind: 'trace', chart, node: null, time, received: ctx.received, raw, origin, signal, payload, from, to }
    : { v: 1, seq: ctx.seq, kind: 'trace', chart, node: null, time, received: ctx.received, raw, origin, signal, payload, from, to, stamp };
}
