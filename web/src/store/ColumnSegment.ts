/**
 * A ColumnChunk as a segment of the RecordLog: records are built from the
 * columns only when read, so a million loaded records cost their columns
 * (~100 bytes each plus the raw text) until a view asks for one.
 *
 * The symbol table belongs to the load and keeps growing as later chunks
 * arrive; this chunk's symbols are already in it when the segment is made.
 */
import type { MetaEvent, MetaRecord, MirosRecord, RecordKind, SpyRecord, TraceRecord } from '../../../shared/records/MirosRecord.ts';
import {
  FLAG_HOOK,
  FLAG_HOOK_TRUE,
  FLAG_WHOLE,
  KIND_META,
  KIND_NAMES,
  KIND_SPY,
  KIND_TRACE,
  NO_TEXT,
  seqAt,
  spanText,
  uniformAt,
  type ColumnChunk,
} from './ColumnChunk.ts';
import type { RecordSegment } from './RecordSegment.ts';

export class ColumnSegment implements RecordSegment {
  constructor(
    readonly chunk: ColumnChunk,
    /** The load's names; `chunk.symbols` must already be appended. */
    readonly symbols: readonly string[],
  ) {}

  get length(): number {
    return this.chunk.length;
  }

  seq(i: number): number {
    return seqAt(this.chunk, i);
  }

  kind(i: number): RecordKind {
    return KIND_NAMES[this.chunk.kind[i]!]!;
  }

  chart(i: number): string | null {
    const id = this.chunk.chart[i]!;
    return id < 0 ? null : this.symbols[id]!;
  }

  time(i: number): number | null {
    const t = this.chunk.time[i]!;
    return Number.isNaN(t) ? null : t;
  }

  metaEvent(i: number): MetaEvent | null {
    const { kind, a } = this.chunk;
    return kind[i] === KIND_META ? (this.symbols[a[i]!] as MetaEvent) : null;
  }

  /** A name column's value, or undefined when absent. */
  #name(column: Int32Array, i: number): string | undefined {
    const id = column[i]!;
    return id < 0 ? undefined : this.symbols[id];
  }

  /** Text slot 0 (raw), 1 or 2 of record i, or undefined when absent. */
  #text(i: number, slot: number): string | undefined {
    const { spans } = this.chunk;
    const start = spans[i * 6 + slot * 2]!;
    return start === NO_TEXT ? undefined : spanText(this.chunk, start, spans[i * 6 + slot * 2 + 1]!);
  }

  record(i: number): MirosRecord {
    const c = this.chunk;
    if ((c.flags[i]! & FLAG_WHOLE) !== 0) return c.extras[uniformAt(c.extra, i)] as MirosRecord;
    const kind = c.kind[i]!;
    // Common fields in the order the parsers write them, so every record of
    // a kind gets the same object shape.
    const kindName = KIND_NAMES[kind]!;
    const seq = seqAt(c, i);
    const chart = this.chart(i);
    const nodeId = uniformAt(c.node, i);
    const node = nodeId < 0 ? null : this.symbols[nodeId]!;
    const time = this.time(i);
    const received = uniformAt(c.received, i);
    const raw = this.#text(i, 0)!;
    const line = c.line[i]!;
    const file = uniformAt(c.file, i);
    const record: Record<string, unknown> =
      line < 0
        ? { v: 1, seq, kind: kindName, chart, node, time, received, raw }
        : { v: 1, seq, kind: kindName, chart, node, time, received, raw, origin: file < 0 ? { line } : { file: this.symbols[file], line } };
    if (kind === KIND_TRACE) {
      record.signal = this.#name(c.a, i);
      const payload = this.#text(i, 1);
      if (payload !== undefined) record.payload = payload;
      record.from = this.#name(c.b, i);
      record.to = this.#name(c.c, i);
      const stamp = this.#text(i, 2);
      if (stamp !== undefined) record.stamp = stamp;
      return record as unknown as TraceRecord;
    }
    if (kind === KIND_SPY) {
      record.line = this.#text(i, 1);
      const signal = this.#name(c.a, i);
      if (signal !== undefined) record.signal = signal;
      const state = this.#name(c.b, i);
      if (state !== undefined) record.state = state;
      const flags = c.flags[i]!;
      if ((flags & FLAG_HOOK) !== 0) record.hook = (flags & FLAG_HOOK_TRUE) !== 0;
      const network = this.#name(c.c, i);
      if (network !== undefined) record.network = network;
      return record as unknown as SpyRecord;
    }
    // Meta (mesh records always travel whole).
    record.event = this.#name(c.a, i);
    const reason = this.#name(c.b, i);
    if (reason !== undefined) record.reason = reason;
    const detail = this.#text(i, 1);
    if (detail !== undefined) record.detail = detail;
    const network = this.#name(c.c, i);
    if (network !== undefined) record.network = network;
    return record as unknown as MetaRecord;
  }
}
