/**
 * The record a line becomes when it is not a record: a `meta` note holding
 * the line's raw text and number, so nothing in a file is ever dropped. A
 * malformed record line becomes a note with `reason: 'malformed'` and the
 * error message in `detail` (it is also listed in the parse's `errors`).
 */
import type { MetaRecord } from '../records/MirosRecord.ts';
import { originOf, type LineContext } from './LineContext.ts';

export function noteRecord(ctx: LineContext, raw: string, error?: string): MetaRecord {
  if (error === undefined) {
    return {
      v: 1, seq: ctx.seq, kind: 'meta', chart: null, node: null, time: null,
      received: ctx.received, raw, origin: originOf(ctx), event: 'note',
    };
  }
  return {
    v: 1, seq: ctx.seq, kind: 'meta', chart: null, node: null, time: null,
    received: ctx.received, raw, origin: originOf(ctx), event: 'note',
    reason: 'malformed', detail: error,
  };
}
