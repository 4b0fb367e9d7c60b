/**
 * A chart's recent activity as counts per time bucket, for its sparkline.
 * Reads the chart's own records backwards from the cursor and stops at the
 * window's start or after SCAN_LIMIT records, so a chart sending 100k/s
 * costs the same as one sending 1/s, and only rows on screen ask.
 */
import type { RecordLog } from '../../store/RecordLog.ts';
import type { ChartEntry } from '../../panelApi/recordIndexes.ts';

export const SPARK_BUCKETS = 20;
export const SPARK_WINDOW_MS = 60_000;
const SCAN_LIMIT = 2000;

/**
 * Counts of `times` (any order) in `buckets` equal slices of (now - windowMs, now];
 * the last bucket ends at `now`. Times outside the window are not counted.
 */
export function bucketCounts(times: Iterable<number>, now: number, windowMs: number, buckets: number): number[] {
  const counts = new Array<number>(buckets).fill(0);
  const width = windowMs / buckets;
  const start = now - windowMs;
  for (const t of times) {
    if (t <= start || t > now) continue;
    const k = Math.min(buckets - 1, Math.floor((t - start) / width));
    counts[k]!++;
  }
  return counts;
}

/** The chart's record times up to the cursor, newest first, back to `now - windowMs` (bounded). */
export function recentTimes(log: RecordLog, entry: ChartEntry, count: number, now: number, windowMs: number, field: 'received' | 'time'): number[] {
  const times: number[] = [];
  for (let k = count - 1; k >= 0 && count - k <= SCAN_LIMIT; k--) {
    const record = log.at(entry.all.get(k));
    const t = field === 'received' ? record.received : record.time;
    if (t === null) continue;
    if (now - t > windowMs) break;
    times.push(t);
  }
  return times;
}
