/**
 * Pure geometry of the timeline track: record counts ↔ fractions of the
 * track, ranges made from a drag, and the label of a position.
 */
import type { PositionRange } from '../../store/createDashboardStore.ts';

/** Record count at a fraction (0 … 1) of the track. */
export function positionAt(fraction: number, length: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  return Math.round(f * length);
}

/** Fraction of the track where a record count sits. */
export function fractionOf(position: number, length: number): number {
  return length === 0 ? 0 : Math.min(1, Math.max(0, position / length));
}

/** The range covered by a drag between two record counts, in either direction; null if empty. */
export function rangeBetween(a: number, b: number): PositionRange | null {
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  return to > from ? { from, to } : null;
}

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;

/** The next speed up or down the ladder from `speed` ('max' sits above the top). */
export function nextSpeed(speed: number | 'max', direction: 1 | -1): number | 'max' {
  if (speed === 'max') return direction === 1 ? 'max' : SPEEDS[SPEEDS.length - 1]!;
  if (direction === 1) return SPEEDS.find((s) => s > speed) ?? 'max';
  const lower = SPEEDS.filter((s) => s < speed);
  return lower.length > 0 ? lower[lower.length - 1]! : SPEEDS[0];
}

/** `09:23:34.178` for an epoch-ms time read as UTC (as records store miros's zone-less stamps). */
export function clockLabel(time: number | null): string {
  if (time === null) return '—';
  const iso = new Date(time).toISOString();
  return iso.slice(11, 23);
}
