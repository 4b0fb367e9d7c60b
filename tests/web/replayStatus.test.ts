/**
 * Issue 10: "charts from 2018 show as alive". In a replay a chart's status
 * is judged at the cursor's time, not the wall clock's and not the log's end.
 */
import { describe, expect, it } from 'vitest';
import { RecordLog } from '../../web/src/store/RecordLog.ts';
import { summarizeCharts } from '../../web/src/panels/charts/summarizeCharts.ts';
import { trace } from './support/records.ts';

const T2018 = Date.parse('2018-05-04T09:23:29Z');

describe('a replayed chart\'s status', () => {
  // a speaks at 0 s and 70 s; b at 5 s and then not again until 65 s.
  const log = new RecordLog();
  log.append([
    trace(1, 'a', 'go', 'x', 'y', T2018),
    trace(2, 'b', 'go', 'x', 'y', T2018 + 5_000),
    trace(3, 'a', 'go', 'y', 'x', T2018 + 40_000),
    trace(4, 'b', 'go', 'y', 'x', T2018 + 65_000),
    trace(5, 'a', 'go', 'x', 'y', T2018 + 70_000),
  ]);
  const at = (cursor: number) => summarizeCharts(log, cursor, { field: 'time', now: null }).map((c) => [c.name, c.liveness]);

  it('is judged at the cursor\'s time, years after the records were made', () => {
    expect(at(2)).toEqual([
      ['a', 'alive'],
      ['b', 'alive'],
    ]);
    // At 40 s b has been quiet for 35 s: stale there, although it speaks again later in the log.
    expect(at(3)).toEqual([
      ['a', 'alive'],
      ['b', 'stale'],
    ]);
    expect(at(5)).toEqual([
      ['a', 'alive'],
      ['b', 'alive'],
    ]);
  });

  it('shows no chart before the cursor has reached it (a replay opens at its start)', () => {
    expect(at(0)).toEqual([]);
  });
});
