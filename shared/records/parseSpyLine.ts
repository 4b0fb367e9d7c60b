/**
 * Reads the structured part of a miros spy line: `SIGNAL:state` and
 * `SIGNAL:state:HOOK` (`ENTRY_SIGNAL:outer`, `to_inner:inner:HOOK`). Other
 * spy lines — `START`, `<- Queued:(0) Deferred:(0)`, scribbles — have no
 * fields. `POST_FIFO:SIG`, `POST_LIFO:SIG`, `POST_DEFERRED:SIG` and
 * `RECALL:SIG` have the same shape but name a posted signal, not a state,
 * so they are left unstructured rather than mislabelled.
 *
 * Pure and isomorphic; shared by the network decoders and the saved-log parsers.
 */
import type { SpyRecord } from './MirosRecord.ts';

export type SpyLineFields = Pick<SpyRecord, 'signal' | 'state' | 'hook'>;

const SPY_SHAPE = /^([^\s:]+):([^\s:]+)(:HOOK)?$/;
const QUEUE_OPERATIONS = new Set(['POST_FIFO', 'POST_LIFO', 'POST_DEFERRED', 'RECALL']);

export function parseSpyLine(line: string): SpyLineFields {
  const m = SPY_SHAPE.exec(line.trim());
  if (!m || QUEUE_OPERATIONS.has(m[1]!)) return {};
  return m[3] ? { signal: m[1]!, state: m[2]!, hook: true } : { signal: m[1]!, state: m[2]! };
}
