/**
 * Pure geometry of the timeline track, which is scaled in time: record
 * counts ↔ fractions of the track through the records' times, ranges made
 * from a drag, and the speed ladder.
 */
import type { PositionRange } from '../../store/createDashboardStore.ts';

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

/** The times a track spans: the run's first and last (never-decreasing) record times. */
export interface TrackDomain {
  t0: number;
  t1: number;
}

interface Timed {
  length: number;
  timeAt(position: number): number;
  countThrough(t: number): number;
}

export function trackDomain(axis: Timed): TrackDomain {
  if (axis.length === 0) return { t0: 0, t1: 1 };
  const t0 = axis.timeAt(0);
  const t1 = axis.timeAt(axis.length - 1);
  return { t0, t1: t1 > t0 ? t1 : t0 + 1 };
}

/** Fraction of a time-scaled track where the cursor (a record count) sits: at the time of the last record shown. */
export function fractionOfPosition(position: number, axis: Timed, domain: TrackDomain): number {
  if (position <= 0 || axis.length === 0) return 0;
  if (position >= axis.length) return 1;
  return Math.min(1, Math.max(0, (axis.timeAt(position - 1) - domain.t0) / (domain.t1 - domain.t0)));
}

/** The record count a click at a fraction of a time-scaled track seeks to: every record up to that instant. */
export function positionOfFraction(fraction: number, axis: Timed, domain: TrackDomain): number {
  if (fraction <= 0) return 0;
  if (fraction >= 1) return axis.length;
  return axis.countThrough(domain.t0 + fraction * (domain.t1 - domain.t0));
}
