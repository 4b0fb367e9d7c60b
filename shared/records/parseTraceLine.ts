/**
 * Reads one miros trace line into the fields of a TraceRecord:
 *
 *   [2018-05-04 09:23:34.178157] [04ccc_ao] e->to_inner() outer->inner
 *    └──────── stamp ─────────┘   └chart─┘    └signal┘└payload  from  to
 *
 * Pure and isomorphic: the network decoders (server/net) and the saved-log
 * parsers (shared/parsers) share it, so a line means the same wherever it
 * was read. Older trace shapes (`cTrig->`, time-only stamps) belong to the
 * saved-log parsers, which try this first.
 *
 * The stamp is local wall-clock time without a zone; per MirosRecord.time it
 * is read as if it were UTC, so every reader gets the same number.
 */
import type { TraceRecord } from './MirosRecord.ts';

export type TraceLineFields = Pick<TraceRecord, 'chart' | 'time' | 'signal' | 'from' | 'to'> & {
  chart: string;
  time: number;
  stamp: string;
  payload?: string;
};

const TRACE_LINE =
  /^\[(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?\] \[([^\]]*)\] e->([^\s(]+)\((.*)\) (\S+)->(\S+)$/;

/** The fields of a trace line, or null when the text is not one. Surrounding whitespace is ignored. */
export function parseTraceLine(line: string): TraceLineFields | null {
  const m = TRACE_LINE.exec(line.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac = '', chart, signal, payload, from, to] = m as unknown as string[];
  const [month, day, hour, minute, second] = [mo, d, h, mi, s].map(Number) as [number, number, number, number, number];
  // Date.UTC rolls 13/45 over into the next year; a stamp like that is not a time.
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const micros = Number(frac.padEnd(6, '0').slice(0, 6));
  const time = Date.UTC(Number(y), month - 1, day, hour, minute, second) + micros / 1000;
  const stamp = line.trim().slice(1, line.trim().indexOf(']'));
  const fields: TraceLineFields = { stamp, time, chart: chart!, signal: signal!, from: from!, to: to! };
  if (payload) fields.payload = payload;
  return fields;
}
