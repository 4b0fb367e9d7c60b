/** Page-wide preferences: theme and the help overlay. */
import type { Theme } from '../store/createDashboardStore.ts';
import { useDashboardState } from './DashboardContext.tsx';

export function useTheme(): [Theme, (theme: Theme) => void] {
  return [useDashboardState((s) => s.theme), useDashboardState((s) => s.setTheme)];
}

export function useHelpOverlay(): [boolean, (open: boolean) => void] {
  return [useDashboardState((s) => s.helpOpen), useDashboardState((s) => s.setHelpOpen)];
}
