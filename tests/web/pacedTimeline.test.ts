import { describe, expect, it } from 'vitest';
import { MAX_GAP_MS, PacedTimeline, UNTIMED_STEP_MS } from '../../web/src/sources/PacedTimeline.ts';
import { fixtureRecords, trace } from './support/records.ts';

describe('PacedTimeline', () => {
  it('paces the seed trace by its own clock, never going backwards', () => {
    const timeline = new PacedTimeline();
    timeline.append(fixtureRecords('seed-two-charts-trace.log'));
    const paced = Array.from({ length: timeline.length }, (_, i) => Math.round(timeline.timeAt(i)));
    // Line 2 is stamped 0.22 s before line 1 (two machines): it is due right after it.
    expect(paced).toEqual([0, 0, 5000, 5079, 8001, 8005, 10002, 10014, 15004, 15080, 20005, 20056]);
  });

  it('spaces records without any timestamp and shortens idle gaps', () => {
    const timeline = new PacedTimeline();
    timeline.append([trace(1, 'a', 's', 'x', 'y', null), trace(2, 'a', 's', 'x', 'y', null), trace(3, 'a', 's', 'x', 'y', 1_000_000), trace(4, 'a', 's', 'x', 'y', 1_000_000 + 3_600_000), trace(5, 'a', 's', 'x', 'y', null)]);
    const paced = Array.from({ length: timeline.length }, (_, i) => timeline.timeAt(i));
    expect(paced).toEqual([0, UNTIMED_STEP_MS, 2 * UNTIMED_STEP_MS, 2 * UNTIMED_STEP_MS + MAX_GAP_MS, 2 * UNTIMED_STEP_MS + MAX_GAP_MS]);
  });

  it('counts the records due by a paced time', () => {
    const timeline = new PacedTimeline();
    timeline.append([1000, 2000, 2000, 5000].map((t, i) => trace(i + 1, 'a', 's', 'x', 'y', t)));
    expect([-1, 0, 999, 1000, 1999, 4000, 9999].map((t) => timeline.dueBy(t))).toEqual([0, 1, 1, 3, 3, 4, 4]);
  });
});
