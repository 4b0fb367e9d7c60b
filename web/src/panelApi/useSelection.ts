/** The user's choices that several panels share: chart, filter, range. */
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
