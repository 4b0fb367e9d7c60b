/**
 * Reads one run (a saved log in any format the parsers know, or a
 * recording) from text chunks into its transitions. The CLI feeds it a file
 * stream, the dashboard a download; either way only transitions are kept,
 * so a large recording costs what its transitions cost, not its text.
 */
import { createLogParser } from '../parsers/createLogParser.ts';
import type { LogFormat, ParseError } from '../parsers/ParsedLog.ts';
import { DEFAULT_MAX_TRANSITIONS, RunTransitions } from './RunTransitions.ts';

export interface ReadRunOptions {
  maxTransitions?: number;
  /** Only charts this accepts are kept. */
  keepChart?: (chart: string) => boolean;
}

export interface ReadRunResult {
  run: RunTransitions;
  format: LogFormat | null;
  /** Lines the parser could not read (kept as notes, not as transitions). */
  errors: readonly ParseError[];
  lines: number;
}

export async function readRun(name: string, chunks: AsyncIterable<string> | Iterable<string>, options: ReadRunOptions = {}): Promise<ReadRunResult> {
  const run = new RunTransitions(name, options.maxTransitions ?? DEFAULT_MAX_TRANSITIONS, options.keepChart);
  const parser = createLogParser({ file: name, received: 0 });
  for await (const chunk of chunks) run.add(parser.push(chunk));
  run.add(parser.end());
  return { run, format: parser.format, errors: parser.errors, lines: parser.lines };
}
