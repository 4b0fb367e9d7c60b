import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { fixtureLog } from '../support/fixturePath.ts';

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
