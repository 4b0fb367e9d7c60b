/**
 * Format `miros-trace` (and `legacy-trace`): a line framed as
 *
 *   [2019-02-23 08:08:34.878743] [name] e->SIGNAL(payload) FROM->TO
 *   [08:08:34.878743] [name] cTrig->SIGNAL() FROM->TO        (legacy)
 *   [2019-02-23 08:08:34.878743] [name] # scribble            (snoop scribble)
 *
 * The body after the two bracketed fields is read by {@link traceBody}. A
 * body starting with `#` is a miros-rabbitmq `snoop_scribble`, which travels
 * on the trace network in this frame; it becomes a spy record (a scribble is
 * spy output) that keeps the frame's time. Any run of spaces or tabs may
 * separate the fields (miros writes one space; hand-edited logs vary).
 *
 * A frame with a trace body but an unreadable stamp is malformed (an error);
 * a frame whose body is not a trace (FAULT lines, prose) is a plain note.
 */
import { parseStampRange } from '../../records/timestamp.ts';
import type { LineContext, LineOutcome } from '../LineContext.ts';
import { spyRecord } from '../spyRecord.ts';
import { traceBody, traceShape } from '../traceBody.ts';
import { isSpace } from '../isSpace.ts';

/** Length of `YYYY-MM-DD HH:MM:SS.ffffff`, the stamp current miros writes. */
const MIROS_STAMP_LENGTH = 26;

/** `s[i] === '['`; `end` is past the last non-space character; `raw` is the line as read. */
export function readStampedLine(ctx: LineContext, s: string, i: number, end: number, raw: string): LineOutcome {
  const stampEnd = s.indexOf(']', i + 1);
  if (stampEnd < 0 || stampEnd + 1 >= end || !isSpace(s.charCodeAt(stampEnd + 1))) return null;
  let j = stampEnd + 2;
  while (j < end && isSpace(s.charCodeAt(j))) j++;
  if (s.charCodeAt(j) !== 91 /* [ */) return null;
  const chartEnd = s.indexOf(']', j + 1);
  if (chartEnd < 0 || chartEnd + 1 >= end || !isSpace(s.charCodeAt(chartEnd + 1))) return null;
  let b = chartEnd + 2;
  while (b < end && isSpace(s.charCodeAt(b))) b++;
  const chart = chartEnd === j + 1 ? null : s.slice(j + 1, chartEnd);
  const time = parseStampRange(s, i + 1, stampEnd);

  if (s.charCodeAt(b) === 35 /* # */) {
    ctx.format = 'miros-trace';
    return spyRecord(ctx, chart, Number.isNaN(time) ? null : time, raw, s.slice(b, end));
  }
  const stamp = s.slice(i + 1, stampEnd);
  const record = traceBody(ctx, s, b, end, chart, time, stamp, raw);
  if (record === null || typeof record === 'string') return record;
  if (Number.isNaN(time)) return `unreadable timestamp '${stamp}'`;
  ctx.format = traceShape.legacy || stamp.length !== MIROS_STAMP_LENGTH ? 'legacy-trace' : 'miros-trace';
  return record;
}
