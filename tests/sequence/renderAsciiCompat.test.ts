import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAsciiCompat } from '../../shared/sequence/compat/renderAsciiCompat.ts';
import { sequenceConformanceDir } from '../support/fixturePath.ts';

const abort = (name: string) =>
  renderAsciiCompat(readFileSync(path.join(sequenceConformanceDir, 'aborts', `${name}.trace.txt`), 'utf8'));

describe('renderAsciiCompat', () => {
  it('writes nothing at all for an input without trace lines', () => {
    expect(renderAsciiCompat('spy(top-entry);\nnoise\n\n')).toEqual({ output: '', warnings: [] });
  });

  it('warns about merged, dropped and misdrawn lines while writing the bytes sequence.rb writes', () => {
    const input = [
      '[2020-01-01 00:00:01] [c] e->p() A->B',
      '[2020-01-01 00:00:01] [c] e->q() B->A',
      '[2020-01-01 00:00:01] [c] e->r() C->D',
      '[2020-01-01 00:00:01] [c] e->s() D->C',
      '[2020-01-01 00:00:02] [c] e->t() A->C',
      '[2020-01-01 00:00:02] [c] e->t() A->C',
    ].join('\n');
    expect(renderAsciiCompat(input)).toEqual({
      output: [
        '[Statechart: c] (?)',
        '   A      B      C',
        '   +--p()>|      |',
        '   | (?)  |      |',
        '   |      +<-q()-|',
        '   |      | (?)  |',
        '   +--t()-+----->|',
        '   | (?)  |      |',
        '',
      ].join('\n'),
      warnings: [
        'chart c: 1 line merged into an identical line with the same timestamp, as sequence.rb does: line 6 (=5)',
        "chart c: 2 lines dropped because sequence.rb cannot chain them with their timestamp's other lines " +
          '(a second loop, or spaces around a state): lines 3, 4',
        'chart c: 1 one-step left arrow from "B" drawn one column too far right, as sequence.rb does (line 2)',
      ],
    });
  });

  it('draws coloured chart names as plain ones instead of aborting', () => {
    expect(abort('abort-ansi-colour-chart-names')).toEqual({
      output: [
        ' [Statechart: 04ccc_ao] (?)',
        '       top           outer',
        '        +--start_at()->|',
        '        |     (?)      |',
        '',
        ' [Statechart: 2771f_ao] (?)',
        '       top           outer',
        '        +--start_at()->|',
        '        |     (?)      |',
        '',
      ].join('\n'),
      warnings: ['2 lines read after removing ANSI colour codes (sequence.rb would abort): lines 1, 2'],
    });
  });

  it('skips miros-rabbitmq spy lines and draws the trace lines of the seed log', () => {
    const result = abort('abort-logs-seed-single-chart');
    expect(result.output).toBe(
      readFileSync(path.join(sequenceConformanceDir, 'logs-seed-single-chart-trace-only.expected.txt'), 'utf8'),
    );
    expect(result.warnings).toEqual([
      '27 lines skipped (sequence.rb would abort: no [chart] of letters, digits, _ and . after the timestamp): ' +
        'lines 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, … (27 in all)',
    ]);
  });

  it('reads payloads with parentheses, brackets and plus signs', () => {
    expect(abort('abort-payload-nested-parens').output).toBe(
      ['[Statechart: c] (?)', '      A            B', '      +--go(f(x))->|', '      |    (?)     |', ''].join('\n'),
    );
    expect(abort('abort-payload-brackets').output).toContain('+--go([1, 2])->|');
    expect(abort('abort-payload-regex-plus').output).toContain('+--go(x+y)>|');
  });

  it('leaves out a chart whose every line is lost and keeps the others', () => {
    expect(abort('abort-chart-with-every-line-dropped')).toEqual({
      output: ['[Statechart: a] (?)', '    A        B', '    +--go()->|', '    |  (?)   |', ''].join('\n'),
      warnings: [
        "chart b: 1 line dropped because sequence.rb cannot chain them with their timestamp's other lines " +
          '(a second loop, or spaces around a state): line 2',
        'chart b: every line was lost, so the chart is left out (sequence.rb would abort)',
      ],
    });
  });

  it.each([
    ['abort-bracket-line-without-chart', 'no [chart] of letters, digits, _ and . after the timestamp'],
    ['abort-chart-name-hyphen', 'no [chart] of letters, digits, _ and . after the timestamp'],
    ['abort-two-spaces-before-chart', 'no [chart] of letters, digits, _ and . after the timestamp'],
    ['abort-unparseable-timestamp', 'the timestamp has no date or time in it'],
    ['abort-no-space-before-states', 'no space between the signal and the source state'],
    ['abort-signal-without-name', 'the signal has no name before "("'],
  ])('skips the one line of %s with a warning and writes nothing', (name, reason) => {
    expect(abort(name)).toEqual({ output: '', warnings: [`1 line skipped (sequence.rb would abort: ${reason}): line 1`] });
  });
});
