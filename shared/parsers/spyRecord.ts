/**
 * A spy line as a record, with its `SIGNAL:state[:HOOK]` shape read out.
 *
 * miros writes `SIGNAL:state` when a state is called with a signal,
 * `SIGNAL:state:HOOK` when a state handled it without a transition, and a few
 * other lines: `START`, `<- Queued:(n) Deferred:(m)`, `POST_FIFO:SIG`,
 * `POST_LIFO:SIG`, `POST_DEFERRED:SIG`, `RECALL:SIG`, `PUBLISH:(SIG, …)`,
 * `SUBSCRIBING TO:(…)` and free-text scribbles. Only the first two shapes name
 * a state: `signal`, `state` and (for a hook) `hook: true` are filled. The
 * queue lines have the same shape but the word after the colon is a posted
 * signal, not a state, so they stay plain lines — the network decoder
 * (shared/records/parseSpyLine.ts) reads them the same way, so a line means
 * the same live and replayed. Anything else (spaces, brackets, quotes in the
 * parts, more parts) stays a plain line: a scribble must never invent a state.
 */
import type { SpyRecord } from '../records/MirosRecord.ts';
import { originOf, type LineContext } from './LineContext.ts';

const QUEUE_ACTIONS = new Set(['POST_FIFO', 'POST_LIFO', 'POST_DEFERRED', 'RECALL']);

/** True when text[start, end) is a non-empty name: no space, colon, bracket, quote, comma or `=`. */
function isName(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (
      c <= 32 || c === 58 /* : */ || c === 40 || c === 41 /* ( ) */ || c === 91 || c === 93 /* [ ] */ ||
      c === 123 || c === 125 /* { } */ || c === 60 || c === 62 /* < > */ || c === 44 /* , */ ||
      c === 39 || c === 34 /* ' " */ || c === 61 /* = */
    ) return false;
  }
  return true;
}

export function spyRecord(
  ctx: LineContext, chart: string | null, time: number | null, raw: string, line: string,
): SpyRecord {
  const colon = line.indexOf(':');
  if (colon > 0 && isName(line, 0, colon)) {
    const second = line.indexOf(':', colon + 1);
    const stateEnd = second < 0 ? line.length : second;
    const hook = second >= 0 && line.length - second === 5 && line.endsWith('HOOK');
    if ((second < 0 || hook) && isName(line, colon + 1, stateEnd)) {
      const signal = line.slice(0, colon);
      if (!QUEUE_ACTIONS.has(signal)) {
        const state = line.slice(colon + 1, stateEnd);
        const origin = originOf(ctx);
        return hook
          ? { v: 1, seq: ctx.seq, kind: 'spy', chart, node: null, time, received: ctx.received, raw, origin, line, signal, state, hook }
          : { v: 1, seq: ctx.seq, kind: 'spy', chart, node: null, time, received: ctx.received, raw, origin, line, signal, state };
      }
    }
  }
  return {
    v: 1, seq: ctx.seq, kind: 'spy', chart, node: null, time, received: ctx.received, raw,
    origin: originOf(ctx), line,
  };
}
