/**
 * Format `rabbitmq-terminal`: what miros-rabbitmq prints for the snoop
 * networks, as saved from a terminal —
 *
 *    [+t] [2018-05-04 08:02:36.593144] [0ca32_ao] e->start_at() top->outer
 *    [+s] 0ca32_ao ENTRY_SIGNAL:outer
 *
 * A `[+t]` item is a whole trace line (or a snoop scribble); a `[+s]` item is
 * `<chart> <spy line>`, the chart name being everything up to the first
 * space. Colour codes were already removed by the caller. A `[+t]` line whose
 * body is not a trace line is malformed; an empty `[+t]` is only a note.
 */
import type { LineContext, LineOutcome } from '../LineContext.ts';
import { spyRecord } from '../spyRecord.ts';
import { readStampedLine } from './readStampedLine.ts';
import { isSpace } from '../isSpace.ts';

/** `s[i..i+4)` is `[+t]` or `[+s]`; `end` is past the last non-space character. */
export function readTerminalLine(ctx: LineContext, s: string, i: number, end: number, raw: string): LineOutcome {
  const isTrace = s.charCodeAt(i + 2) === 116; /* t */
  let b = i + 4;
  if (b < end && !isSpace(s.charCodeAt(b))) return null;
  while (b < end && isSpace(s.charCodeAt(b))) b++;
  if (b >= end) return null;

  if (s.charCodeAt(b) === 91 /* [ */) {
    const framed = readStampedLine(ctx, s, b, end, raw);
    if (framed !== null && typeof framed !== 'string') {
      ctx.format = 'rabbitmq-terminal';
      return framed;
    }
    if (isTrace) return framed ?? 'a [+t] item that is not a trace line';
  } else if (isTrace) {
    return 'a [+t] item that is not a trace line';
  }
  const space = s.indexOf(' ', b);
  ctx.format = 'rabbitmq-terminal';
  if (space < 0 || space >= end) return spyRecord(ctx, s.slice(b, end), null, raw, '');
  return spyRecord(ctx, s.slice(b, space), null, raw, s.slice(space + 1, end));
}
