/**
 * Records held as the objects a source delivered (a live session, tests).
 * Live batches are small, so the log appends them to its last object
 * segment until that is full instead of opening a segment per batch.
 */
import type { MetaEvent, MirosRecord, RecordKind } from '../../../shared/records/MirosRecord.ts';
import type { RecordSegment } from './RecordSegment.ts';

export class ObjectSegment implements RecordSegment {
  readonly records: MirosRecord[] = [];

  get length(): number {
    return this.records.length;
  }

  record(i: number): MirosRecord {
    return this.records[i]!;
  }

  seq(i: number): number {
    return this.records[i]!.seq;
  }

  kind(i: number): RecordKind {
    return this.records[i]!.kind;
  }

  chart(i: number): string | null {
    return this.records[i]!.chart;
  }

  time(i: number): number | null {
    return this.records[i]!.time;
  }

  metaEvent(i: number): MetaEvent | null {
    const record = this.records[i]!;
    return record.kind === 'meta' ? record.event : null;
  }
}
