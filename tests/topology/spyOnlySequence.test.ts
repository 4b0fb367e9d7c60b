import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { fixtureLog } from '../support/fixturePath.ts';
import { parseSpyLine } from '../../shared/records/parseSpyLine.ts';

const records = (name: string) => parseLog(readFileSync(fixtureLog(name), 'utf8'), { file: name, received: 0 }).records;

const steps = (name: string) =>
  buildSequenceModel(records(name)).charts.map((c) => ({ chart: c.chart, lifelines: c.lifelines, steps: c.steps.map((s) => `${s.n}: ${s.signal} ${s.from}->${s.to}`) }));

describe('the sequence of a chart heard only on the spy network', () => {
  it('has the steps, numbers and lifelines its trace lines would have given', () => {
    const spyOnly = steps('seed-spy-only.log');
    expect(spyOnly[0]!.steps.length).toBe(5);
    expect(spyOnly).toEqual(steps('seed-single-chart.log'));
  });

  it('is not doubled for a chart whose trace lines are heard too', () => {
    const both = steps('miros-logging-single_unit_three_stage_charger_2.log');
    const traces = records('miros-logging-single_unit_three_stage_charger_2.log').filter((r) => r.kind === 'trace');
    expect(both[0]!.steps.length).toBe(traces.length);
  });
});

describe('the end of a saved spy-only log', () => {
  const spy = (seq: number, line: string) => ({ v: 1 as const, seq, kind: 'spy' as const, chart: 'c', node: null, time: null, received: 0, raw: line, line, ...parseSpyLine(line) });

  it('draws a chart that only started, and a last step that never got its reflection line', () => {
    const lines = ['START', 'ENTRY_SIGNAL:a', 'INIT_SIGNAL:a', '<- Queued:(0) Deferred:(0)'];
    const started = buildSequenceModel(lines.map((l, k) => spy(k + 1, l)));
    expect(started.charts.map((c) => c.steps.map((s) => `${s.n}: ${s.signal} ${s.from}->${s.to}`))).toEqual([['1: start_at top->a']]);
    const cut = buildSequenceModel([...lines, 'go:a', 'EXIT_SIGNAL:a', 'ENTRY_SIGNAL:b', 'INIT_SIGNAL:b'].map((l, k) => spy(k + 1, l)));
    expect(cut.charts[0]!.steps.map((s) => `${s.n}: ${s.seq} ${s.signal} ${s.from}->${s.to}`)).toEqual(['1: 4 start_at top->a', '2: 8 go a->b']);
  });
});
