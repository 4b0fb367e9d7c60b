/**
 * Reading a saved log into records, behind one interface whether it runs in
 * this thread (tests, small files) or in a Web Worker (the page), so the
 * replay source never knows which.
 */
import type { ColumnSegment } from '../store/ColumnSegment.ts';
import type { LogFormat, ParseError } from '../../../shared/parsers/ParsedLog.ts';

/** A saved log to read: a file the user picked or dropped, or a URL the server serves. */
export type LogInput = { kind: 'file'; file: Blob; name: string } | { kind: 'url'; url: string; name: string };

export interface LoadBatch {
  /** The records read since the previous batch, as columns (built into objects only when read). */
  segment: ColumnSegment;
  /** Parse errors found since the previous batch. */
  errors: ParseError[];
  /** Bytes read so far and in total (null when the size is unknown). */
  loaded: number;
  total: number | null;
  lines: number;
}

export interface LoadSummary {
  format: LogFormat | null;
  lines: number;
  records: number;
  errors: number;
  bytes: number;
  /** Milliseconds spent inside the parser (decoding and handing over excluded). */
  parseMs: number;
  /** Milliseconds spent encoding records as columns for the page. */
  encodeMs: number;
}

/**
 * Receives batches while a log loads. The loader waits for the returned
 * promise before handing over much more, so a slow page slows the read.
 */
export type LoadSink = (batch: LoadBatch) => Promise<void>;

export interface LogLoader {
  /** Reads the whole input; rejects with a LogLoadError when it cannot be read. */
  load(input: LogInput, sink: LoadSink): Promise<LoadSummary>;
  /** Stops a load in progress (its promise rejects with a LogLoadError 'cancelled'). */
  cancel(): void;
}

export class LogLoadError extends Error {
  override readonly name = 'LogLoadError';
  constructor(
    readonly reason: 'unreadable' | 'http' | 'cancelled' | 'worker',
    message: string,
  ) {
    super(message);
  }
}
