/**
 * The cursor: how far into the run the panels show, and the commands that
 * move it. Works the same for a replay (moves its playhead) and a live
 * session (pins the view; `goLatest` follows the tail again).
 */
import { useMemo } from 'react';
import { useDashboard, useDashboardState } from './DashboardContext.tsx';
import { visibleEnd } from '../store/createDashboardStore.ts';

export interface CursorApi {
  /** Records shown: 0 … length. */
  position: number;
  length: number;
  /** True when the view follows the newest record. */
  following: boolean;
  /** Bumped by every seek (to resync local state). */
  seekCount: number;
  seek(position: number): void;
  step(delta: number): void;
  goLatest(): void;
}

export function useCursor(): CursorApi {
  const { session } = useDashboard();
  const position = useDashboardState(visibleEnd);
  const length = useDashboardState((s) => s.length);
  const following = useDashboardState((s) => s.cursor === null || s.cursor >= s.length);
  const seekCount = useDashboardState((s) => s.seekCount);
  return useMemo(
    () => ({
      position,
      length,
      following,
      seekCount,
      seek: (p: number) => session.seek(p),
      step: (d: number) => session.step(d),
      goLatest: () => session.goLatest(),
    }),
    [session, position, length, following, seekCount],
  );
}
