import { describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import type { SequenceModel } from '../../shared/sequence/SequenceModel.ts';
import { SequenceBuilder, type SequenceWindow } from '../../shared/sequence/model/SequenceBuilder.ts';
import { latestEntries } from '../../shared/sequence/model/latestEntries.ts';
import { SeqSet } from '../../shared/sequence/model/SeqSet.ts';
import { mesh, trace } from './recordFactory.ts';

/** A deterministic pseudo-random run: three charts, mesh messages, jittered times, some seqs out of order. */
function run(count: number, seed: number): MirosRecord[] {
  let x = seed;
  const random = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const records: MirosRecord[] = [];
  for (let k = 0; k < count; k += 1) {
    const seq = k + 1;
    const received = seq * 40;
    if (k % 9 === 8) records.push(mesh(seq, 'poke', 'c0', { received }));
    else {
      const chart = `c${Math.floor(random() * 3)}`;
      records.push(trace(seq, chart, random() < 0.2 ? 'poke' : 'tick', `s${k % 4}`, `s${(k + 1) % 4}`, { time: seq * 40 - Math.floor(random() * 300), received }));
    }
  }
  // Swap a few neighbours: their seqs arrive out of order.
  for (let k = 5; k + 1 < records.length; k += 37) [records[k], records[k + 1]] = [records[k + 1]!, records[k]!];
  return records;
}

/** What the window means, computed the slow way: every entry of the range, in diagram order, the last N. */
function reference(builder: SequenceBuilder, window: SequenceWindow): SequenceModel {
  const whole = builder.window({ ...window, last: undefined });
  const numbers = [...whole.system.items.map((i) => i.n)].sort((a, b) => a - b).slice(-window.last!);
  const keep = new Set(numbers);
  const cut = builder.window({ fromSeq: window.fromSeq, toSeq: window.toSeq, ...(window.chart !== undefined && { chart: window.chart }) });
  return {
    charts: cut.charts.map((c) => ({ ...c, steps: c.steps.filter((s) => keep.has(s.n)) })).filter((c) => c.steps.length > 0),
    system: { lifelines: cut.system.lifelines, items: cut.system.items.filter((i) => keep.has(i.n)) },
  };
}

const shape = (model: SequenceModel) => ({
  charts: model.charts.map((c) => [c.chart, c.steps.map((s) => s.n)]),
  items: model.system.items.map((i) => [i.type, i.n, i.seq]),
});

describe('the latest N events up to a seq', () => {
  it.each(['arrival', 'timestamp'] as const)('are the last N of the range in diagram order (%s order)', (order) => {
    const builder = new SequenceBuilder({ order });
    builder.add(run(600, 7));
    const windows: SequenceWindow[] = [
      { toSeq: 300, last: 25 },
      { toSeq: 3, last: 10 },
      { fromSeq: 100, toSeq: 180, last: 30 },
      { toSeq: 599, last: 200 },
      { toSeq: 450, last: 12, chart: 'c1' },
      { toSeq: 40, last: 50, chart: 'c2' },
    ];
    for (const window of windows) expect(shape(builder.window(window))).toEqual(shape(reference(builder, window)));
  });

  it('stay right when late records arrive after the window was asked for', () => {
    const records = run(300, 11);
    const builder = new SequenceBuilder({ order: 'timestamp' });
    builder.add(records.filter((_, k) => k % 5 !== 0));
    builder.window({ toSeq: 200, last: 20 });
    builder.add(records.filter((_, k) => k % 5 === 0));
    const window = { toSeq: 200, last: 20 };
    expect(shape(builder.window(window))).toEqual(shape(reference(builder, window)));
  });

  it('stop walking back once nothing earlier can be among the latest', () => {
    const bySeq = Array.from({ length: 100_000 }, (_, k) => k);
    let compared = 0;
    const compare = (a: number, b: number) => {
      compared += 1;
      return a - b;
    };
    const latest = latestEntries(bySeq, bySeq, 0, 60_000, 5, compare);
    expect([latest, compared < 100]).toEqual([[59_995, 59_996, 59_997, 59_998, 59_999], true]);
  });
});

describe('SeqSet', () => {
  it('takes each seq once, in or out of order', () => {
    const set = new SeqSet();
    const added = [5, 6, 9, 6, 2, 7, 9, 2, 3000].map((seq) => set.add(seq));
    expect([added, set.size, [1, 2, 7, 8, 3000].map((seq) => set.has(seq))]).toEqual([
      [true, true, true, false, true, true, false, false, true],
      6,
      [false, true, true, false, true],
    ]);
  });

  it('grows past its first allocation', () => {
    const set = new SeqSet();
    for (let seq = 1; seq <= 5000; seq += 1) set.add(seq * 2);
    expect([set.size, set.has(10_000), set.has(4999), set.add(5000)]).toEqual([5000, true, false, false]);
  });
});
