import { describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { RecordLog } from '../../web/src/store/RecordLog.ts';
import { chartIndex } from '../../web/src/store/chartIndex.ts';
import { compileLogQuery } from '../../web/src/panels/log/compileLogQuery.ts';
import { logRowFilter } from '../../web/src/panels/log/logRowFilter.ts';
import { forEachMatch, shownPositionAt } from '../../web/src/panels/log/filterPositions.ts';
import { MatchIndex } from '../../web/src/panelApi/useLogRows.ts';
import { fixtureRecords, trace } from './support/records.ts';

function meta(seq: number, event: 'topology' | 'connected' | 'note', chart: string | null = null): MirosRecord {
  return { v: 1, seq, kind: 'meta', event, chart, node: null, time: null, received: 0, raw: `${event} ${chart ?? ''}`.trim() };
}

/** A live session as the issue saw it: a topology row beside every transition. */
function chattyLog(): RecordLog {
  const log = new RecordLog();
  log.append([
    meta(1, 'connected'),
    trace(2, 'ao1', 'start_at', 'top', 'outer'),
    meta(3, 'topology', 'ao1'),
    trace(4, 'ao1', 'to_inner', 'outer', 'inner'),
    meta(5, 'topology', 'ao1'),
    meta(6, 'note'),
    trace(7, 'ao1', 'to_outer', 'inner', 'outer'),
  ]);
  return log;
}

/** The rows a filter leaves, as seqs, computed as the log panel does (useLogRows without React). */
function rowSeqs(log: RecordLog, query: string, showMeta: boolean, end = log.length): number[] {
  const filter = logRowFilter(query, compileLogQuery(query), showMeta);
  let positions: number[];
  if (filter === null) positions = Array.from({ length: end }, (_, i) => i);
  else if (filter.predicate) {
    const matches = new MatchIndex(filter.predicate).extend(log);
    positions = matches.toArray().filter((p) => p < end);
  } else {
    const { meta: metas, notes } = chartIndex(log);
    const hiddenBefore = (p: number) => metas.countBefore(p) + notes.countBefore(p);
    positions = Array.from({ length: end - hiddenBefore(end) }, (_, i) => shownPositionAt(i, end, hiddenBefore));
  }
  return positions.map((p) => log.seqAt(p));
}

describe('meta rows in the log (issue 10)', () => {
  it('are hidden by default', () => {
    expect(rowSeqs(chattyLog(), '', false)).toEqual([2, 4, 7]);
  });

  it('are hidden under a query that names no kind', () => {
    expect(rowSeqs(chattyLog(), 'chart:ao1', false)).toEqual([2, 4, 7]);
    expect(rowSeqs(chattyLog(), '-signal:to_inner', false)).toEqual([2, 7]);
  });

  it.each([
    ['kind:meta', [1, 3, 5, 6]],
    ['kind:topology', [3, 5]],
    ['kind:meta,trace', [1, 2, 3, 4, 5, 6, 7]],
  ])('are shown when the query names kinds: %s', (query, seqs) => {
    expect(rowSeqs(chattyLog(), query, false)).toEqual(seqs);
  });

  it('are shown with the toggle on, filtered like any record', () => {
    expect(rowSeqs(chattyLog(), '', true)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rowSeqs(chattyLog(), 'chart:ao1', true)).toEqual([2, 3, 4, 5, 7]);
  });

  it('stop at the cursor', () => {
    expect(rowSeqs(chattyLog(), '', false, 5)).toEqual([2, 4]);
  });

  it('finds the i-th shown record by binary search the same as by a scan, over a real log', () => {
    // The charger's records with meta rows and notes sprinkled in, runs of them too.
    const mixed: MirosRecord[] = [];
    fixtureRecords('miros-logging-single_unit_three_stage_charger_2.log').forEach((record, i) => {
      if (i % 7 === 3) mixed.push(meta(0, 'topology', record.chart));
      if (i % 11 === 0) mixed.push(meta(0, 'note'), meta(0, 'connected'));
      mixed.push(record);
    });
    const log = new RecordLog();
    log.append(mixed.map((r, k) => ({ ...r, seq: k + 1 })));
    const shown = rowSeqs(log, '', false);
    const scanned = log.slice(0, log.length).filter((r) => r.kind !== 'meta').map((r) => r.seq);
    expect(shown).toEqual(scanned);
    expect(shown.length).toBeLessThan(log.length);
  });
});

describe('filter positions', () => {
  it('are pure: the same records and predicate give the same positions, from any first position', () => {
    const records = [trace(1, 'a', 's', 'x', 'y'), trace(2, 'b', 's', 'x', 'y'), trace(3, 'a', 's', 'y', 'x')];
    const visit = (first: number) => {
      const out: number[] = [];
      forEachMatch(records, first, (r) => r.chart === 'a', (p) => out.push(p));
      return out;
    };
    expect([visit(0), visit(0), visit(10)]).toEqual([[0, 2], [0, 2], [10, 12]]);
  });

  it('are extended as the log grows, testing only what is new', () => {
    const log = new RecordLog();
    log.append([trace(1, 'a', 's', 'x', 'y'), trace(2, 'b', 's', 'x', 'y')]);
    let tested = 0;
    const index = new MatchIndex((r) => {
      tested++;
      return r.chart === 'a';
    });
    expect(index.extend(log).toArray()).toEqual([0]);
    log.append([trace(3, 'a', 's', 'y', 'x')]);
    expect(index.extend(log).toArray()).toEqual([0, 2]);
    expect(index.extend(log).toArray()).toEqual([0, 2]);
    expect(tested).toBe(3);
  });

  it('a new filter on the same log does not see another filter\'s matches (no shared module state)', () => {
    const log = chattyLog();
    const a = new MatchIndex((r) => r.kind === 'trace').extend(log).toArray();
    const b = new MatchIndex((r) => r.kind === 'meta').extend(log).toArray();
    expect([a, b]).toEqual([[1, 3, 6], [0, 2, 4, 5]]);
  });
});
