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
 * spy output) marked `network: 'trace'`, keeping the frame's time. Any run of spaces or tabs may
 * separate the fields (miros writes one space; hand-edited logs vary).
 *
 * A frame with a trace body but an unreadable stamp is malformed (an error);
 * a frame whose body is not a trace (FAULT lines, prose) is a plain note.
 */
import { parseStampRange } from '../../records/timestamp.ts';
import type { LineContext, LineOutcome } from '../LineContext.ts';
import type { LogFormat } from '../ParsedLog.ts';
import { spyRecord } from '../spyRecord.ts';
import { traceBody, traceShape } from '../traceBody.ts';
import { isSpace } from '../isSpace.ts';

/** Length of `YYYY-MM-DD HH:MM:SS.ffffff`, the stamp current miros writes. */
const MIROS_STAMP_LENGTH = 26;

/** Where the two bracketed fields and the body of a framed line lie (see {@link scanStampedFrame}). */
export interface StampedFrame {
  /** The stamp is s[stampStart, stampEnd) (inside the brackets). */
  stampStart: number;
  stampEnd: number;
  /** The chart is s[chartStart, chartEnd); empty brackets mean no chart (null). */
  chartStart: number;
  chartEnd: number;
  /** First non-space character after the chart's bracket. */
  bodyStart: number;
  /** The stamp as epoch ms, NaN when unreadable. */
  time: number;
}

export function emptyStampedFrame(): StampedFrame {
  return { stampStart: 0, stampEnd: 0, chartStart: 0, chartEnd: 0, bodyStart: 0, time: Number.NaN };
}

/**
 * `s[i] === '['`; `end` is past the last non-space character. Fills `out`
 * and returns true when the line is framed as `[stamp] [chart] body`.
 */
export function scanStampedFrame(s: string, i: number, end: number, out: StampedFrame): boolean {
  const stampEnd = s.indexOf(']', i + 1);
  if (stampEnd < 0 || stampEnd + 1 >= end || !isSpace(s.charCodeAt(stampEnd + 1))) return false;
  let j = stampEnd + 2;
  while (j < end && isSpace(s.charCodeAt(j))) j++;
  if (s.charCodeAt(j) !== 91 /* [ */) return false;
  const chartEnd = s.indexOf(']', j + 1);
  if (chartEnd < 0 || chartEnd + 1 >= end || !isSpace(s.charCodeAt(chartEnd + 1))) return false;
  let b = chartEnd + 2;
  while (b < end && isSpace(s.charCodeAt(b))) b++;
  out.stampStart = i + 1;
  out.stampEnd = stampEnd;
  out.chartStart = j + 1;
  out.chartEnd = chartEnd;
  out.bodyStart = b;
  out.time = parseStampRange(s, i + 1, stampEnd);
  return true;
}

/** The format a framed trace line is counted as: the current miros shape, or an older one. */
export function stampedTraceFormat(frame: StampedFrame, legacy: boolean): LogFormat {
  return legacy || frame.stampEnd - frame.stampStart !== MIROS_STAMP_LENGTH ? 'legacy-trace' : 'miros-trace';
}

const frame = emptyStampedFrame();

/** `s[i] === '['`; `end` is past the last non-space character; `raw` is the line as read. */
export function readStampedLine(ctx: LineContext, s: string, i: number, end: number, raw: string): LineOutcome {
  if (!scanStampedFrame(s, i, end, frame)) return null;
  const { time, bodyStart: b } = frame;
  const chart = frame.chartEnd === frame.chartStart ? null : s.slice(frame.chartStart, frame.chartEnd);

  if (s.charCodeAt(b) === 35 /* # */) {
    ctx.format = 'miros-trace';
    const scribble = spyRecord(ctx, chart, Number.isNaN(time) ? null : time, raw, s.slice(b, end));
    scribble.network = 'trace';
    return scribble;
  }
  const stamp = s.slice(frame.stampStart, frame.stampEnd);
  const record = traceBody(ctx, s, b, end, chart, time, stamp, raw);
  if (record === null || typeof record === 'string') return record;
  if (Number.isNaN(time)) return `unreadable timestamp '${stamp}'`;
  ctx.format = stampedTraceFormat(frame, traceShape.legacy);
  return record;
}
