/**
 * Fills ColumnChunks (see store/ColumnChunk.ts) in the parse worker — or in
 * this thread for the in-thread loader, which must behave exactly like the
 * worker.
 *
 * It is the parser's columnar sink (shared/parsers/LineSink.ts): a current
 * miros trace line arrives as offsets into the text read (`traceLine`) and
 * goes straight into columns — no record object, no sliced names (the
 * symbol table looks names up in place), no copied raw line. Every other
 * line arrives as the record the parser made (`record`) and is encoded
 * field by field. `take()` hands over what was written as one chunk, with
 * the part of the text its records lie in. `encode(records)` encodes records
 * made elsewhere (their raw lines go to the pool).
 *
 * One encoder serves one load: its symbol table grows across chunks, and
 * each chunk carries only the names it added, so a chart or signal name
 * crosses the thread boundary once per load, not once per record.
 *
 * Exactness comes first: a record is put in columns only when every one of
 * its fields has a column (counted, so a field outside the contract — say
 * from a JSON-lines recording — is never dropped); anything else travels
 * whole in `extras`, by structured clone, which keeps NaN, Infinity and
 * undefined as they are.
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import type { LineContext } from '../../../shared/parsers/LineContext.ts';
import type { LineSink, TraceLine } from '../../../shared/parsers/LineSink.ts';
import { SymbolTable } from './SymbolTable.ts';
import { ColumnBuffers } from './ColumnBuffers.ts';
import { encodeRecord, type RecordTarget } from './encodeRecord.ts';
import { KIND_TRACE, IN_POOL, type ColumnChunk } from '../store/ColumnChunk.ts';

/** Text before a chunk's first line kept rather than cut (a byte-order mark, a blank line or two). */
const SMALL_LEAD = 256;

export class ColumnEncoder implements LineSink, RecordTarget {
  readonly #names = new SymbolTable();
  readonly columns = new ColumnBuffers();
  #fresh: string[] = [];
  #parts: string[] = [];
  #pos = 0;
  #extras: unknown[] = [];
  /** The text the current chunk's lines lie in, and the range they use. */
  #text: string | null = null;
  #first = -1;
  #last = 0;
  #lastFile: string | undefined = undefined;
  #lastFileId = -1;

  /** Records written and not taken yet. */
  get pending(): number {
    return this.columns.length;
  }

  /** Encodes records made elsewhere as one chunk (raw lines go to the pool). */
  encode(records: readonly MirosRecord[]): ColumnChunk {
    for (const record of records) encodeRecord(this, record, -1);
    return this.take();
  }

  record(record: MirosRecord, text: string, lineStart: number, raw: string): void {
    // The raw line is in the text as read unless the line carried another (a recording's).
    encodeRecord(this, record, record.raw === raw ? this.#inText(text, lineStart, lineStart + raw.length) : -1);
  }

  traceLine(ctx: LineContext, text: string, t: TraceLine): void {
    const c = this.columns;
    const i = c.next();
    this.#inText(text, t.lineStart, t.lineEnd);
    c.seq[i] = ctx.seq;
    c.time[i] = t.time;
    c.received[i] = ctx.received;
    c.kind[i] = KIND_TRACE;
    c.chart[i] = t.chartStart === t.chartEnd ? -1 : this.#symbolOf(text, t.chartStart, t.chartEnd);
    c.node[i] = -1;
    c.line[i] = ctx.line;
    c.file[i] = this.fileId(ctx.file);
    c.a[i] = this.#symbolOf(text, t.signalStart, t.signalEnd);
    c.b[i] = this.#symbolOf(text, t.fromStart, t.fromEnd);
    c.c[i] = this.#symbolOf(text, t.toStart, t.toEnd);
    // Spans into `text` as read; take() rebases them on the part it sends.
    const spans = c.spans;
    const k = i * 6;
    spans[k] = t.lineStart;
    spans[k + 1] = t.lineEnd;
    if (t.payloadStart !== t.payloadEnd) {
      spans[k + 2] = t.payloadStart;
      spans[k + 3] = t.payloadEnd;
    }
    spans[k + 4] = t.stampStart;
    spans[k + 5] = t.stampEnd;
  }

  /**
   * The records written since the last take, as a chunk whose buffers may
   * be transferred (see chunkBuffers). `ascii`: the text the lines were
   * read from and its bytes, when it is all ASCII — the chunk then carries
   * its part of the bytes (a view: their buffer goes with the chunk, so the
   * caller must not use it again) instead of a string.
   */
  take(ascii?: { text: string; bytes: Uint8Array }): ColumnChunk {
    const used = this.#first >= 0;
    // A block's first line starts at (or next to) its start: keeping the few
    // characters before it costs less than rebasing every span.
    const base = used && this.#first > SMALL_LEAD ? this.#first : 0;
    const asBytes = used && ascii !== undefined && ascii.text === this.#text && ascii.bytes.length === ascii.text.length;
    const text = used && !asBytes ? this.#text!.slice(base, this.#last) : '';
    const parts = { symbols: this.#fresh, text, pool: this.#parts.join(''), extras: this.#extras };
    // The block's own bytes, not a copy: the caller hands the buffer over with the chunk.
    const chunk = this.columns.take(asBytes ? { ...parts, bytes: ascii.bytes.subarray(base, this.#last) } : parts, base);
    this.#fresh = [];
    this.#parts = [];
    this.#pos = 0;
    this.#extras = [];
    this.#text = null;
    this.#first = -1;
    this.#last = 0;
    return chunk;
  }

  // RecordTarget: what encodeRecord writes through.

  symbol(name: string): number {
    return this.#symbolOf(name, 0, name.length);
  }

  fileId(file: string | undefined): number {
    // Every record of a file names the same file: skip the lookup.
    if (file !== this.#lastFile) {
      this.#lastFile = file;
      this.#lastFileId = file === undefined ? -1 : this.symbol(file);
    }
    return this.#lastFileId;
  }

  /** Appends `text` to the pool; returns its start (flagged IN_POOL). */
  pool(text: string): number {
    const start = this.#pos;
    this.#parts.push(text);
    this.#pos += text.length;
    return IN_POOL + start;
  }

  whole(record: MirosRecord): number {
    this.#extras.push(record);
    return this.#extras.length - 1;
  }

  #symbolOf(text: string, start: number, end: number): number {
    const known = this.#names.size;
    const id = this.#names.idOf(text, start, end);
    if (id === known) this.#fresh.push(this.#names.names[id]!);
    return id;
  }

  /** Notes that text[start, end) is used by the chunk; returns `start` (a span until take() rebases it). */
  #inText(text: string, start: number, end: number): number {
    if (text !== this.#text) {
      if (this.#first >= 0) throw new Error('ColumnEncoder: take() the chunk before encoding lines of another text');
      this.#text = text;
    }
    if (this.#first < 0) this.#first = start;
    this.#last = end;
    return start;
  }
}
