/**
 * The saved-log parser, fed in chunks: a Web Worker reading a large file
 * slice by slice calls `push(chunk)` and gets the records completed by each
 * chunk. `parseLog` is this parser fed once.
 *
 *   push("…line 1\nline 2\nli")  → records for lines 1, 2; "li" is carried
 *   push("ne 3\r\n")             → record for line 3 (CRLF and LF both end a line)
 *   end()                        → the carried last line, if the text did not end in \n
 *
 * Every non-blank line becomes exactly one record, numbered from `firstSeq`
 * in file order: the record the line holds, or a `note` for a line that is
 * not a record, or a `note` plus an entry in `errors` for a malformed record
 * line. Blank lines are counted only. A leading byte-order mark is ignored.
 * The format is decided by the first lines (see FormatTally) unless given;
 * it is only a label — every line is read by whichever format knows it.
 */
import type { MirosRecord } from '../records/MirosRecord.ts';
import type { LineContext } from './LineContext.ts';
import type { LogFormat, ParseError, ParseOptions, StreamingLogParser } from './ParsedLog.ts';
import { FormatTally } from './FormatTally.ts';
import { noteRecord } from './noteRecord.ts';
import { isBlankLine, readLine } from './readLine.ts';

export function createLogParser(options: ParseOptions = {}): StreamingLogParser {
  const ctx: LineContext = {
    seq: options.firstSeq ?? 1,
    received: options.received ?? Date.now(),
    line: 0,
    file: options.file,
    format: null,
    strictJson: options.format === 'miroscope-jsonl',
  };
  const tally = new FormatTally();
  const errors: ParseError[] = [];
  let carry = '';
  let started = false;
  let ended = false;
  let blank = 0;
  let notes = 0;

  function take(raw: string, out: MirosRecord[]): void {
    ctx.line++;
    if (isBlankLine(raw)) {
      blank++;
      return;
    }
    ctx.format = null;
    const outcome = readLine(ctx, raw);
    if (outcome === null) {
      out.push(noteRecord(ctx, raw));
      notes++;
    } else if (typeof outcome === 'string') {
      out.push(noteRecord(ctx, raw, outcome));
      errors.push({ line: ctx.line, message: outcome, text: raw });
      notes++;
    } else {
      out.push(outcome);
    }
    if (!tally.full) tally.add(typeof outcome === 'object' && outcome !== null ? ctx.format : null);
    ctx.seq++;
  }

  return {
    get format(): LogFormat | null {
      return options.format ?? tally.winner() ?? (ended ? 'miros-trace' : null);
    },
    get errors() {
      return errors;
    },
    get lines() {
      return ctx.line;
    },
    get blank() {
      return blank;
    },
    get notes() {
      return notes;
    },
    push(chunk: string): MirosRecord[] {
      if (ended) throw new Error('createLogParser: push() after end()');
      const out: MirosRecord[] = [];
      const text = carry.length > 0 ? carry + chunk : chunk;
      let start = 0;
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) start = 1;
      }
      for (;;) {
        const nl = text.indexOf('\n', start);
        if (nl < 0) break;
        const lineEnd = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        take(text.slice(start, lineEnd), out);
        start = nl + 1;
      }
      carry = start === 0 ? text : text.slice(start);
      return out;
    },
    end(): MirosRecord[] {
      if (ended) return [];
      const out: MirosRecord[] = [];
      if (carry.length > 0) {
        const raw = carry.charCodeAt(carry.length - 1) === 13 ? carry.slice(0, -1) : carry;
        carry = '';
        take(raw, out);
      }
      ended = true;
      return out;
    },
  };
}
