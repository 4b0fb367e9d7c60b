import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAscii } from '../../shared/sequence/ascii/renderAscii.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { trace, traceRecords } from './recordFactory.ts';
import { SEED_TWO_CHARTS_ASCII } from './seedTwoChartsAscii.ts';
import { logsDir, sequenceConformanceDir } from '../support/fixturePath.ts';

const golden = (name: string, kind: 'trace' | 'expected') =>
  readFileSync(path.join(sequenceConformanceDir, `${name}.${kind}.txt`), 'utf8');

describe('renderAscii', () => {
  it('draws the seed two-chart trace with steps numbered 1-12 in arrival order and lettered titles', () => {
    const model = buildSequenceModel(traceRecords(readFileSync(path.join(logsDir, 'seed-two-charts-trace.log'), 'utf8')));
    expect(renderAscii(model).split('\n')).toEqual(SEED_TWO_CHARTS_ASCII);
  });

  it('draws exactly what sequence.rb draws, numbers aside, when the tool loses nothing', () => {
    const model = buildSequenceModel(traceRecords(golden('edge-short-names', 'trace')));
    const ours = renderAscii(model).replace(/\((\d|[A-Z])\)/g, '(?)');
    expect(ours).toBe(golden('edge-short-names', 'expected'));
  });

  it('draws the one-step left arrow from the second-to-last column in its place', () => {
    const model = buildSequenceModel(traceRecords(golden('edge-left-adjacent-misplaced', 'trace')));
    expect(renderAscii(model).split('\n').slice(8, 14)).toEqual([
      '       |              +<-back_one()--|              |',
      '       |              |     (4)      |              |',
      '       |              |              +<-back_one()--|',
      '       |              |              |     (5)      |',
      '       +<-back_one()--|              |              |',
      '       |     (6)      |              |              |',
    ]);
  });

  it('keeps every step that shares a timestamp, in record order', () => {
    const model = buildSequenceModel(traceRecords(golden('edge-same-timestamp-cycle-drop', 'trace')));
    expect(renderAscii(model).split('\n')).toEqual([
      '[Statechart: c] (A)',
      '   A      B      C      D',
      '   +--p()>|      |      |',
      '   | (1)  |      |      |',
      '   +<-q()-|      |      |',
      '   | (2)  |      |      |',
      '   |      |      +--r()>|',
      '   |      |      | (3)  |',
      '   |      |      +<-s()-|',
      '   |      |      | (4)  |',
      '   +--t()-+----->|      |',
      '   | (5)  |      |      |',
      '',
    ]);
  });

  it('draws payloads and names that make sequence.rb abort', () => {
    const model = buildSequenceModel([
      trace(1, 'my-chart', 'go', 'top', 'a-b', { payload: 'f(x)' }),
      trace(2, 'my-chart', 'put', 'a-b', 'a-b', { payload: '[1, 2]+x' }),
    ]);
    expect(renderAscii(model).split('\n')).toEqual([
      '[Statechart: my-chart] (A)',
      '       top              a-b',
      '        +----go(f(x))--->|',
      '        |      (1)       |',
      '        |                +',
      '        |                 \\ (2)',
      '        |                 put([1, 2]+x)',
      '        |                 /',
      '        |                <',
      '',
    ]);
  });

  it('widens columns so three-digit numbers fit beside a self transition and under a label', () => {
    const records = Array.from({ length: 123 }, (_, k) => trace(k + 1, 'c', 'a', k === 122 ? 'x' : 'y', k === 122 ? 'y' : 'y'));
    const lines = renderAscii(buildSequenceModel(records)).split('\n');
    expect(lines.slice(0, 2)).toEqual(['[Statechart: c] (A)', '    y        x']);
    expect(lines.slice(-8)).toEqual([
      '    +        |',
      '     \\ (122) |',
      '     a()     |',
      '     /       |',
      '    <        |',
      '    +<--a()--|',
      '    | (123)  |',
      '',
    ]);
  });

  it('draws only the chart asked for, and escapes control characters', () => {
    const model = buildSequenceModel([
      trace(1, 'one', 'go', 'a', 'b'),
      trace(2, 'two', 'say', 'p', 'q', { payload: 'line\nbreak\x1b' }),
    ]);
    expect(renderAscii(model, { chart: 'two', indent: '  ' }).split('\n')).toEqual([
      '  [Statechart: two] (B)',
      '              p                        q',
      '              +--say(line\\nbreak\\x1b)->|',
      '              |          (2)           |',
      '',
    ]);
    expect(renderAscii(model, { chart: 'three' })).toBe('');
  });
});
