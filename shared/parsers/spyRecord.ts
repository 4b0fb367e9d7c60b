/**
 * A spy line as a record, with its `SIGNAL:state[:HOOK]` shape read out.
 *
 * miros writes `SIGNAL:state` when a state is called with a signal,
 * `SIGNAL:state:HOOK` when a state handled it without a transition, and a few
 * other lines: `START`, `<- Queued:(n) Deferred:(m)`, `POST_FIFO:SIG`,
 * `POST_LIFO:SIG`, `POST_DEFERRED:SIG`, `RECALL:SIG`, `PUBLISH:(SIG, …)`,
 * `SUBSCRIBING TO:(…)` and free-text scribbles. Only the first two shapes name
 * a state; for the queue lines (`POST_FIFO:To_Bulk`) the word after the colon
 * is the *posted signal*, so it fills `signal` and leaves `state` empty —
 * otherwise filters and topology inference would take `To_Bulk` for a state.
 * Anything else (spaces or brackets in the parts, more parts) stays a plain
 * line: a scribble must never invent a state.
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
    const head = line.slice(0, colon);
    const second = line.indexOf(':', colon + 1);
    if (second < 0 && QUEUE_ACTIONS.has(head) && isName(line, colon + 1, line.length)) {
      return {
        v: 1, seq: ctx.seq, kind: 'spy', chart, node: null, time, received: ctx.received, raw,
        origin: originOf(ctx), line, signal: line.slice(colon + 1),
      };
    }
    const stateEnd = second < 0 ? line.length : second;
    const hook = second >= 0 && line.length - second === 5 && line.endsWith('HOOK');
    if ((second < 0 || hook) && isName(line, colon + 1, stateEnd)) {
      return {
        v: 1, seq: ctx.seq, kind: 'spy', chart, node: null, time, received: ctx.received, raw,
        origin: originOf(ctx), line, signal: head, state: line.slice(colon + 1, stateEnd), hook,
      };
    }
  }
  return {
    v: 1, seq: ctx.seq, kind: 'spy', chart, node: null, time, received: ctx.received, raw,
    origin: originOf(ctx), line,
  };
}
