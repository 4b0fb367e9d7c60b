/**
 * From saved logs to diagrams through the real log parser: the inputs that
 * make sequence.rb abort (colour, spy lines, `-` in names, payloads with
 * parentheses, brackets or `+`) draw fine from records.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { renderAscii } from '../../shared/sequence/ascii/renderAscii.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { logsDir, sequenceConformanceDir } from '../support/fixturePath.ts';

const drawAbortCase = (name: string): string[] =>
  renderAscii(
    buildSequenceModel(parseLog(readFileSync(path.join(sequenceConformanceDir, 'aborts', `${name}.trace.txt`), 'utf8')).records),
  ).split('\n');

describe('sequence diagrams from parsed logs', () => {
  it('numbers the seed two-chart log 1-12 across both charts', () => {
    const model = buildSequenceModel(parseLog(readFileSync(path.join(logsDir, 'seed-two-charts-trace.log'), 'utf8')).records);
    expect(model.charts.map((c) => [c.letter, c.chart, c.steps.map((s) => s.n)])).toEqual([
      ['A', '04ccc_ao', [1, 3, 5, 7, 9, 11]],
      ['B', '2771f_ao', [2, 4, 6, 8, 10, 12]],
    ]);
  });

  it('draws charts whose names were coloured', () => {
    expect(drawAbortCase('abort-ansi-colour-chart-names')).toEqual([
      '[Statechart: 04ccc_ao] (A)',
      '      top           outer',
      '       +--start_at()->|',
      '       |     (1)      |',
      '',
      '[Statechart: 2771f_ao] (B)',
      '      top           outer',
      '       +--start_at()->|',
      '       |     (2)      |',
      '',
    ]);
  });

  it('draws the trace lines of a log full of spy lines', () => {
    expect(drawAbortCase('abort-logs-seed-single-chart').filter((l) => l.includes('('))).toEqual([
      '[Statechart: 0ca32_ao] (A)',
      '       +--start_at()->|              |',
      '       |     (1)      |              |',
      '       |              +--to_inner()->|',
      '       |              |     (2)      |',
      '       |              +<-to_outer()--|',
      '       |              |     (3)      |',
      '       |              +--to_inner()->|',
      '       |              |     (4)      |',
      '       |              +<-to_outer()--|',
      '       |              |     (5)      |',
    ]);
  });

  it.each([
    ['abort-chart-name-hyphen', '[Statechart: my-chart] (A)', '    +--go()->|'],
    ['abort-payload-nested-parens', '[Statechart: c] (A)', '      +--go(f(x))->|'],
    ['abort-payload-brackets', '[Statechart: c] (A)', '       +--go([1, 2])->|'],
    ['abort-payload-regex-plus', '[Statechart: c] (A)', '     +--go(x+y)>|'],
  ])('draws %s', (name, title, arrow) => {
    const lines = drawAbortCase(name);
    expect([lines[0], lines[2]]).toEqual([title, arrow]);
  });
});
