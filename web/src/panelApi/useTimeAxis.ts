/**
 * What the timeline draws from: each record's time (a live session's
 * arrival wall clock, a replay's own stamps) and where each chart's records
 * are. Backed by the store's incremental indexes (timeIndex, chartIndex),
 * so reading it as records stream costs what is new.
 */
import { useMemo } from 'react';
import { chartIndex } from '../store/chartIndex.ts';
import { timeIndex, type TimeField } from '../store/timeIndex.ts';
import { useRecordsView } from './useRecords.ts';
import { useDashboardState } from './DashboardContext.tsx';

export interface TimeAxis {
  /** Changes when another log replaced this one (a discontinuity): memos key on it. */
  logKey: object;
  /** Records held (the whole run, past the cursor too). */
  length: number;
  field: TimeField;
  /** False when no record has a time: `timeAt` is then the position. */
  timed: boolean;
  /** Never-decreasing time of the record at a position (0 … length-1). */
  timeAt(position: number): number;
  /** How many records have a time <= t: the cursor a click at t puts. */
  countThrough(t: number): number;
  /** Each chart's record positions (views: read them now, do not keep them). */
  charts(): { name: string; positions: Int32Array }[];
}

export function useTimeAxis(): TimeAxis {
  const { log, length } = useRecordsView();
  const live = useDashboardState((s) => s.source.kind === 'live');
  const field: TimeField = live ? 'received' : 'time';
  return useMemo(() => {
    const index = timeIndex(log, field);
    return {
      logKey: log,
      length,
      field,
      timed: index.timed,
      timeAt: (p: number) => index.at(p),
      countThrough: (t: number) => index.countThrough(t),
      charts: () => {
        const charts = chartIndex(log);
        return charts.names.map((name) => ({ name, positions: charts.byName.get(name)!.all.values() }));
      },
    };
  }, [log, length, field]);
}
