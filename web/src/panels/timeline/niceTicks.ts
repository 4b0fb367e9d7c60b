/**
 * Where the timeline's axis puts its ticks and what they say.
 *
 * Ticks fall on round instants of the clock being shown — every 5 s, every
 * 10 min, midnight — not on arbitrary fractions of the run, so a label reads
 * like a clock. The step is the smallest of a fixed ladder that leaves at
 * most `maxTicks` ticks. Instants are epoch milliseconds; `offsetMs` shifts
 * them into the zone being shown (0 = UTC, as replays read miros's zone-less
 * stamps; the browser's offset for a live session's wall clock), so ticks
 * land on local round hours too. Hand-written: a dozen lines, and the
 * project has no scale library to lean on.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Steps a clock is read in, smallest first. */
export const TIME_STEPS: readonly number[] = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 90 * DAY, 365 * DAY,
];

export interface Ticks {
  step: number;
  /** Tick instants in [t0, t1], increasing. */
  values: number[];
}

/** Round instants between t0 and t1 (at most `maxTicks`, at least one step apart). */
export function timeTicks(t0: number, t1: number, maxTicks: number, offsetMs = 0): Ticks {
  if (!(t1 > t0) || maxTicks < 1) return { step: 0, values: [] };
  const span = t1 - t0;
  const step = TIME_STEPS.find((s) => span / s <= maxTicks) ?? niceStep(span / maxTicks);
  return { step, values: onMultiples(t0 + offsetMs, t1 + offsetMs, step).map((t) => t - offsetMs) };
}

/** Round counts between n0 and n1 (1, 2, 5 × 10^k steps): the axis of a log without times. */
export function countTicks(n0: number, n1: number, maxTicks: number): Ticks {
  if (!(n1 > n0) || maxTicks < 1) return { step: 0, values: [] };
  const step = Math.max(1, niceStep((n1 - n0) / maxTicks));
  return { step, values: onMultiples(n0, n1, step) };
}

/** The smallest 1, 2 or 5 × 10^k that is >= x. */
export function niceStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * power >= x) return m * power;
  return 10 * power;
}

function onMultiples(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) values.push(t);
  return values;
}

/**
 * A tick's label, as precise as the step needs: `2018-05-04` for days,
 * `09:24` for minutes, `09:23:35` for seconds, `09:23:34.2` below.
 */
export function tickLabel(t: number, step: number, offsetMs = 0): string {
  const iso = new Date(t + offsetMs).toISOString();
  if (step >= DAY) return iso.slice(0, 10);
  if (step >= MINUTE) return iso.slice(11, 16);
  if (step >= SECOND) return iso.slice(11, 19);
  const decimals = step >= 100 ? 1 : step >= 10 ? 2 : 3;
  return iso.slice(11, 20 + decimals);
}

/** The zone offset of the browser at instant t, in ms to add to UTC (for a live wall clock). */
export function localOffsetMs(t: number): number {
  return -new Date(t).getTimezoneOffset() * MINUTE;
}
