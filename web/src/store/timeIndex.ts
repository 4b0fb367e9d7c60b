/**
 * Every record's place in time, on a clock that never goes backwards, so
 * the timeline can draw a time axis and turn a click into a record count
 * with a binary search.
 *
 * Record times are not a clean clock (machines skew, spy lines carry none),
 * so each record gets the latest time seen up to it:
 *
 *   t(i) = max(time(0 … i))       records before the first stamp take the first stamp
 *
 * A log without any stamp is indexed by position instead (`timed` false).
 * Built like chartIndex — per log, extended by what arrived, reading a
 * replay's time column directly — so a million records cost one Float64Array
 * (8 MB) and a few milliseconds once.
 */
import type { RecordLog } from './RecordLog.ts';
import { ColumnSegment } from './ColumnSegment.ts';
import { uniformAt } from './ColumnChunk.ts';

/** Which time: the record's own stamp (replays) or when the server received it (live wall clock). */
export type TimeField = 'time' | 'received';

export class TimeIndex {
  #times = new Float64Array(1024);
  #count = 0;
  /** Position of the first stamped record, or -1 while none has been seen. */
  #first = -1;
  #latest = Number.NEGATIVE_INFINITY;

  get length(): number {
    return this.#count;
  }

  /** True when some record has a time (else times are positions). */
  get timed(): boolean {
    return this.#first >= 0;
  }

  /** The never-decreasing time of the record at `position` (its position when the log has no times). */
  at(position: number): number {
    if (this.#first < 0) return position;
    return position < this.#first ? this.#times[this.#first]! : this.#times[position]!;
  }

  /** How many records have a time <= t (the record count a click at t seeks to). */
  countThrough(t: number): number {
    let lo = 0;
    let hi = this.#count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The times of positions [0, length) (entries before the first stamp are not meaningful: read through `at`). */
  raw(): { times: Float64Array; first: number } {
    return { times: this.#times, first: this.#first };
  }

  add(time: number | null): void {
    if (this.#count === this.#times.length) {
      const grown = new Float64Array(this.#times.length * 2);
      grown.set(this.#times);
      this.#times = grown;
    }
    if (time !== null && !Number.isNaN(time)) {
      if (this.#first < 0) this.#first = this.#count;
      if (time > this.#latest) this.#latest = time;
    }
    this.#times[this.#count++] = this.#first < 0 ? Number.NaN : this.#latest;
  }
}

const built = new WeakMap<RecordLog, Partial<Record<TimeField, TimeIndex>>>();

/** The log's time index for `field`, brought up to date. */
export function timeIndex(log: RecordLog, field: TimeField): TimeIndex {
  let forLog = built.get(log);
  if (!forLog) built.set(log, (forLog = {}));
  const index = (forLog[field] ??= new TimeIndex());
  log.forEachSegment(index.length, log.length, (segment, first, end) => {
    if (segment instanceof ColumnSegment) {
      const column = field === 'time' ? segment.chunk.time : segment.chunk.received;
      for (let i = first; i < end; i++) index.add(field === 'time' ? column[i]! : uniformAt(column, i));
    } else if (field === 'time') {
      for (let i = first; i < end; i++) index.add(segment.time(i));
    } else {
      for (let i = first; i < end; i++) index.add(segment.record(i).received);
    }
  });
  return index;
}
