/**
 * The saved-log parser, fed in chunks: a reader of a large file calls
 * `push(chunk)` and gets the records completed by each chunk. `parseLog` is
 * this parser fed once.
 *
 *   push("…line 1\nline 2\nli")  → records for lines 1, 2; "li" is carried
 *   push("ne 3\r\n")             → record for line 3 (CRLF and LF both end a line)
 *   end()                        → the carried last line, if the text did not end in \n
 *
 * The line loop is createLineReader's (numbering, blank lines, notes,
 * errors, format detection); this is its record API: every line becomes a
 * record object. (The dashboard's parse worker gives the same reader a
 * columnar sink instead.)
 */
import type { MirosRecord } from '../records/MirosRecord.ts';
import type { LogFormat, ParseOptions, StreamingLogParser } from './ParsedLog.ts';
import { createLineReader } from './createLineReader.ts';

export function createLogParser(options: ParseOptions = {}): StreamingLogParser {
  let out: MirosRecord[] = [];
  let ended = false;
  const reader = createLineReader(options, {
    record(record) {
      out.push(record);
    },
  });
  const collect = (feed: () => void): MirosRecord[] => {
    out = [];
    feed();
    const records = out;
    out = [];
    return records;
  };

  return {
    get format(): LogFormat | null {
      return reader.format;
    },
    get errors() {
      return reader.errors;
    },
    get lines() {
      return reader.lines;
    },
    get blank() {
      return reader.blank;
    },
    get notes() {
      return reader.notes;
    },
    push(chunk: string): MirosRecord[] {
      if (ended) throw new Error('createLogParser: push() after end()');
      return collect(() => reader.push(chunk));
    },
    end(): MirosRecord[] {
      if (ended) return [];
      ended = true;
      return collect(() => reader.end());
    },
  };
}
