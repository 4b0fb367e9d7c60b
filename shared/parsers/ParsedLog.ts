/**
 * What a saved-log parser produces. Parsers (shared/parsers/) turn a saved log
 * of any supported format into the same records the network decoders make,
 * so replay, the CLI and the server's upload endpoint treat a file exactly
 * like a live network.
 *
 * No line is ever lost: a line that is not a record becomes a `meta` record
 * with `event: 'note'` and its line number; a line that looks like a record
 * but is malformed becomes such a note too and is also listed in `errors`.
 */
import type { MirosRecord } from '../records/MirosRecord.ts';

export type LogFormat =
  /** Plain miros trace lines: `[2019-02-23 08:08:34.878743] [name] e->SIG() A->B`. */
  | 'miros-trace'
  /** miros-rabbitmq snoop terminal output: ` [+t] …` / ` [+s] name line`, with or without ANSI colour. */
  | 'rabbitmq-terminal'
  /** Python `logging` output: `2019-07-26 11:37:22,674 DEBUG:T: [ao1] e->…` and `DEBUG:S:` spy lines. */
  | 'python-logging'
  /** Older traces with `cTrig->` / `event->` instead of `e->`, or time-only stamps. */
  | 'legacy-trace'
  /** miroscope's own recordings: one JSON record per line. */
  | 'miroscope-jsonl';

export interface ParseError {
  /** 1-based line number in the input. */
  line: number;
  message: string;
  text: string;
}

export interface ParseOptions {
  /** Skip detection and read the input as this format. */
  format?: LogFormat;
  /** File name to put in each record's `origin`. */
  file?: string;
  /** seq of the first record (default 1). */
  firstSeq?: number;
  /** `received` for every record (default: Date.now() at parse time). */
  received?: number;
}

export interface ParsedLog {
  format: LogFormat;
  records: MirosRecord[];
  /** Lines read (a final line without a line end counts). */
  lines: number;
  /** How many of `records` are notes (non-record lines). */
  notes: number;
  errors: ParseError[];
}

/** A parser fed in chunks (a Web Worker reading a large file). */
export interface StreamingLogParser {
  /** The detected (or given) format; known after the first chunk. */
  readonly format: LogFormat | null;
  /** Feed the next chunk of text; returns the records completed by it. */
  push(chunk: string): MirosRecord[];
  /** Flush the last partial line. */
  end(): MirosRecord[];
  readonly errors: readonly ParseError[];
  readonly lines: number;
}
