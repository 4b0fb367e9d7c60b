/**
 * What a saved-log parser produces. Parsers (shared/parsers/) turn a saved log
 * of any supported format into the same records the network decoders make,
 * so replay, the CLI and the server's upload endpoint treat a file exactly
 * like a live network.
 *
 * No line is ever lost: a line that is not a record becomes a `meta` record
 * with `event: 'note'` and its line number; a line that looks like a record
 * but is malformed becomes such a note too (with `reason: 'malformed'` and
 * the message in `detail`) and is also listed in `errors`. Blank lines
 * (nothing but whitespace) are counted in `blank` and produce no record, so
 * for every parse:
 *
 *   lines === blank + records.length    (one record per non-blank line)
 *   records.length === notes + (lines read as records)
 *
 * (A JSON-lines recording may itself hold `note` records; those were read as
 * records and are not counted in `notes`.)
 *
 * See docs/logs.md for the formats and examples.
 */
import type { MirosRecord } from '../records/MirosRecord.ts';

export type LogFormat =
  /** Plain miros trace lines: `[2019-02-23 08:08:34.878743] [name] e->SIG() A->B`. */
  | 'miros-trace'
  /** miros-rabbitmq snoop terminal output: ` [+t] …` / ` [+s] name line`, with or without ANSI colour. */
  | 'rabbitmq-terminal'
  /** Python `logging` output: `2019-07-26 11:37:22,674 DEBUG:T: [ao1] e->…` and `DEBUG:S:` spy lines. */
  | 'python-logging'
  /**
   * Older traces: `cTrig->` / `event->` / `Trig->` (any word) instead of `e->`,
   * time-only or whole-second stamps, or the `[ts] [name] SIG: A->B` shape.
   */
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
  /**
   * Skip detection and report this format. Every line is still read by
   * whichever known format recognises it (mixed files work either way); the
   * only difference is that with `miroscope-jsonl` any line starting with `{`
   * that is not a valid record is an error, where otherwise only `{"` is.
   */
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
  /** Lines read (a final line without a line end counts; an empty input has 0). */
  lines: number;
  /** Lines that were empty or whitespace only (no record). */
  blank: number;
  /** How many of `records` are notes the parser made for non-record lines (errors included). */
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
  readonly blank: number;
  readonly notes: number;
}
