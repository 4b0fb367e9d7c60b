/**
 * When each record of a replay is due, on a clock that only moves forward.
 *
 * Replays are paced by the time the records state, but those times are not
 * a clean clock: machines skew (the seed's second chart starts 0.2 s
 * "before" the first one printed), spy lines carry no time at all, and a log
 * may sit idle for hours between two runs. So each record gets a *paced*
 * time that never decreases:
 *
 *   paced(i) = paced(i-1) + clamp(time(i) - latest time seen, 0, MAX_GAP)
 *
 * - a record stamped earlier than one before it is due right after it;
 * - an untimed record is due with the record before it — except before the
 *   first stamped record, where untimed records are spaced UNTIMED_STEP
 *   apart so a log without any timestamps still plays at a readable pace;
 * - an idle gap is shortened to MAX_GAP.
 *
 * Because paced times never decrease, "how many records are due at time t"
 * is a binary search.
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import type { RecordSegment } from '../store/RecordSegment.ts';
import { ColumnSegment } from '../store/ColumnSegment.ts';

/** Longest wait between two records, in record-time milliseconds. */
export const MAX_GAP_MS = 10_000;
/** Spacing of records that have no timestamp (and nothing stamped before them). */
export const UNTIMED_STEP_MS = 100;

export class PacedTimeline {
  private paced = new Float64Array(1024);
  private count = 0;
  private latestStamp: number | null = null;

  get length(): number {
    return this.count;
  }

  append(records: readonly MirosRecord[]): void {
    for (const record of records) this.add(record.time);
  }

  /** Appends a segment's records (reading only their times). */
  appendSegment(segment: RecordSegment): void {
    if (segment instanceof ColumnSegment) {
      // A replay's times, straight from the column (NaN = no time).
      const { time } = segment.chunk;
      for (let i = 0; i < segment.length; i++) {
        const t = time[i]!;
        this.add(Number.isNaN(t) ? null : t);
      }
      return;
    }
    for (let i = 0; i < segment.length; i++) this.add(segment.time(i));
  }

  private add(time: number | null): void {
    const previous = this.count === 0 ? 0 : this.paced[this.count - 1]!;
    let delta: number;
    if (time === null) {
      delta = this.latestStamp === null && this.count > 0 ? UNTIMED_STEP_MS : 0;
    } else if (this.latestStamp === null) {
      delta = this.count > 0 ? UNTIMED_STEP_MS : 0;
      this.latestStamp = time;
    } else {
      delta = Math.min(MAX_GAP_MS, Math.max(0, time - this.latestStamp));
      this.latestStamp = Math.max(this.latestStamp, time);
    }
    this.push(previous + delta);
  }

  /** Paced time of the record at `position` (0-based). */
  timeAt(position: number): number {
    if (position < 0 || position >= this.count) throw new RangeError(`position ${position} is outside the timeline (length ${this.count})`);
    return this.paced[position]!;
  }

  /** How many records are due by paced time `t` (all records with paced time <= t). */
  dueBy(t: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.paced[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private push(value: number): void {
    if (this.count === this.paced.length) {
      const grown = new Float64Array(this.paced.length * 2);
      grown.set(this.paced);
      this.paced = grown;
    }
    this.paced[this.count++] = value;
  }
}
