/**
 * How an uploaded record is written to the recordings folder: one JSON line,
 * without the fields every reader replaces anyway.
 *
 * A recording is read back through the shared parser, which renumbers `seq`
 * in file order and sets `origin` to the recording's own file and line
 * (readJsonRecordLine), and which reads a missing `chart`, `node` or `time`
 * as null. Writing those fields only to have them overwritten made a short
 * trace line about 4× its size on disk (a spy line 6×); without them it is
 * about 3×, and the records read back are the same.
 *
 * The rest stays: `raw` keeps the line as it was, and the parsed fields
 * (signal, from, to, stamp …) save every later reader from parsing it again.
 */
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';

export function storedRecordLine(record: MirosRecord): string {
  const { seq: _seq, origin: _origin, ...rest } = record;
  const stored: Record<string, unknown> = rest;
  if (stored.chart === null) delete stored.chart;
  if (stored.node === null) delete stored.node;
  if (stored.time === null) delete stored.time;
  return JSON.stringify(stored);
}
