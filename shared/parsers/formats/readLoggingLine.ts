/**
 * Format `python-logging`: miros charts whose live spy/trace callbacks write
 * through Python's `logging` module, giving
 *
 *   2019-07-26 11:37:22,674 DEBUG:T: [ao1] e->start_at() top->inner_state
 *   2019-07-26 11:37:22,675 DEBUG:S: [ao1] ENTRY_SIGNAL:outer_state
 *
 * `T` lines are trace entries whose timestamp is the logging prefix (the
 * trace text itself lost its `[stamp]`); if the body still is a whole trace
 * line (`[stamp] [ao1] e->…`) its own, more precise stamp wins. `S` lines are
 * spy lines; they keep the prefix time too. Any upper-case level word is
 * accepted, and the time prefix may be missing (`DEBUG:T: [ao1] …`).
 * Other logging lines (`INFO:root:…`) are notes; a `T`/`S` line that cannot
 * be read (bad prefix time, no `[chart]`, a `T` body that is not a trace) is
 * malformed.
 */
import { parseStampRange } from '../../records/timestamp.ts';
import type { LineContext, LineOutcome } from '../LineContext.ts';
import { spyRecord } from '../spyRecord.ts';
import { traceBody } from '../traceBody.ts';
import { readStampedLine } from './readStampedLine.ts';
import { isSpace } from '../isSpace.ts';

/** `s[i]` is a digit or an upper-case letter; `end` is past the last non-space character. */
export function readLoggingLine(ctx: LineContext, s: string, i: number, end: number, raw: string): LineOutcome {
  let level = i;
  let stampEnd = -1;
  const first = s.charCodeAt(i);
  if (first >= 48 && first <= 57) {
    const dateEnd = s.indexOf(' ', i);
    if (dateEnd < 0 || dateEnd >= end) return null;
    stampEnd = s.indexOf(' ', dateEnd + 1);
    if (stampEnd < 0 || stampEnd >= end) return null;
    level = stampEnd + 1;
  }
  let k = level;
  while (k < end) {
    const c = s.charCodeAt(k);
    if (c < 65 || c > 90) break;
    k++;
  }
  const kind = s.charCodeAt(k + 1);
  if (k === level || s.charCodeAt(k) !== 58 || (kind !== 84 && kind !== 83) || s.charCodeAt(k + 2) !== 58) {
    return null;
  }
  let b = k + 3;
  while (b < end && isSpace(s.charCodeAt(b))) b++;

  let time: number | null = null;
  let stamp: string | undefined;
  if (stampEnd >= 0) {
    time = parseStampRange(s, i, stampEnd);
    stamp = s.slice(i, stampEnd);
    if (Number.isNaN(time)) return `unreadable logging timestamp '${stamp}'`;
  }
  ctx.format = 'python-logging';

  if (kind === 83 /* S */) {
    if (s.charCodeAt(b) !== 91 /* [ */) return spyRecord(ctx, null, time, raw, s.slice(b, end));
    const chartEnd = s.indexOf(']', b + 1);
    if (chartEnd < 0 || chartEnd >= end) return 'a spy line without a closing ] after its chart name';
    const chart = chartEnd === b + 1 ? null : s.slice(b + 1, chartEnd);
    const lineStart = chartEnd + 1 < end && s.charCodeAt(chartEnd + 1) === 32 ? chartEnd + 2 : chartEnd + 1;
    return spyRecord(ctx, chart, time, raw, s.slice(lineStart, end));
  }

  if (s.charCodeAt(b) !== 91 /* [ */) return 'a trace line without a [chart] name';
  const chartEnd = s.indexOf(']', b + 1);
  if (chartEnd < 0 || chartEnd >= end) return 'a trace line without a closing ] after its chart name';
  let body = chartEnd + 1;
  while (body < end && isSpace(s.charCodeAt(body))) body++;
  if (s.charCodeAt(body) === 91 /* [ */) {
    // The whole trace line, stamp included, was logged.
    const framed = readStampedLine(ctx, s, b, end, raw);
    ctx.format = 'python-logging';
    return framed ?? 'a trace line that is not FROM->TO';
  }
  const chart = chartEnd === b + 1 ? null : s.slice(b + 1, chartEnd);
  const record = traceBody(ctx, s, body, end, chart, time, stamp, raw);
  return record ?? 'a trace line whose event is not KEYWORD->SIGNAL(payload)';
}
