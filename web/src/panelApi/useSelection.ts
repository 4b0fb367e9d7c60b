/** The user's choices that several panels share (and a URL carries): chart, filter, range, sequence view, meta rows. */
import type { PositionRange } from '../store/createDashboardStore.ts';
import { useDashboardState } from './DashboardContext.tsx';

export function useSelectedChart(): [string | null, (chart: string | null) => void] {
  return [useDashboardState((s) => s.selectedChart), useDashboardState((s) => s.selectChart)];
}

export function useFilterText(): [string, (text: string) => void] {
  return [useDashboardState((s) => s.filterText), useDashboardState((s) => s.setFilterText)];
}

export function useRange(): [PositionRange | null, (range: PositionRange | null) => void] {
  return [useDashboardState((s) => s.range), useDashboardState((s) => s.setRange)];
}

/** The sequence panel's view as a key: `all`, `system` or `chart:<name>`. */
export function useSequenceView(): [string, (view: string) => void] {
  return [useDashboardState((s) => s.sequenceView), useDashboardState((s) => s.setSequenceView)];
}

/** Whether the log lists meta records that no filter asked for. */
export function useShowMeta(): [boolean, (show: boolean) => void] {
  return [useDashboardState((s) => s.showMeta), useDashboardState((s) => s.setShowMeta)];
}
