/**
 * The append-only list of every record the dashboard holds.
 *
 * A replay can hold a million records and a live session grows without end,
 * so appending must never copy what is already there: records live in
 * fixed-size chunks, and a batch only touches the last chunk (or opens new
 * ones). `seq` is kept in a parallel typed column so that "where is seq N"
 * is a binary search, not a scan.
 *
 * A log is never cleared: a discontinuity (a new file, a server that
 * restarted) starts a new `RecordLog`, so anything derived from the old one
 * (indexes keyed on the log object) is dropped with it.
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';

const CHUNK_BITS = 16;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;

export class RecordLog {
  private readonly chunks: MirosRecord[][] = [];
  private readonly seqChunks: Float64Array[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Appends a batch; seq must keep increasing (the contract of every source). */
  append(records: readonly MirosRecord[]): void {
    for (const record of records) {
      const chunkIndex = this.count >>> CHUNK_BITS;
      const offset = this.count & CHUNK_MASK;
      if (offset === 0) {
        this.chunks.push([]);
        this.seqChunks.push(new Float64Array(CHUNK_SIZE));
      }
      this.chunks[chunkIndex]!.push(record);
      this.seqChunks[chunkIndex]![offset] = record.seq;
      this.count++;
    }
  }

  /** The record at a 0-based position; throws a RangeError outside the log. */
  at(position: number): MirosRecord {
    if (position < 0 || position >= this.count || !Number.isInteger(position)) {
      throw new RangeError(`position ${position} is outside the log (length ${this.count})`);
    }
    return this.chunks[position >>> CHUNK_BITS]![position & CHUNK_MASK]!;
  }

  seqAt(position: number): number {
    return this.at(position).seq;
  }

  /** Records in [from, to), clamped to the log. */
  slice(from: number, to: number): MirosRecord[] {
    const out: MirosRecord[] = [];
    const end = Math.min(to, this.count);
    for (let i = Math.max(0, from); i < end; i++) out.push(this.chunks[i >>> CHUNK_BITS]![i & CHUNK_MASK]!);
    return out;
  }

  /**
   * How many records have seq <= `seq` — i.e. the cursor position that
   * includes the record numbered `seq` and everything before it.
   */
  countThroughSeq(seq: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqChunks[mid >>> CHUNK_BITS]![mid & CHUNK_MASK]! <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
