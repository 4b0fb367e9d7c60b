/**
 * Reads one `[stamp] [chart] …` line — a trace line or a snoop scribble —
 * with the saved-log parser's own reader (shared/parsers/formats/
 * readStampedLine.ts), so the network decoders, `parseTraceLine` and the
 * file parsers share one trace-line reader and a line means the same
 * wherever it was read:
 *
 *   [2018-05-04 09:23:34.178157] [04ccc_ao] e->to_inner() outer->inner   → trace record
 *   [2018-05-04 09:23:34.178157] [04ccc_ao] # a scribble                 → spy record (line '# a scribble')
 *   anything else (prose, a malformed trace line)                        → null
 *
 * Colour codes are removed first (a miros-rabbitmq scribble is coloured),
 * and the record's `raw` is the line without them. Records come out
 * unnumbered and without a file origin: the caller is a network decoder or
 * a one-line reader, not a file.
 */
import type { LineContext } from '../parsers/LineContext.ts';
import { readStampedLine } from '../parsers/formats/readStampedLine.ts';
import { stripAnsi } from '../parsers/stripAnsi.ts';
import type { SpyRecord, TraceRecord } from './MirosRecord.ts';

export type StampedText = Omit<TraceRecord, 'seq' | 'origin'> | Omit<SpyRecord, 'seq' | 'origin'>;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** `received` is stamped on the record; `node` is left null for the caller to fill. */
export function readStampedText(text: string, received = 0): StampedText | null {
  const s = text.indexOf('\x1b') >= 0 ? stripAnsi(text) : text;
  let i = 0;
  let end = s.length;
  while (i < end && isBlank(s.charCodeAt(i))) i++;
  while (end > i && isBlank(s.charCodeAt(end - 1))) end--;
  if (i === end || s.charCodeAt(i) !== 91 /* [ */) return null;
  const ctx: LineContext = { seq: 0, received, line: 1, file: undefined, format: null, strictJson: false };
  const outcome = readStampedLine(ctx, s, i, end, s.slice(i, end));
  if (outcome === null || typeof outcome === 'string') return null;
  if (outcome.kind !== 'trace' && outcome.kind !== 'spy') return null;
  const { seq: _seq, origin: _origin, ...record } = outcome;
  return record;
}
