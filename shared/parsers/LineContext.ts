/**
 * What a format's line reader gets and gives back.
 *
 * The streaming parser owns one context and mutates it for every line (line
 * number, next seq) instead of allocating per line; a reader that recognises
 * the line sets `format` so the parser can count which formats a file mixes.
 *
 * A reader answers with a {@link LineOutcome}:
 *   - a record: the line was read;
 *   - a string: the line looks like this format but is malformed — the
 *     string is the error message (the parser turns the line into a note);
 *   - null: not this format (another reader may know it; else it is a note).
 */
import type { MirosRecord } from '../records/MirosRecord.ts';
import type { LogFormat } from './ParsedLog.ts';

export interface LineContext {
  /** seq for the record this line becomes. */
  seq: number;
  /** `received` stamped on every record of this parse. */
  received: number;
  /** 1-based line number of the line being read. */
  line: number;
  file: string | undefined;
  /** Set by the reader that recognised the line. */
  format: LogFormat | null;
  /** Treat any line starting with `{` as a JSON record (the file is a recording). */
  strictJson: boolean;
}

export type LineOutcome = MirosRecord | string | null;

/** The `origin` of a record read from the current line. */
export function originOf(ctx: LineContext): { file?: string; line: number } {
  return ctx.file === undefined ? { line: ctx.line } : { file: ctx.file, line: ctx.line };
}
