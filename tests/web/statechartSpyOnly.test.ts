import { describe, expect, it } from 'vitest';
import { RecordLog } from '../../web/src/store/RecordLog.ts';
import { currentTransition } from '../../web/src/panels/statechart/currentTransition.ts';
import { observedTransitions } from '../../web/src/panels/statechart/transitionIndex.ts';
import { summarizeCharts } from '../../web/src/panels/charts/summarizeCharts.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { fixtureRecords } from './support/records.ts';

function logOf(records: MirosRecord[]): RecordLog {
  const log = new RecordLog();
  log.append(records);
  return log;
}

const CHART = '0ca32_ao';

describe('a chart heard only on the spy network', () => {
  it('has the state and last transition its spy steps show, at every cursor', () => {
    const records = fixtureRecords('seed-spy-only.log');
    expect(records.some((r) => r.kind === 'trace')).toBe(false);
    const log = logOf(records);
    // Line 5 is the first `<- Queued`: start_at is complete only there.
    expect(currentTransition(log, 4, CHART)).toBeNull();
    expect(currentTransition(log, 5, CHART)).toEqual({ state: 'outer', last: { from: 'top', to: 'outer', signal: 'start_at', seq: records[4]!.seq }, source: 'spy' });
    expect(currentTransition(log, 11, CHART)?.state).toBe('inner');
    expect(currentTransition(log, log.length, CHART)).toMatchObject({ state: 'outer', last: { signal: 'to_outer', from: 'inner', to: 'outer' }, source: 'spy' });
  });

  it('draws the transitions its spy steps show, each once with its signals', () => {
    const log = logOf(fixtureRecords('seed-spy-only.log'));
    expect(observedTransitions(log, CHART)).toEqual([
      { from: 'top', to: 'outer', signals: ['start_at'] },
      { from: 'outer', to: 'inner', signals: ['to_inner'] },
      { from: 'inner', to: 'outer', signals: ['to_outer'] },
    ]);
  });

  it('shows its state and latest move in the charts panel instead of queue bookkeeping', () => {
    const log = logOf(fixtureRecords('seed-spy-only.log'));
    const [row] = summarizeCharts(log, log.length, { field: 'time', now: null });
    expect([row!.name, row!.state, row!.lastEvent]).toEqual([CHART, 'outer', 'to_outer() inner→outer']);
  });

  it('keeps reading trace lines for a chart that has them', () => {
    const log = logOf(fixtureRecords('seed-single-chart.log'));
    expect(currentTransition(log, log.length, CHART)?.source).toBe('trace');
    expect(observedTransitions(log, CHART).map((t) => `${t.from}→${t.to}`)).toEqual(['top→outer', 'outer→inner', 'inner→outer']);
  });
});
