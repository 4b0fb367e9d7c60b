/**
 * Reads one miros trace line into the fields of a TraceRecord:
 *
 *   [2018-05-04 09:23:34.178157] [04ccc_ao] e->to_inner() outer->inner
 *    └──────── stamp ─────────┘   └chart─┘    └signal┘└payload  from  to
 *
 * A thin view over {@link readStampedText}, i.e. the saved-log parser's
 * reader: one trace-line reader in the project, so the network decoders
 * (server/net) and the saved-log parsers (shared/parsers) agree on every
 * line, older shapes (`cTrig->`, time-only stamps) included.
 *
 * The stamp is local wall-clock time without a zone; per MirosRecord.time it
 * is read as if it were UTC, so every reader gets the same number.
 */
import type { TraceRecord } from './MirosRecord.ts';
import { readStampedText } from './readStampedText.ts';

export type TraceLineFields = Pick<TraceRecord, 'chart' | 'time' | 'signal' | 'from' | 'to'> & {
  chart: string;
  time: number;
  stamp: string;
  payload?: string;
};

/**
 * The fields of a trace line, or null when the text is not one (a scribble,
 * prose, a malformed line, a stamp that is not a time). Surrounding
 * whitespace is ignored; an empty chart field (`[]`) reads as ''.
 */
export function parseTraceLine(line: string): TraceLineFields | null {
  const record = readStampedText(line);
  if (record === null || record.kind !== 'trace' || record.time === null || record.stamp === undefined) return null;
  const fields: TraceLineFields = { stamp: record.stamp, time: record.time, chart: record.chart ?? '', signal: record.signal, from: record.from, to: record.to };
  if (record.payload !== undefined) fields.payload = record.payload;
  return fields;
}
