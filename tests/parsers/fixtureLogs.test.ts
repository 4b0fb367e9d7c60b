/**
 * Every saved log in tests/fixtures/logs parses with the exact counts
 * worked out by hand, and every line is accounted for.
 *
 * How the expected numbers were derived (LC_ALL=C, in that folder):
 *   lines  wc -l FILE                    (every file ends with a newline)
 *   blank  grep -c '^$' FILE
 *   trace  grep -c 'DEBUG:T:' FILE       (Python logging files)
 *          grep -c '\[+t\]' FILE         (miros-rabbitmq terminal files)
 *   spy    grep -c 'DEBUG:S:' FILE  /  grep -c '\[+s\]' FILE
 *   notes  lines - blank - trace - spy, checked against
 *          grep -vcE '^$|DEBUG:[TS]:|\[\+[ts]\]' FILE   (0 for every file)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import type { LogFormat } from '../../shared/parsers/ParsedLog.ts';
import { logsDir as logs } from '../support/fixturePath.ts';

interface Expected { format: LogFormat; lines: number; blank: number; trace: number; spy: number; notes: number; errors: number }

const expected: Record<string, Expected> = {
  'miros-logging-simple_state_11.log': { format: 'python-logging', lines: 133, blank: 1, trace: 8, spy: 124, notes: 0, errors: 0 },
  'miros-logging-simple_state_12.log': { format: 'python-logging', lines: 81, blank: 0, trace: 4, spy: 77, notes: 0, errors: 0 },
  'miros-logging-simple_state_14.log': { format: 'python-logging', lines: 112, blank: 0, trace: 7, spy: 105, notes: 0, errors: 0 },
  'miros-logging-simple_state_9.log': { format: 'python-logging', lines: 68, blank: 0, trace: 4, spy: 64, notes: 0, errors: 0 },
  'miros-logging-single_unit_three_stage_charger_2.log': { format: 'python-logging', lines: 263, blank: 0, trace: 2, spy: 261, notes: 0, errors: 0 },
  'seed-single-chart.log': { format: 'rabbitmq-terminal', lines: 32, blank: 0, trace: 5, spy: 27, notes: 0, errors: 0 },
  'seed-spy-only.log': { format: 'rabbitmq-terminal', lines: 27, blank: 0, trace: 0, spy: 27, notes: 0, errors: 0 },
  'seed-two-charts-trace.log': { format: 'rabbitmq-terminal', lines: 12, blank: 0, trace: 12, spy: 0, notes: 0, errors: 0 },
};

describe('the fixture logs', () => {
  it('lists every file in the fixture folder', () => {
    expect(readdirSync(logs).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('parses %s with the counts found by grep', (file, want) => {
    const text = readFileSync(path.join(logs, file), 'utf8');
    const parsed = parseLog(text, { file, received: 0 });
    const count = (kind: string) => parsed.records.filter((r) => r.kind === kind).length;
    expect({
      format: parsed.format,
      lines: parsed.lines,
      blank: parsed.blank,
      trace: count('trace'),
      spy: count('spy'),
      notes: parsed.notes,
      errors: parsed.errors.length,
    }).toEqual(want);
    // Every line accounted for: one record per non-blank line, and the file's own line count.
    expect([parsed.lines, parsed.blank + parsed.records.length]).toEqual([text.split('\n').length - 1, parsed.lines]);
  });

  it.each(Object.keys(expected))('numbers the records of %s in file order with their line numbers', (file) => {
    const text = readFileSync(path.join(logs, file), 'utf8');
    const parsed = parseLog(text, { file, firstSeq: 100, received: 0 });
    const nonBlankLines = text.split('\n').slice(0, -1).flatMap((line, i) => (line.trim() === '' ? [] : [i + 1]));
    expect(parsed.records.map((r) => [r.seq, r.origin])).toEqual(
      nonBlankLines.map((line, i) => [100 + i, { file, line }]),
    );
  });
});
