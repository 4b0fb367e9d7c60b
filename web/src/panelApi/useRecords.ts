/**
 * How panels read records: a selector over the records the page shows (up
 * to the cursor), re-run only when records arrive, the cursor moves or a
 * discontinuity replaced the log.
 *
 * Selectors should use the incremental indexes in `store/` (or their own,
 * built with `incrementalIndex`) so a re-run costs what is new, not the log.
 */
import { useMemo } from 'react';
import type { RecordLog } from '../store/RecordLog.ts';
import { visibleEnd } from '../store/createDashboardStore.ts';
import { useDashboardState } from './DashboardContext.tsx';

export interface RecordsView {
  log: RecordLog;
  /** Records [0, end) are shown: the cursor, or everything when following. */
  end: number;
  /** Everything held, including records after the cursor. */
  length: number;
  epoch: number;
}

export function useRecordsView(): RecordsView {
  const log = useDashboardState((s) => s.log);
  const length = useDashboardState((s) => s.length);
  const end = useDashboardState(visibleEnd);
  const epoch = useDashboardState((s) => s.epoch);
  return useMemo(() => ({ log, end, length, epoch }), [log, end, length, epoch]);
}

/** A value derived from the shown records; `deps` are the selector's own inputs. */
export function useRecords<T>(selector: (view: RecordsView) => T, deps: readonly unknown[] = []): T {
  const view = useRecordsView();
  // The selector is a new function every render; its inputs are `view` and `deps`.
  return useMemo(() => selector(view), [view, ...deps]);
}
