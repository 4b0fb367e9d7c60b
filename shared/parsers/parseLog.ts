/**
 * Parses a whole saved log (any supported format, or a mix) into records.
 * The in-memory counterpart of {@link createLogParser}; both give the same
 * records for the same text however it is chunked.
 */
import type { ParsedLog, ParseOptions } from './ParsedLog.ts';
import { createLogParser } from './createLogParser.ts';

export function parseLog(text: string, options: ParseOptions = {}): ParsedLog {
  const parser = createLogParser(options);
  const records = parser.push(text);
  for (const record of parser.end()) records.push(record);
  return {
    format: parser.format ?? 'miros-trace',
    records,
    lines: parser.lines,
    blank: parser.blank,
    notes: parser.notes,
    errors: [...parser.errors],
  };
}
