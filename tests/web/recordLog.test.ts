import { describe, expect, it } from 'vitest';
import { RecordLog } from '../../web/src/store/RecordLog.ts';
import { PositionList } from '../../web/src/store/PositionList.ts';
import { incrementalIndex } from '../../web/src/store/incrementalIndex.ts';
import { fixtureRecords, trace } from './support/records.ts';
import { ColumnEncoder } from '../../web/src/sources/ColumnEncoder.ts';
import { ChunkReceiver } from '../../web/src/sources/ChunkReceiver.ts';
import { chartIndex } from '../../web/src/store/chartIndex.ts';

describe('RecordLog', () => {
  it('keeps records across chunk boundaries in order', () => {
    const log = new RecordLog();
    const n = 70_000; // more than one 65,536-record chunk
    const batch = Array.from({ length: n }, (_, i) => trace(i + 1, 'a', 's', 'x', 'y'));
    log.append(batch.slice(0, 65_530));
    log.append(batch.slice(65_530));
    expect(log.length).toBe(n);
    expect([log.at(0).seq, log.at(65_535).seq, log.at(65_536).seq, log.at(n - 1).seq]).toEqual([1, 65_536, 65_537, n]);
  });

  it('finds how many records have seq up to a given seq', () => {
    const log = new RecordLog();
    log.append([5, 6, 9, 12].map((s) => trace(s, 'a', 's', 'x', 'y')));
    expect([4, 5, 8, 9, 12, 100].map((s) => log.countThroughSeq(s))).toEqual([0, 1, 2, 3, 4, 4]);
  });

  it('refuses a position outside the log with a RangeError', () => {
    const log = new RecordLog();
    log.append([trace(1, 'a', 's', 'x', 'y')]);
    expect(() => log.at(1)).toThrow(RangeError);
    expect(log.slice(0, 10).map((r) => r.seq)).toEqual([1]);
  });
});

describe('PositionList', () => {
  it('grows and answers counts before a position', () => {
    const list = new PositionList(2);
    for (const p of [3, 7, 8, 20, 41]) list.push(p);
    expect(list.toArray()).toEqual([3, 7, 8, 20, 41]);
    expect([0, 3, 4, 8, 9, 42].map((p) => list.countBefore(p))).toEqual([0, 0, 1, 2, 3, 5]);
    expect([3, 8, 100].map((p) => list.lastBefore(p))).toEqual([-1, 7, 41]);
  });
});

describe('incrementalIndex', () => {
  it('folds in only records it has not seen, and starts over for a new log', () => {
    const seen: number[] = [];
    const index = incrementalIndex<{ count: number }>({
      init: () => ({ count: 0 }),
      add: (state, record) => {
        seen.push(record.seq);
        state.count++;
      },
    });
    const log = new RecordLog();
    log.append([trace(1, 'a', 's', 'x', 'y'), trace(2, 'a', 's', 'x', 'y')]);
    expect(index(log).count).toBe(2);
    expect(index(log).count).toBe(2);
    log.append([trace(3, 'a', 's', 'x', 'y')]);
    expect(index(log).count).toBe(3);
    const other = new RecordLog();
    other.append([trace(10, 'b', 's', 'x', 'y')]);
    expect(index(other).count).toBe(1);
    expect(seen).toEqual([1, 2, 3, 10]);
  });

  it('advances by at most a budget of records and says when it has caught up', () => {
    const index = incrementalIndex<number[]>({ init: () => [], add: (state, record) => void state.push(record.seq) });
    const log = new RecordLog();
    log.append([1, 2, 3, 4, 5].map((seq) => trace(seq, 'a', 's', 'x', 'y')));
    const steps = [index.advance(log, 2), index.advance(log, 2), index.advance(log, 2), index.advance(log, 2)];
    log.append([trace(6, 'a', 's', 'x', 'y')]);
    expect([steps, index.advance(log, 0), index(log)]).toEqual([[false, false, true, true], false, [1, 2, 3, 4, 5, 6]]);
  });
});

describe('RecordLog with column segments', () => {
  const encoder = new ColumnEncoder();
  const receiver = new ChunkReceiver();
  const records = fixtureRecords('seed-two-charts-trace.log');
  const log = new RecordLog();
  log.append(records.slice(0, 3));
  log.appendSegment(receiver.receive(encoder.encode(records.slice(3, 8))));
  log.appendSegment(receiver.receive(encoder.encode(records.slice(8, 10))));
  log.append(records.slice(10));

  it('reads the same records whichever way they are stored', () => {
    const viewed: unknown[] = [];
    for (const r of log.view(1, 12)) viewed.push([r.seq, r.kind, r.chart, r.time, r.raw, r.kind === 'trace' ? [r.signal, r.from, r.to, r.stamp] : null]);
    const expected = records.slice(1, 12).map((r) => [r.seq, r.kind, r.chart, r.time, r.raw, r.kind === 'trace' ? [r.signal, r.from, r.to, r.stamp] : null]);
    expect([viewed, log.slice(0, 12), Array.from({ length: 12 }, (_, i) => log.read(i))]).toEqual([expected, records, records]);
  });

  it('answers fields and seq positions across segments without building records', () => {
    expect([
      [2, 3, 7, 8, 11].map((i) => [log.seqAt(i), log.kindAt(i), log.chartAt(i), log.timeAt(i) === records[i]!.time]),
      [0, 3, 4, 8, 9, 12, 99].map((seq) => log.countThroughSeq(seq)),
    ]).toEqual([
      [2, 3, 7, 8, 11].map((i) => [i + 1, 'trace', records[i]!.chart, true]),
      [0, 3, 4, 8, 9, 12, 12],
    ]);
  });

  it('gives the same object for a record while it is in view, and a new one to a scan', () => {
    expect([log.at(5) === log.at(5), log.read(5) === log.at(5), log.at(5)]).toEqual([true, false, records[5]]);
  });

  it('indexes charts from the columns as from the objects', () => {
    const objects = new RecordLog();
    objects.append(records);
    const summary = (index: ReturnType<typeof chartIndex>) => index.names.map((name) => [name, index.byName.get(name)!.all.toArray(), index.byName.get(name)!.traces.toArray()]);
    expect(summary(chartIndex(log))).toEqual(summary(chartIndex(objects)));
  });
});
