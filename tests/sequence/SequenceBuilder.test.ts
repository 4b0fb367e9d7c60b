import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { chartLetter } from '../../shared/sequence/model/chartLetter.ts';
import { buildSequenceModel, SequenceBuilder } from '../../shared/sequence/model/SequenceBuilder.ts';
import { mesh, spy, trace, traceRecords } from './recordFactory.ts';
import { logsDir } from '../support/fixturePath.ts';

const seedRecords = traceRecords(readFileSync(path.join(logsDir, 'seed-two-charts-trace.log'), 'utf8'));
const numbers = (model: ReturnType<typeof buildSequenceModel>) =>
  model.charts.map((c) => [c.letter, c.chart, c.lifelines, c.steps.map((s) => s.n)]);

describe('SequenceBuilder', () => {
  it('numbers the seed trace across both charts in arrival order', () => {
    expect(numbers(buildSequenceModel(seedRecords))).toEqual([
      ['A', '04ccc_ao', ['top', 'outer', 'inner'], [1, 3, 5, 7, 9, 11]],
      ['B', '2771f_ao', ['top', 'outer', 'inner'], [2, 4, 6, 8, 10, 12]],
    ]);
  });

  it('numbers by timestamp on request, so the chart that started first becomes A', () => {
    expect(numbers(buildSequenceModel(seedRecords, { order: 'timestamp' }))).toEqual([
      ['A', '2771f_ao', ['top', 'outer', 'inner'], [1, 4, 6, 8, 10, 12]],
      ['B', '04ccc_ao', ['top', 'outer', 'inner'], [2, 3, 5, 7, 9, 11]],
    ]);
  });

  it('keeps every step, including identical steps with one timestamp', () => {
    const records = [trace(1, 'c', 'go', 'A', 'B', { time: 5 }), trace(2, 'c', 'go', 'A', 'B', { time: 5 })];
    expect(buildSequenceModel(records).charts[0]!.steps).toEqual([
      { n: 1, seq: 1, time: 5, signal: 'go', from: 'A', to: 'B' },
      { n: 2, seq: 2, time: 5, signal: 'go', from: 'A', to: 'B' },
    ]);
  });

  it.each(['arrival', 'timestamp'] as const)('gives the same model in %s order whatever the batch sizes', (order) => {
    // Arrival shuffled against time, plus a mesh message without a time.
    const records: MirosRecord[] = [...seedRecords].reverse().map((r, k) => ({ ...r, seq: k + 1 }));
    records.splice(5, 0, mesh(100, 'other_to_inner', '04ccc_ao', { received: 1_000_004 }));
    const whole = buildSequenceModel(records, { order });
    for (const size of [1, 3, 7]) {
      const builder = new SequenceBuilder({ order });
      for (let k = 0; k < records.length; k += size) builder.add(records.slice(k, k + size));
      expect(builder.model()).toEqual(whole);
    }
  });

  it('ignores a record whose seq it has already seen', () => {
    const builder = new SequenceBuilder();
    builder.add(seedRecords.slice(0, 4));
    builder.add(seedRecords.slice(2, 6));
    expect(builder.size).toBe(6);
    expect(builder.model().charts.map((c) => c.steps.map((s) => s.seq))).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
  });

  it('returns the cached model until records are added', () => {
    const builder = new SequenceBuilder();
    builder.add(seedRecords.slice(0, 2));
    const first = builder.model();
    expect(builder.model()).toBe(first);
    builder.add(seedRecords.slice(2, 3));
    expect(builder.model()).not.toBe(first);
    expect(first.charts[0]!.steps).toHaveLength(1);
  });

  describe('windows', () => {
    const builder = new SequenceBuilder();
    builder.add(seedRecords);

    it('gives the latest N events with global numbers and only the states they use', () => {
      const model = builder.window({ last: 3 });
      expect(numbers(model)).toEqual([
        ['A', '04ccc_ao', ['outer', 'inner'], [11]],
        ['B', '2771f_ao', ['outer', 'inner'], [10, 12]],
      ]);
      // The seed has no mesh records: 10 and 12 are other_ receptions, each after an inferred arrow numbered by the move that sent it.
      expect(model.system.items.map((i) => [i.n, i.type === 'message' && i.inferred === true])).toEqual([
        [9, true],
        [10, false],
        [11, false],
        [11, true],
        [12, false],
      ]);
      const plain = new SequenceBuilder({ inferred: false });
      plain.add(seedRecords);
      expect(plain.window({ last: 3 }).system.items.map((i) => i.n)).toEqual([10, 11, 12]);
    });

    it('gives the latest N steps of one chart', () => {
      expect(numbers(builder.window({ chart: '2771f_ao', last: 2 }))).toEqual([['B', '2771f_ao', ['outer', 'inner'], [10, 12]]]);
    });

    it('gives a seq range', () => {
      expect(numbers(builder.window({ fromSeq: 2, toSeq: 4 }))).toEqual([
        ['A', '04ccc_ao', ['outer', 'inner'], [3]],
        ['B', '2771f_ao', ['top', 'outer', 'inner'], [2, 4]],
      ]);
    });
  });

  describe('system view', () => {
    it('draws a mesh message from its sender to the charts that received it, with state notes', () => {
      const records: MirosRecord[] = [
        trace(1, 'A1', 'start_at', 'top', 'outer', { received: 1000 }),
        trace(2, 'B2', 'start_at', 'top', 'outer', { received: 1100 }),
        mesh(3, 'other_to_inner', 'A1', { received: 1200 }),
        spy(4, 'B2', 'other_to_inner:outer', 1250),
        trace(5, 'B2', 'other_to_inner', 'outer', 'inner', { received: 1260 }),
        mesh(6, 'hello', 'x', { received: 1300, sender: '10.0.0.7' }),
        mesh(7, 'ping', null, { received: 1400, chart: 'B2' }),
      ];
      expect(buildSequenceModel(records).system).toEqual({
        lifelines: ['A1', 'B2', '10.0.0.7'],
        items: [
          { type: 'state', n: 1, seq: 1, time: 1000, chart: 'A1', signal: 'start_at', from: 'top', to: 'outer' },
          { type: 'state', n: 2, seq: 2, time: 2000, chart: 'B2', signal: 'start_at', from: 'top', to: 'outer' },
          { type: 'message', n: 3, seq: 3, time: null, signal: 'other_to_inner', payload: 'A1', from: 'A1', to: ['B2'] },
          {
            type: 'state',
            n: 4,
            seq: 5,
            time: 5000,
            chart: 'B2',
            signal: 'other_to_inner',
            from: 'outer',
            to: 'inner',
            causedBy: 3,
          },
          { type: 'message', n: 5, seq: 6, time: null, signal: 'hello', payload: 'x', from: '10.0.0.7', to: [] },
          { type: 'message', n: 6, seq: 7, time: null, signal: 'ping', from: 'B2', to: [] },
        ],
      });
    });

    it('limits a chart window to the messages the chart sent or received', () => {
      const builder = new SequenceBuilder();
      builder.add([
        trace(1, 'A1', 'start_at', 'top', 'outer', { received: 1000 }),
        mesh(2, 'other_to_inner', 'A1', { received: 1200 }),
        trace(3, 'B2', 'other_to_inner', 'outer', 'inner', { received: 1260 }),
        mesh(4, 'unrelated', 'zz', { received: 9000 }),
        trace(5, 'B2', 'to_outer', 'inner', 'outer', { received: 9100 }),
      ]);
      expect(builder.window({ chart: 'B2' }).system.items.map((i) => [i.type, i.n])).toEqual([
        ['message', 2],
        ['state', 3],
        ['state', 5],
      ]);
    });
  });
});

describe('chartLetter', () => {
  it('names charts like spreadsheet columns', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(chartLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
