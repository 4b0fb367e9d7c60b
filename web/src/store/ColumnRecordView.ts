/**
 * One record of a ColumnSegment read in place: a flyweight whose fields are
 * getters over the columns, re-pointed from record to record by a scan
 * (RecordLog.view). Indexes and filters read a few fields of every record;
 * building a million record objects for that cost more than the indexes
 * themselves, and left a million objects for the collector.
 *
 * It reads like a MirosRecord (`kind` first, then that kind's fields; mesh
 * records and others that travelled whole are handed out as themselves), but
 * it is not a plain object — no own properties to spread or serialize — and
 * it changes under a holder's feet: keep its field values, never the view.
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import { FLAG_HOOK, FLAG_HOOK_TRUE, FLAG_WHOLE, KIND_META, KIND_NAMES, KIND_SPY, KIND_TRACE, NO_TEXT, seqAt, spanText, uniformAt, type ColumnChunk } from './ColumnChunk.ts';

export class ColumnRecordView {
  #c: ColumnChunk;
  #symbols: readonly string[];
  #i = 0;

  constructor(chunk: ColumnChunk, symbols: readonly string[]) {
    this.#c = chunk;
    this.#symbols = symbols;
  }

  /**
   * The record at i: the view pointed at it, or — for a record that
   * travelled whole (mesh, see ColumnChunk `extras`) — the record itself.
   */
  point(chunk: ColumnChunk, symbols: readonly string[], i: number): MirosRecord {
    if ((chunk.flags[i]! & FLAG_WHOLE) !== 0) return chunk.extras[uniformAt(chunk.extra, i)] as MirosRecord;
    this.#c = chunk;
    this.#symbols = symbols;
    this.#i = i;
    return this as unknown as MirosRecord;
  }

  #name(column: Int32Array): string | undefined {
    const id = column[this.#i]!;
    return id < 0 ? undefined : this.#symbols[id];
  }

  #text(slot: number): string | undefined {
    const { spans } = this.#c;
    const start = spans[this.#i * 6 + slot * 2]!;
    return start === NO_TEXT ? undefined : spanText(this.#c, start, spans[this.#i * 6 + slot * 2 + 1]!);
  }

  #is(kind: number): boolean {
    return this.#c.kind[this.#i] === kind;
  }

  get v(): 1 {
    return 1;
  }
  get seq(): number {
    return seqAt(this.#c, this.#i);
  }
  get kind(): string {
    return KIND_NAMES[this.#c.kind[this.#i]!]!;
  }
  get chart(): string | null {
    return this.#name(this.#c.chart) ?? null;
  }
  get node(): string | null {
    const id = uniformAt(this.#c.node, this.#i);
    return id < 0 ? null : this.#symbols[id]!;
  }
  get time(): number | null {
    const t = this.#c.time[this.#i]!;
    return Number.isNaN(t) ? null : t;
  }
  get received(): number {
    return uniformAt(this.#c.received, this.#i);
  }
  get raw(): string {
    return this.#text(0)!;
  }
  get origin(): { file?: string; line: number } | undefined {
    const line = this.#c.line[this.#i]!;
    if (line < 0) return undefined;
    const file = uniformAt(this.#c.file, this.#i);
    return file < 0 ? { line } : { file: this.#symbols[file]!, line };
  }
  /** trace, spy, mesh. */
  get signal(): string | undefined {
    return this.#is(KIND_META) ? undefined : this.#name(this.#c.a);
  }
  /** trace (text), mesh (any value). */
  get payload(): string | undefined {
    return this.#is(KIND_TRACE) ? this.#text(1) : undefined;
  }
  get from(): string | undefined {
    return this.#is(KIND_TRACE) ? this.#name(this.#c.b) : undefined;
  }
  get to(): string | undefined {
    return this.#is(KIND_TRACE) ? this.#name(this.#c.c) : undefined;
  }
  get stamp(): string | undefined {
    return this.#is(KIND_TRACE) ? this.#text(2) : undefined;
  }
  get line(): string | undefined {
    return this.#is(KIND_SPY) ? this.#text(1) : undefined;
  }
  get state(): string | undefined {
    return this.#is(KIND_SPY) ? this.#name(this.#c.b) : undefined;
  }
  get hook(): boolean | undefined {
    const flags = this.#c.flags[this.#i]!;
    return this.#is(KIND_SPY) && (flags & FLAG_HOOK) !== 0 ? (flags & FLAG_HOOK_TRUE) !== 0 : undefined;
  }
  get event(): string | undefined {
    return this.#is(KIND_META) ? this.#name(this.#c.a) : undefined;
  }
  get reason(): string | undefined {
    return this.#is(KIND_META) ? this.#name(this.#c.b) : undefined;
  }
  get network(): string | undefined {
    return this.#is(KIND_META) || this.#is(KIND_SPY) ? this.#name(this.#c.c) : undefined;
  }
  get detail(): string | undefined {
    return this.#is(KIND_META) ? this.#text(1) : undefined;
  }
}
