/**
 * A spy line as a record, with its `SIGNAL:state[:HOOK]` shape read out.
 *
 * miros writes `SIGNAL:state` when a state is called with a signal,
 * `SIGNAL:state:HOOK` when a state handled it without a transition, and a few
 * other lines: `START`, `<- Queued:(n) Deferred:(m)`, `POST_FIFO:SIG`,
 * `POST_LIFO:SIG`, `POST_DEFERRED:SIG`, `RECALL:SIG`, `PUBLISH:(SIG, …)`,
 * `SUBSCRIBING TO:(…)` and free-text scribbles. Only the first two shapes name
 * a state: `signal`, `state` and (for a hook) `hook: true` are filled. That
 * reading is shared/records/parseSpyLine.ts, the one the network decoder
 * uses, so a line means the same live and replayed (queue lines such as
 * `POST_FIFO:To_Bulk`, whose second word is a signal, stay plain there).
 */
import type { SpyRecord } from '../records/MirosRecord.ts';
import { parseSpyLine } from '../records/parseSpyLine.ts';
import { originOf, type LineContext } from './LineContext.ts';

export function spyRecord(
  ctx: LineContext, chart: string | null, time: number | null, raw: string, line: string,
): SpyRecord {
  const origin = originOf(ctx);
  // Most spy lines have a colon; the rest (START, scribbles) skip the regex.
  const { signal, state, hook } = line.indexOf(':') > 0 ? parseSpyLine(line) : NO_FIELDS;
  if (signal === undefined || state === undefined) {
    return { v: 1, seq: ctx.seq, kind: 'spy', chart, node: null, time, received: ctx.received, raw, origin, line };
  }
  return hook
    ? { v: 1, seq: ctx.seq, kind: 'spy', chart, node: null, time, received: ctx.received, raw, origin, line, signal, state, hook }
    : { v: 1, seq: ctx.seq, kind: 'spy', chart, node: null, time, received: ctx.received, raw, origin, line, signal, state };
}

const NO_FIELDS: ReturnType<typeof parseSpyLine> = {};
