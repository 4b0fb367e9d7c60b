/**
 * Iterates records [from, to) of a RecordLog for a scan that reads fields
 * and lets go: column segments are read through one re-pointed
 * ColumnRecordView, so a million-record scan builds no record objects. Each
 * item is valid only until the next one is taken.
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import { ColumnRecordView } from './ColumnRecordView.ts';
import { ColumnSegment } from './ColumnSegment.ts';
import type { RecordSegment } from './RecordSegment.ts';

/** Where one segment's part of the scan lies: segment records [first, end). */
export interface SegmentPart {
  segment: RecordSegment;
  first: number;
  end: number;
}

export class RecordScan implements Iterable<MirosRecord>, Iterator<MirosRecord> {
  #part = 0;
  #i: number;
  #view: ColumnRecordView | null = null;
  /** The current part's segment when it holds columns. */
  #columns: ColumnSegment | null = null;
  readonly #result: IteratorResult<MirosRecord> = { done: false, value: undefined as unknown as MirosRecord };

  constructor(private readonly parts: readonly SegmentPart[]) {
    this.#i = 0;
    this.#enter(0);
  }

  [Symbol.iterator](): Iterator<MirosRecord> {
    return this;
  }

  next(): IteratorResult<MirosRecord> {
    for (;;) {
      const part = this.parts[this.#part];
      if (part === undefined) return { done: true, value: undefined };
      if (this.#i < part.end) {
        const i = this.#i++;
        const result = this.#result as { value: MirosRecord };
        const columns = this.#columns;
        result.value = columns ? this.#view!.point(columns.chunk, columns.symbols, i) : part.segment.record(i);
        return this.#result;
      }
      this.#enter(this.#part + 1);
    }
  }

  /** Moves to part k; a column segment is read through the view. */
  #enter(k: number): void {
    this.#part = k;
    const part = this.parts[k];
    this.#i = part?.first ?? 0;
    this.#columns = part?.segment instanceof ColumnSegment ? part.segment : null;
    if (this.#columns) this.#view ??= new ColumnRecordView(this.#columns.chunk, this.#columns.symbols);
  }
}
