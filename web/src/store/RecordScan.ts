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
  readonly #result: IteratorResult<MirosRecord> = { done: false, value: undefined as unknown as MirosRecord };

  constructor(private readonly parts: readonly SegmentPart[]) {
    this.#i = parts[0]?.first ?? 0;
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
        const { segment } = part;
        const result = this.#result as { value: MirosRecord };
        if (segment instanceof ColumnSegment) {
          this.#view ??= new ColumnRecordView(segment.chunk, segment.symbols);
          result.value = this.#view.point(segment.chunk, segment.symbols, i);
        } else result.value = segment.record(i);
        return this.#result;
      }
      this.#part++;
      this.#i = this.parts[this.#part]?.first ?? 0;
    }
  }
}
