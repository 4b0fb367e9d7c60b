/**
 * The streaming line loop behind every saved-log parser: fed text in
 * chunks, it cuts lines (CRLF and LF both end one), counts blank lines,
 * numbers the rest and hands what each line became to a LineSink.
 *
 *   push("…line 1\nline 2\nli")  → lines 1, 2 to the sink; "li" is carried
 *   push("ne 3\r\n")             → line 3
 *   end()                        → the carried last line, if the text did not end in \n
 *
 * Every non-blank line becomes exactly one record, numbered from `firstSeq`
 * in file order: the record the line holds, or a `note` for a line that is
 * not a record, or a `note` plus an entry in `errors` for a malformed record
 * line. A leading byte-order mark is ignored. The format is decided by the
 * first lines (see FormatTally) unless given; it is only a label — every
 * line is read by whichever format knows it.
 *
 * A sink with `traceLine` gets current miros trace lines as offsets (see
 * LineSink); everything else, and every line for a sink without it, goes
 * through readLine as a record. A line whose first character is `\` is one
 * formatRecord escaped (control characters in its names): readEscapedLine
 * reads it, and only such lines pay for the check.
 */
import type { LineContext, LineOutcome } from './LineContext.ts';
import type { LineSink, TraceLine } from './LineSink.ts';
import type { LogFormat, ParseError, ParseOptions } from './ParsedLog.ts';
import { FormatTally } from './FormatTally.ts';
import { noteRecord } from './noteRecord.ts';
import { readEscapedLine } from './readEscapedLine.ts';
import { readLine } from './readLine.ts';
import { scanStampedFrame, stampedTraceFormat } from './formats/readStampedLine.ts';
import { scanTraceBody } from './traceBody.ts';

export interface LineReader {
  /** The detected (or given) format; known after the first lines. */
  readonly format: LogFormat | null;
  readonly errors: readonly ParseError[];
  readonly lines: number;
  readonly blank: number;
  readonly notes: number;
  /** Feeds the next chunk of text; every line it completes reaches the sink before this returns. */
  push(chunk: string): void;
  /** Reads the carried last line, if any. */
  end(): void;
}

function isSpaceOrCr(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

export interface LineReaderOptions extends ParseOptions {
  /**
   * The text starts after a line end inside a file (the second half of a
   * file read in two parts): a leading U+FEFF there is a character of the
   * line, not a byte-order mark.
   */
  midFile?: boolean;
}

export function createLineReader(options: LineReaderOptions, sink: LineSink): LineReader {
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
  const inPlace = sink.traceLine !== undefined;
  const trace: TraceLine = {
    lineStart: 0, lineEnd: 0, stampStart: 0, stampEnd: 0, chartStart: 0, chartEnd: 0, bodyStart: 0, time: Number.NaN,
    signalStart: 0, signalEnd: 0, payloadStart: 0, payloadEnd: 0, fromStart: 0, fromEnd: 0, toStart: 0, toEnd: 0, legacy: false,
  };
  let carry = '';
  let started = options.midFile === true;
  let ended = false;
  let blank = 0;
  let notes = 0;

  /** A current trace line handed over in place; false when the line must go the record way. */
  function takeInPlace(text: string, start: number, lineEnd: number): boolean {
    let i = start;
    let end = lineEnd;
    while (i < end && isSpaceOrCr(text.charCodeAt(i))) i++;
    while (end > i && isSpaceOrCr(text.charCodeAt(end - 1))) end--;
    // `[+t]` / `[+s]` are terminal items (readLine's dispatch); a body starting with `#` is a scribble.
    if (text.charCodeAt(i) !== 91 /* [ */ || (text.charCodeAt(i + 1) === 43 /* + */ && text.charCodeAt(i + 3) === 93)) return false;
    if (!scanStampedFrame(text, i, end, trace) || Number.isNaN(trace.time) || text.charCodeAt(trace.bodyStart) === 35 /* # */) return false;
    if (scanTraceBody(text, trace.bodyStart, end, trace) !== true) return false;
    trace.lineStart = start;
    trace.lineEnd = lineEnd;
    ctx.format = stampedTraceFormat(trace, trace.legacy);
    sink.traceLine!(ctx, text, trace);
    return true;
  }

  /** Line `text[start, lineEnd)`; `plain`: it holds no ESC (colour codes). */
  function take(text: string, start: number, lineEnd: number, plain: boolean): void {
    ctx.line++;
    let k = start;
    while (k < lineEnd && isSpaceOrCr(text.charCodeAt(k))) k++;
    if (k === lineEnd) {
      blank++;
      return;
    }
    ctx.format = null;
    if (inPlace && plain && takeInPlace(text, start, lineEnd)) {
      if (!tally.full) tally.add(ctx.format);
      ctx.seq++;
      return;
    }
    ctx.format = null;
    const raw = text.slice(start, lineEnd);
    let outcome: LineOutcome;
    let noteText = raw;
    if (text.charCodeAt(k) === 92 /* \ */) {
      // A line formatRecord escaped (control characters in its fields).
      const escaped = readEscapedLine(ctx, raw, k - start);
      outcome = escaped.outcome;
      noteText = escaped.text;
    } else {
      outcome = readLine(ctx, raw);
    }
    if (outcome === null) {
      sink.record(noteRecord(ctx, noteText), text, start, raw);
      notes++;
    } else if (typeof outcome === 'string') {
      sink.record(noteRecord(ctx, noteText, outcome), text, start, raw);
      errors.push({ line: ctx.line, message: outcome, text: raw });
      notes++;
    } else {
      sink.record(outcome, text, start, raw);
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
    push(chunk: string): void {
      if (ended) throw new Error('createLineReader: push() after end()');
      const text = carry.length > 0 ? carry + chunk : chunk;
      let start = 0;
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) start = 1;
      }
      // The next ESC at or after `start` (lines before it have no colour codes).
      let esc = inPlace ? text.indexOf('\x1b', start) : 0;
      for (;;) {
        const nl = text.indexOf('\n', start);
        if (nl < 0) break;
        const lineEnd = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (inPlace && esc >= 0 && esc < start) esc = text.indexOf('\x1b', start);
        take(text, start, lineEnd, esc < 0 || esc >= lineEnd);
        start = nl + 1;
      }
      carry = start === 0 ? text : text.slice(start);
    },
    end(): void {
      if (ended) return;
      if (carry.length > 0) {
        const text = carry;
        carry = '';
        const lineEnd = text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : text.length;
        take(text, 0, lineEnd, text.indexOf('\x1b') < 0);
      }
      ended = true;
    },
  };
}
