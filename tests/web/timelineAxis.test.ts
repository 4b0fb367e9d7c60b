import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { RecordLog } from '../../web/src/store/RecordLog.ts';
import { chartIndex } from '../../web/src/store/chartIndex.ts';
import { timeIndex } from '../../web/src/store/timeIndex.ts';
import { InThreadLogLoader } from '../../web/src/sources/InThreadLogLoader.ts';
import { fractionOfPosition, positionOfFraction, trackDomain } from '../../web/src/panels/timeline/timelineScale.ts';
import { densityEpoch, timelineDensity } from '../../web/src/panels/timeline/timelineDensity.ts';
import { fixtureLogPath, trace } from './support/records.ts';

function spy(seq: number, chart: string): MirosRecord {
  return { v: 1, seq, kind: 'spy', chart, node: null, time: null, received: 0, raw: `${chart} START`, line: 'START' };
}

function axisOf(log: RecordLog) {
  const index = timeIndex(log, 'time');
  return { length: log.length, timeAt: (p: number) => index.at(p), countThrough: (t: number) => index.countThrough(t), at: (p: number) => index.at(p) };
}

describe('timeIndex', () => {
  it('gives every record the latest time seen so far; untimed records before the first stamp take it', () => {
    const log = new RecordLog();
    log.append([spy(1, 'a'), trace(2, 'a', 's', 'x', 'y', 5000), spy(3, 'a'), trace(4, 'b', 's', 'x', 'y', 4000), trace(5, 'b', 's', 'x', 'y', 9000)]);
    const index = timeIndex(log, 'time');
    expect([0, 1, 2, 3, 4].map((p) => index.at(p))).toEqual([5000, 5000, 5000, 5000, 9000]);
    expect([index.countThrough(4999), index.countThrough(5000), index.countThrough(8999), index.countThrough(9000)]).toEqual([0, 4, 4, 5]);
    log.append([trace(6, 'a', 's', 'y', 'x', 12000)]);
    expect(timeIndex(log, 'time').at(5)).toBe(12000);
  });

  it('reads a replay\'s time column the same as record objects', async () => {
    const loader = new InThreadLogLoader({ received: 0 });
    const columns = new RecordLog();
    const objects = new RecordLog();
    await loader.load({ kind: 'file', file: new Blob([readFileSync(fixtureLogPath('seed-two-charts-trace.log'))]), name: 'seed' }, async (batch) => {
      columns.appendSegment(batch.segment);
      const records: MirosRecord[] = [];
      for (let i = 0; i < batch.segment.length; i++) records.push(batch.segment.record(i));
      objects.append(records);
    });
    const a = timeIndex(columns, 'time');
    const b = timeIndex(objects, 'time');
    expect(a.length).toBe(12);
    expect(Array.from({ length: 12 }, (_, p) => a.at(p))).toEqual(Array.from({ length: 12 }, (_, p) => b.at(p)));
    expect(a.timed).toBe(true);
  });

  it('indexes a log without any time by position', () => {
    const log = new RecordLog();
    log.append([spy(1, 'a'), spy(2, 'a'), spy(3, 'b')]);
    const index = timeIndex(log, 'time');
    expect([index.timed, index.at(0), index.at(2), index.countThrough(1)]).toEqual([false, 0, 2, 2]);
  });
});

describe('a time-scaled track', () => {
  // Records at 0 s, 1 s, 1 s, 10 s: most of the track is the quiet gap.
  const log = new RecordLog();
  log.append([trace(1, 'a', 's', 'x', 'y', 0), trace(2, 'b', 's', 'x', 'y', 1000), trace(3, 'a', 's', 'y', 'x', 1000), trace(4, 'b', 's', 'y', 'x', 10000)]);
  const axis = axisOf(log);
  const domain = trackDomain(axis);

  it('places the cursor at the time of the last record shown', () => {
    expect(domain).toEqual({ t0: 0, t1: 10000 });
    expect([0, 1, 2, 3, 4].map((p) => fractionOfPosition(p, axis, domain))).toEqual([0, 0, 0.1, 0.1, 1]);
  });

  it('seeks a click to every record up to that instant; the ends are the start and the end', () => {
    expect([0, 0.05, 0.1, 0.5, 0.99, 1].map((f) => positionOfFraction(f, axis, domain))).toEqual([0, 1, 3, 3, 3, 4]);
  });
});

describe('timelineDensity', () => {
  it('counts each chart\'s records per pixel column by time', () => {
    const log = new RecordLog();
    log.append([trace(1, 'a', 's', 'x', 'y', 0), trace(2, 'b', 's', 'x', 'y', 1000), trace(3, 'a', 's', 'y', 'x', 1000), trace(4, 'a', 's', 'y', 'x', 9999), trace(5, 'b', 's', 'y', 'x', 10000)]);
    const charts = chartIndex(log);
    const rows = timelineDensity(
      charts.names.map((name) => ({ name, positions: charts.byName.get(name)!.all.values() })),
      axisOf(log),
      0,
      10000,
      10,
      8,
    );
    expect(rows.map((r) => [r.label, Array.from(r.counts), r.max])).toEqual([
      ['a', [1, 1, 0, 0, 0, 0, 0, 0, 0, 1], 1],
      ['b', [0, 1, 0, 0, 0, 0, 0, 0, 0, 1], 1],
    ]);
  });

  it('folds charts past the row limit into one shared last row', () => {
    const charts = ['a', 'b', 'c', 'd'].map((name, k) => ({ name, positions: Int32Array.of(k) }));
    const rows = timelineDensity(charts, { at: (p) => p }, 0, 3, 4, 3);
    expect(rows.map((r) => [r.label, r.charts, Array.from(r.counts)])).toEqual([
      ['a', ['a'], [1, 0, 0, 0]],
      ['b', ['b'], [0, 1, 0, 0]],
      ['+2 more', ['c', 'd'], [0, 0, 1, 1]],
    ]);
  });

  it('stays fast at a million records (one pass, no per-record objects)', () => {
    const n = 1_000_000;
    const positions = new Int32Array(n).map((_, i) => i);
    const started = performance.now();
    const rows = timelineDensity([{ name: 'a', positions }], { at: (p) => p * 3 }, 0, 3 * (n - 1), 1200, 8);
    const ms = performance.now() - started;
    expect(rows[0]!.counts.reduce((s, c) => s + c, 0)).toBe(n);
    expect(ms).toBeLessThan(500);
  });

  it('recomputes on growth by steps, not on every record', () => {
    expect([densityEpoch(10), densityEpoch(256)]).toEqual([10, 256]);
    let changes = 0;
    let last = densityEpoch(500_000);
    for (let n = 500_001; n <= 1_000_000; n++) {
      const e = densityEpoch(n);
      if (e < last) throw new Error(`densityEpoch went back at ${n}`);
      if (e !== last) changes++;
      last = e;
    }
    // Half a million records delivered one by one: a few hundred recomputations.
    expect(changes).toBeGreaterThan(100);
    expect(changes).toBeLessThan(600);
  });
});
