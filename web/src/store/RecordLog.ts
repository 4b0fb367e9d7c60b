/**
 * The append-only list of every record the dashboard holds.
 *
 * A replay can hold a million records and a live session grows without end,
 * so appending must never copy what is already there: records live in
 * segments (RecordSegment), and a batch only adds a segment or fills the
 * last one. A replay's segments are columns from the parse worker
 * (ColumnSegment), whose records are built only when read; a live source's
 * records are kept as they came (ObjectSegment).
 *
 *   position ──(binary search over segment starts)──▶ segment, offset
 *
 * Reading:
 *   - `at(i)`: the record, the same object on every call while it is in use
 *     (views memoize on identity); built records are cached generationally,
 *     so what nobody reads any more is let go;
 *   - `view(from, to)`: records for a scan that reads fields and lets go
 *     (indexes, filters): column records are read in place, nothing is built;
 *   - `read(i)` / `slice(from, to)`: whole records, built anew, not cached;
 *   - `seqAt`, `kindAt`, `chartAt`, `timeAt`, `metaEventAt`: fields without
 *     building a record.
 *
 * A log is never cleared: a discontinuity (a new file, a server that
 * restarted) starts a new `RecordLog`, so anything derived from the old one
 * (indexes keyed on the log object) is dropped with it.
 */
import type { MetaEvent, MirosRecord, RecordKind } from '../../../shared/records/MirosRecord.ts';
import { ObjectSegment } from './ObjectSegment.ts';
import type { RecordSegment } from './RecordSegment.ts';
import { RecordScan, type SegmentPart } from './RecordScan.ts';

/** Records per object segment before a new one opens (bounds the cost of one segment's array). */
const OBJECT_SEGMENT_SIZE = 1 << 16;
/** Built records kept per cache generation (far more than any view shows at once). */
const CACHE_GENERATION = 20_000;

export class RecordLog {
  readonly #segments: RecordSegment[] = [];
  /** Position of each segment's first record. */
  #starts = new Float64Array(16);
  #count = 0;
  /** The segment found last: scans ask for neighbouring positions. */
  #hit = 0;
  #young = new Map<number, MirosRecord>();
  #old = new Map<number, MirosRecord>();

  get length(): number {
    return this.#count;
  }

  /** Appends records delivered as objects; seq must keep increasing (the contract of every source). */
  append(records: readonly MirosRecord[]): void {
    let k = 0;
    while (k < records.length) {
      let last = this.#segments[this.#segments.length - 1];
      if (!(last instanceof ObjectSegment) || last.length >= OBJECT_SEGMENT_SIZE) {
        last = new ObjectSegment();
        this.#open(last);
      }
      const target = (last as ObjectSegment).records;
      const n = Math.min(records.length - k, OBJECT_SEGMENT_SIZE - target.length);
      for (let j = 0; j < n; j++) target.push(records[k + j]!);
      k += n;
      this.#count += n;
    }
  }

  /** Appends a segment as it is (a replay's columns); seq must keep increasing. */
  appendSegment(segment: RecordSegment): void {
    if (segment.length === 0) return;
    this.#open(segment);
    this.#count += segment.length;
  }

  /** The record at a 0-based position; throws a RangeError outside the log. */
  at(position: number): MirosRecord {
    this.#check(position);
    const s = this.#find(position);
    const segment = this.#segments[s]!;
    if (segment instanceof ObjectSegment) return segment.records[position - this.#starts[s]!]!;
    const young = this.#young.get(position);
    if (young !== undefined) return young;
    let record = this.#old.get(position);
    if (record === undefined) record = segment.record(position - this.#starts[s]!);
    if (this.#young.size >= CACHE_GENERATION) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(position, record);
    return record;
  }

  /** The record at a position, for a scan that does not keep it (not cached; may be a new object). */
  read(position: number): MirosRecord {
    this.#check(position);
    const s = this.#find(position);
    return this.#segments[s]!.record(position - this.#starts[s]!);
  }

  /** Records in [from, to), clamped to the log (for scans; not cached). */
  slice(from: number, to: number): MirosRecord[] {
    const out: MirosRecord[] = [];
    const end = Math.min(to, this.#count);
    for (let i = Math.max(0, from); i < end; i++) {
      const s = this.#find(i);
      out.push(this.#segments[s]!.record(i - this.#starts[s]!));
    }
    return out;
  }

  seqAt(position: number): number {
    this.#check(position);
    const s = this.#find(position);
    return this.#segments[s]!.seq(position - this.#starts[s]!);
  }

  kindAt(position: number): RecordKind {
    this.#check(position);
    const s = this.#find(position);
    return this.#segments[s]!.kind(position - this.#starts[s]!);
  }

  chartAt(position: number): string | null {
    this.#check(position);
    const s = this.#find(position);
    return this.#segments[s]!.chart(position - this.#starts[s]!);
  }

  timeAt(position: number): number | null {
    this.#check(position);
    const s = this.#find(position);
    return this.#segments[s]!.time(position - this.#starts[s]!);
  }

  metaEventAt(position: number): MetaEvent | null {
    this.#check(position);
    const s = this.#find(position);
    return this.#segments[s]!.metaEvent(position - this.#starts[s]!);
  }

  /**
   * Records [from, to), clamped, for a scan that reads their fields and does
   * not keep them: no record objects are built (see RecordScan). Each item
   * is valid only until the next.
   */
  view(from: number, to: number): Iterable<MirosRecord> {
    const parts: SegmentPart[] = [];
    this.forEachSegment(from, to, (segment, first, end) => parts.push({ segment, first, end }));
    return new RecordScan(parts);
  }

  /**
   * Visits the segments covering [from, to): `visit(segment, first, end,
   * offset)` for segment records [first, end), whose positions are
   * `offset + i`. For scans that read columns directly.
   */
  forEachSegment(from: number, to: number, visit: (segment: RecordSegment, first: number, end: number, offset: number) => void): void {
    const end = Math.min(to, this.#count);
    let position = Math.max(0, from);
    while (position < end) {
      const s = this.#find(position);
      const start = this.#starts[s]!;
      const segment = this.#segments[s]!;
      const stop = Math.min(end - start, segment.length);
      visit(segment, position - start, stop, start);
      position = start + stop;
    }
  }

  /**
   * How many records have seq <= `seq` — i.e. the cursor position that
   * includes the record numbered `seq` and everything before it.
   */
  countThroughSeq(seq: number): number {
    let lo = 0;
    let hi = this.#count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqAt(mid) <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #open(segment: RecordSegment): void {
    const k = this.#segments.length;
    if (k === this.#starts.length) {
      const grown = new Float64Array(k * 2);
      grown.set(this.#starts);
      this.#starts = grown;
    }
    this.#starts[k] = this.#count;
    this.#segments.push(segment);
  }

  #check(position: number): void {
    if (position < 0 || position >= this.#count || !Number.isInteger(position)) {
      throw new RangeError(`position ${position} is outside the log (length ${this.#count})`);
    }
  }

  /** Index of the segment holding `position` (which is inside the log). */
  #find(position: number): number {
    const starts = this.#starts;
    const n = this.#segments.length;
    const hit = this.#hit;
    if (starts[hit]! <= position && (hit + 1 === n || position < starts[hit + 1]!)) return hit;
    if (hit + 1 < n && starts[hit + 1]! <= position && (hit + 2 === n || position < starts[hit + 2]!)) return (this.#hit = hit + 1);
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return (this.#hit = lo);
  }
}
