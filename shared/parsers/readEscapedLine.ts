/**
 * Reads a line that formatRecord marked as escaped: a leading `\`, then the
 * line with every control character and backslash escaped (escapeControl).
 *
 *   \[2018-05-04 08:02:40.594301] [ao] e->a\nb() outer->inner
 *     → trace record, signal "a<newline>b"
 *
 * The escaped text is read first, as any line: escapes are made of letters,
 * digits and backslashes only, so the fields split exactly where they split
 * in the unescaped line (a tab in a name stays inside the name instead of
 * separating fields). Then each field is decoded. A spy line's
 * `SIGNAL:state` reading is redone on the decoded line, as it would be on a
 * live one. The record's `raw` is the decoded line.
 *
 * A backslash line that does not decode (it was not written by formatRecord:
 * a Windows path in a noise line) is an ordinary note, its text as read.
 * Only lines starting with `\` come here, so the common path never pays.
 */
import type { MirosRecord } from '../records/MirosRecord.ts';
import { unescapeControl } from '../records/escapeControl.ts';
import type { LineContext, LineOutcome } from './LineContext.ts';
import { readLine } from './readLine.ts';
import { spyRecord } from './spyRecord.ts';

export interface EscapedLine {
  outcome: LineOutcome;
  /** The text a note for this line holds: the decoded line, or the line as read. */
  text: string;
}

/** `raw[at]` is the `\` mark (the first non-space character of the line). */
export function readEscapedLine(ctx: LineContext, raw: string, at: number): EscapedLine {
  const body = raw.slice(at + 1);
  const text = unescapeControl(body);
  if (text === null) return { outcome: null, text: raw };
  // A body starting with a backslash is a note's text (formatRecord marks those); never a second mark.
  const outcome = body.charCodeAt(firstNonSpace(body)) === 92 ? null : readLine(ctx, body);
  if (outcome === null || typeof outcome === 'string') return { outcome, text };
  const decoded = decodeFields(ctx, outcome, text);
  return decoded === null ? { outcome: null, text } : { outcome: decoded, text };
}

function firstNonSpace(s: string): number {
  let i = 0;
  while (s.charCodeAt(i) === 32) i++;
  return i;
}

/** The record with its text fields decoded; null if one does not decode. */
function decodeFields(ctx: LineContext, record: MirosRecord, text: string): MirosRecord | null {
  const chart = record.chart === null ? null : unescapeControl(record.chart);
  if (record.chart !== null && chart === null) return null;
  switch (record.kind) {
    case 'trace': {
      const signal = unescapeControl(record.signal);
      const from = unescapeControl(record.from);
      const to = unescapeControl(record.to);
      const payload = record.payload === undefined ? undefined : unescapeControl(record.payload);
      const stamp = record.stamp === undefined ? undefined : unescapeControl(record.stamp);
      if (signal === null || from === null || to === null || payload === null || stamp === null) return null;
      const out = { ...record, chart, signal, from, to, raw: text };
      if (payload !== undefined) out.payload = payload;
      if (stamp !== undefined) out.stamp = stamp;
      return out;
    }
    case 'spy': {
      const line = unescapeControl(record.line);
      if (line === null) return null;
      const out = spyRecord(ctx, chart, record.time, text, line);
      if (record.network !== undefined) out.network = record.network;
      return out;
    }
    default:
      // A JSON record line is never marked (JSON escapes its own control characters).
      return { ...record, raw: text };
  }
}
