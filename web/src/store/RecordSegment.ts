/**
 * A run of consecutive records in the RecordLog, however it is stored: as
 * the record objects a live source delivers (ObjectSegment), or as the
 * columns a replay's parse worker delivers (ColumnSegment).
 *
 * Indexes that scan every record (charts, the timeline's clock) read the
 * cheap accessors, which never build a record object; `record(i)` builds
 * (or returns) the whole record when a view needs it.
 */
import type { MetaEvent, MirosRecord, RecordKind } from '../../../shared/records/MirosRecord.ts';

export interface RecordSegment {
  readonly length: number;
  /** The record at i (0-based within the segment). A column segment builds a new object each call. */
  record(i: number): MirosRecord;
  seq(i: number): number;
  kind(i: number): RecordKind;
  chart(i: number): string | null;
  /** The record's own time, or null. */
  time(i: number): number | null;
  /** `event` of a meta record, else null. */
  metaEvent(i: number): MetaEvent | null;
}
