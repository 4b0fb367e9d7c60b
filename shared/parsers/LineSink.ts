/**
 * Where the streaming line reader (createLineReader) puts what each line of
 * a saved log became.
 *
 * Every caller gets records (`record`). A sink that also takes `traceLine`
 * gets the commonest line of all — a current miros trace line, framed as
 * `[stamp] [chart] e->SIGNAL(payload) FROM->TO`, without colour codes — as
 * offsets into the text instead: no record object, no sliced names. The
 * dashboard's parse worker writes those straight into columns; the record
 * API (`createLogParser`) has no such method and builds every record.
 *
 * Both are one reading: the offsets come from the same scans
 * (scanStampedFrame, scanTraceBody) the record readers slice from, and a
 * line the fast path does not fully accept — a scribble, a malformed body,
 * an unreadable stamp — goes the record way.
 */
import type { MirosRecord } from '../records/MirosRecord.ts';
import type { LineContext } from './LineContext.ts';
import type { StampedFrame } from './formats/readStampedLine.ts';
import type { TraceSpans } from './traceBody.ts';

/** A trace line read in place: `text[lineStart, lineEnd)` is its raw line (without the line end). */
export interface TraceLine extends StampedFrame, TraceSpans {
  lineStart: number;
  lineEnd: number;
}

export interface LineSink {
  /**
   * The record line `ctx.line` became. `raw` is that line as read
   * (`text[lineStart, lineStart + raw.length)`, the very string the reader
   * was given); `record.raw` is the same string unless the line carried
   * another raw inside it (a JSON-lines recording).
   */
  record(record: MirosRecord, text: string, lineStart: number, raw: string): void;
  /**
   * A trace line read in place, numbered like a record would be: seq
   * `ctx.seq`, line `ctx.line`, `ctx.received`, `ctx.file`. `line` is a
   * scratch object, overwritten by the next line.
   */
  traceLine?(ctx: LineContext, text: string, line: TraceLine): void;
}
