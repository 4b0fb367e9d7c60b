/**
 * Reads one non-blank line of any known format.
 *
 * Every format is recognisable from its first significant character, so one
 * dispatcher serves all of them and a file that mixes formats (a terminal
 * capture with plain trace lines pasted in, a log with a recording's lines)
 * loses nothing: each line goes to the reader its shape calls for.
 *
 *   '{'               → JSON record (miroscope-jsonl)
 *   '[+t]' / '[+s]'   → miros-rabbitmq terminal output
 *   '['               → [stamp] [chart] … (miros-trace, legacy-trace)
 *   digit / A–Z       → Python logging (`2019-… DEBUG:T: …`, `DEBUG:S: …`)
 *   anything else     → not a record (the caller keeps it as a note)
 *
 * Terminal colour codes are removed first, but only from lines that contain
 * an ESC; the record's `raw` keeps the line exactly as read.
 */
import type { LineContext, LineOutcome } from './LineContext.ts';
import { readJsonRecordLine } from './formats/readJsonRecordLine.ts';
import { readLoggingLine } from './formats/readLoggingLine.ts';
import { readStampedLine } from './formats/readStampedLine.ts';
import { readTerminalLine } from './formats/readTerminalLine.ts';
import { stripAnsi } from './stripAnsi.ts';

function isSpaceOrCr(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** `raw` is the line without its line end; it must not be blank. */
export function readLine(ctx: LineContext, raw: string): LineOutcome {
  const s = raw.indexOf('\x1b') >= 0 ? stripAnsi(raw) : raw;
  let i = 0;
  let end = s.length;
  while (i < end && isSpaceOrCr(s.charCodeAt(i))) i++;
  while (end > i && isSpaceOrCr(s.charCodeAt(end - 1))) end--;
  if (i === end) return null;
  const c = s.charCodeAt(i);
  if (c === 91 /* [ */) {
    if (s.charCodeAt(i + 1) === 43 /* + */ && s.charCodeAt(i + 3) === 93 /* ] */) {
      const k = s.charCodeAt(i + 2);
      return k === 116 /* t */ || k === 115 /* s */ ? readTerminalLine(ctx, s, i, end, raw) : null;
    }
    return readStampedLine(ctx, s, i, end, raw);
  }
  if (c === 123 /* { */) return readJsonRecordLine(ctx, s, i, end, raw);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) return readLoggingLine(ctx, s, i, end, raw);
  return null;
}

/** True for a line that is empty or holds only spaces, tabs or a CR. */
export function isBlankLine(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) if (!isSpaceOrCr(raw.charCodeAt(i))) return false;
  return true;
}
