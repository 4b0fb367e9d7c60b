/**
 * Play, pause and speed, as far as the current source offers them
 * (`capabilities`); a live source offers none of them.
 */
import { useMemo } from 'react';
import { useDashboard, useDashboardState } from './DashboardContext.tsx';
import type { Capabilities, LoadProgress, Speed } from '../sources/Source.ts';

export interface PlaybackApi {
  capabilities: Capabilities;
  playing: boolean;
  speed: Speed;
  progress: LoadProgress | null;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: Speed): void;
}

export function usePlayback(): PlaybackApi {
  const { session } = useDashboard();
  const capabilities = useDashboardState((s) => s.source.capabilities);
  const playing = useDashboardState((s) => s.source.playing);
  const speed = useDashboardState((s) => s.source.speed);
  const progress = useDashboardState((s) => s.source.progress);
  return useMemo(
    () => ({
      capabilities,
      playing,
      speed,
      progress,
      play: () => session.play(),
      pause: () => session.pause(),
      togglePlay: () => session.togglePlay(),
      setSpeed: (s: Speed) => session.setSpeed(s),
    }),
    [session, capabilities, playing, speed, progress],
  );
}
