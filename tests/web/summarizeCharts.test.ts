import { describe, expect, it } from 'vitest';
import { RecordLog } from '../../web/src/store/RecordLog.ts';
import { chartRate, summarizeCharts } from '../../web/src/panels/charts/summarizeCharts.ts';
import { chartIndex } from '../../web/src/panelApi/recordIndexes.ts';
import { statusCounts } from '../../web/src/store/statusCounts.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { fixtureRecords, trace } from './support/records.ts';

function logOf(records: MirosRecord[]): RecordLog {
  const log = new RecordLog();
  log.append(records);
  return log;
}

describe('summarizeCharts', () => {
  it('lists every chart of the seed trace with its state at the end', () => {
    const log = logOf(fixtureRecords('seed-two-charts-trace.log'));
    const rows = summarizeCharts(log, log.length, { field: 'time', now: null });
    expect(rows.map((r) => [r.name, r.state, r.lastEvent, r.liveness, r.records])).toEqual([
      ['04ccc_ao', 'inner', 'to_inner() outer→inner', 'alive', 6],
      ['2771f_ao', 'inner', 'other_to_inner() outer→inner', 'alive', 6],
    ]);
  });

  it('answers as of the cursor: one record back, the second chart is still outside', () => {
    const log = logOf(fixtureRecords('seed-two-charts-trace.log'));
    const rows = summarizeCharts(log, log.length - 1, { field: 'time', now: null });
    expect(rows.map((r) => [r.name, r.state])).toEqual([
      ['04ccc_ao', 'inner'],
      ['2771f_ao', 'outer'],
    ]);
  });

  it('leaves out charts not heard before the cursor', () => {
    const log = logOf(fixtureRecords('seed-two-charts-trace.log'));
    expect(summarizeCharts(log, 1, { field: 'time', now: null }).map((r) => r.name)).toEqual(['04ccc_ao']);
  });

  it('calls a chart stale once it has been quiet for 30 s, and counts its rate over 10 s', () => {
    const log = logOf([trace(1, 'a', 'go', 'x', 'y', 0), trace(2, 'b', 'go', 'x', 'y', 25_000), trace(3, 'b', 'go', 'y', 'x', 31_000), trace(4, 'b', 'go', 'x', 'y', 40_000)]);
    const rows = summarizeCharts(log, log.length, { field: 'time', now: null });
    expect(rows.map((r) => [r.name, r.liveness, r.rate])).toEqual([
      ['a', 'stale', 0],
      ['b', 'alive', 0.2],
    ]);
  });

  it('leaves rates at 0 when not asked for, and chartRate gives the same rate for one chart', () => {
    const log = logOf([trace(1, 'a', 'go', 'x', 'y', 0), trace(2, 'b', 'go', 'x', 'y', 25_000), trace(3, 'b', 'go', 'y', 'x', 31_000), trace(4, 'b', 'go', 'x', 'y', 40_000)]);
    const rows = summarizeCharts(log, log.length, { field: 'time', now: null }, { rates: false });
    expect(rows.map((r) => [r.name, r.liveness, r.rate, r.records])).toEqual([
      ['a', 'stale', 0, 1],
      ['b', 'alive', 0, 3],
    ]);
    const b = chartIndex(log).byName.get('b')!;
    expect(chartRate(log, b, 3, 40_000, 'time')).toBe(0.2);
    expect(chartRate(log, b, 3, null, 'time')).toBe(0);
  });

  it('names the latest transition as the last event, not the spy bookkeeping after it', () => {
    const spy = (seq: number, chart: string, line: string): MirosRecord => ({ v: 1, seq, kind: 'spy', chart, node: null, time: null, received: 0, raw: line, line });
    const log = logOf([trace(1, 'a', 'go', 'x', 'y'), spy(2, 'a', 'ENTRY_SIGNAL:y'), spy(3, 'a', '<- Queued:(0) Deferred:(0)'), spy(4, 'b', 'START'), spy(5, 'b', 'SEARCH_FOR_SUPER_SIGNAL:x')]);
    const rows = summarizeCharts(log, log.length, { field: 'time', now: null });
    expect(rows.map((r) => [r.name, r.lastEvent, r.lastSeq])).toEqual([
      ['a', 'go() x→y', 3],
      ['b', 'SEARCH_FOR_SUPER_SIGNAL:x', 5],
    ]);
  });

  it('uses arrival times and the wall clock for a live session', () => {
    const a = { ...trace(1, 'a', 'go', 'x', 'y', null), received: 1_000 };
    const rows = summarizeCharts(logOf([a]), 1, { field: 'received', now: 50_000 });
    expect(rows.map((r) => [r.liveness, r.rate])).toEqual([['stale', 0]]);
  });
});

describe('statusCounts', () => {
  it('counts rejections by reason, reconnects, drops, missed messages by sender and notes up to the cursor', () => {
    const meta = (seq: number, extra: Partial<Extract<MirosRecord, { kind: 'meta' }>>): MirosRecord => ({ v: 1, seq, kind: 'meta', chart: null, node: null, time: null, received: 0, raw: '', event: 'status', ...extra });
    const log = logOf([
      meta(1, { event: 'rejected', reason: 'bad-token' }),
      meta(2, { event: 'rejected', reason: 'bad-token' }),
      meta(3, { event: 'rejected', reason: 'oversized' }),
      meta(4, { event: 'reconnected' }),
      meta(5, { event: 'dropped', count: 7 }),
      meta(6, { event: 'note' }),
      meta(7, { event: 'missed', count: 3, network: 'mesh', chart: 'a', node: 'n1' }),
      meta(8, { event: 'missed', count: 2, network: 'mesh', chart: 'a', node: 'n1' }),
      meta(9, { event: 'missed', count: 1, network: 'trace', chart: 'a', node: 'n1' }),
      meta(10, { event: 'rejected', reason: 'bad-pickle' }),
    ]);
    expect(statusCounts(log, 9)).toEqual({
      rejected: { 'bad-token': 2, oversized: 1 },
      rejectedTotal: 3,
      reconnects: 1,
      disconnects: 0,
      dropped: 7,
      missed: 6,
      missedBy: { 'mesh a@n1': 5, 'trace a@n1': 1 },
      notes: 1,
    });
  });
});
