/**
 * Turns parsed records into ColumnChunks (see store/ColumnChunk.ts), in the
 * parse worker — or in this thread for the in-thread loader, which must
 * behave exactly like the worker.
 *
 * One encoder serves one load: its symbol table grows across chunks, and
 * each chunk carries only the names it added, so a chart or signal name
 * crosses the thread boundary once per load, not once per record.
 *
 * Raw lines are not copied: the encoder is handed the text the records were
 * read from and points each record at its line (SourceLines); a raw that
 * is not its line as written goes to the chunk's `pool` instead.
 *
 * Exactness comes first: a record is put in columns only when every one of
 * its fields has a column (counted, so a field outside the contract — say
 * from a JSON-lines recording — is never dropped); anything else travels
 * whole in `extras`, by structured clone, which keeps NaN, Infinity and
 * undefined as they are.
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import { SymbolTable } from './SymbolTable.ts';
import { SourceLines, type LogSource } from './SourceLines.ts';
import {
  FLAG_HOOK,
  FLAG_HOOK_TRUE,
  FLAG_WHOLE,
  KIND_MESH,
  KIND_META,
  KIND_SPY,
  KIND_TRACE,
  IN_POOL,
  NO_TEXT,
  packSeq,
  packUniform,
  type ColumnChunk,
} from '../store/ColumnChunk.ts';


/** Fields every record has (RecordBase without the optional `origin`), plus `kind`. */
const BASE_FIELDS = 8;

function ownKeys(value: object): number {
  let n = 0;
  // for…in walks V8's enum cache: no array allocated, unlike Object.keys.
  for (const _ in value) n++;
  return n;
}

const KIND_CODES: Record<string, number> = { trace: KIND_TRACE, spy: KIND_SPY, mesh: KIND_MESH, meta: KIND_META };

function isText(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function textFieldsAreStrings(r: MirosRecord): boolean {
  switch (r.kind) {
    case 'trace':
      return typeof r.signal === 'string' && typeof r.from === 'string' && typeof r.to === 'string' && isText(r.payload) && isText(r.stamp);
    case 'spy':
      return typeof r.line === 'string' && isText(r.signal) && isText(r.state);
    case 'meta':
      return typeof r.event === 'string' && isText(r.reason) && isText(r.detail);
    default:
      return true;
  }
}

export class ColumnEncoder {
  readonly #names = new SymbolTable();
  #fresh: string[] = [];
  #parts: string[] = [];
  #pos = 0;
  /** The text the current records were read from. */
  #lines: SourceLines | null = null;
  #lastFile: string | undefined = undefined;
  #lastFileId = -1;

  /**
   * Encodes a batch; the chunk's buffers may then be transferred (see
   * chunkBuffers). With the `source` the records were read from, raw lines
   * are referenced there instead of copied.
   */
  encode(records: readonly MirosRecord[], source?: LogSource): ColumnChunk {
    if (source !== this.#lines?.source) this.#lines = source ? new SourceLines(source) : null;
    this.#lines?.startChunk();
    const n = records.length;
    const chunk: ColumnChunk = {
      length: n,
      symbols: [],
      text: '',
      pool: '',
      seq: new Float64Array(n),
      time: new Float64Array(n),
      received: new Float64Array(n),
      kind: new Uint8Array(n),
      flags: new Uint8Array(n),
      chart: new Int32Array(n),
      node: new Int32Array(n),
      file: new Int32Array(n),
      line: new Int32Array(n),
      a: new Int32Array(n).fill(-1),
      b: new Int32Array(n).fill(-1),
      c: new Int32Array(n).fill(-1),
      spans: new Uint32Array(n * 6).fill(NO_TEXT),
      extra: new Int32Array(n).fill(-1),
      extras: [],
    };
    this.#fresh = [];
    this.#parts = [];
    this.#pos = 0;
    for (let i = 0; i < n; i++) this.#put(chunk, i, records[i]!);
    // Columns a saved log fills with one value are sent (and kept) once.
    chunk.seq = packSeq(chunk.seq);
    chunk.received = packUniform(chunk.received);
    chunk.node = packUniform(chunk.node);
    chunk.file = packUniform(chunk.file);
    chunk.extra = packUniform(chunk.extra);
    chunk.symbols = this.#fresh;
    chunk.pool = this.#parts.join('');
    this.#parts = [];
    const used = this.#lines?.chunkRange();
    if (used) {
      // Spans were written against the whole source; the chunk carries only its part.
      const [base, end] = used;
      chunk.text = this.#lines!.source.text.slice(base, end);
      const { spans } = chunk;
      for (let k = 0; k < spans.length; k++) if (spans[k]! < IN_POOL) spans[k] -= base;
    }
    return chunk;
  }

  #symbol(name: string): number {
    const known = this.#names.size;
    const id = this.#names.id(name);
    if (id === known) this.#fresh.push(name);
    return id;
  }

  #nullableSymbol(name: string | null | undefined): number {
    return typeof name === 'string' ? this.#symbol(name) : -1;
  }

  /** Appends `text` to the pool; returns its start (flagged IN_POOL). */
  #pool(text: string): number {
    const start = this.#pos;
    this.#parts.push(text);
    this.#pos += text.length;
    return IN_POOL + start;
  }


  /** Span slot `slot` (1 or 2) of record i: inside raw when raw contains it, else pooled. */
  #text(chunk: ColumnChunk, i: number, slot: 1 | 2, value: string, raw: string, rawStart: number): void {
    const inRaw = raw.indexOf(value);
    const start = inRaw >= 0 ? rawStart + inRaw : this.#pool(value);
    chunk.spans[i * 6 + slot * 2] = start;
    chunk.spans[i * 6 + slot * 2 + 1] = start + value.length;
  }

  #put(chunk: ColumnChunk, i: number, r: MirosRecord): void {
    chunk.seq[i] = r.seq;
    chunk.time[i] = r.time === null ? Number.NaN : r.time;
    chunk.received[i] = r.received;
    chunk.chart[i] = this.#nullableSymbol(r.chart);
    chunk.node[i] = this.#nullableSymbol(r.node);
    const raw = typeof r.raw === 'string' ? r.raw : '';
    const inSource = r.origin === undefined || this.#lines === null ? -1 : this.#lines.find(raw, r.origin.line);
    const rawStart = inSource >= 0 ? inSource : this.#pool(raw);
    chunk.spans[i * 6] = rawStart;
    chunk.spans[i * 6 + 1] = rawStart + raw.length;
    let fields = BASE_FIELDS;
    const origin = r.origin;
    if (origin === undefined) chunk.line[i] = -1;
    else {
      fields++;
      chunk.line[i] = origin.line;
      // Every record of a file names the same file: skip the lookup.
      if (origin.file !== this.#lastFile) {
        this.#lastFile = origin.file;
        this.#lastFileId = origin.file === undefined ? -1 : this.#symbol(origin.file);
      }
      chunk.file[i] = this.#lastFileId;
    }
    let exact = r.v === 1 && typeof r.raw === 'string' && (r.time === null || !Number.isNaN(r.time));
    if (origin !== undefined) {
      // origin comes from the parser (originOf) even for a recording's records: its shape is known.
      exact &&= Number.isInteger(origin.line) && origin.line >= 0 && (origin.file === undefined || typeof origin.file === 'string');
    }
    exact &&= r.chart === null || typeof r.chart === 'string';
    exact &&= r.node === null || typeof r.node === 'string';
    // Fields read below as names must be strings (a recording may hold anything).
    if (!textFieldsAreStrings(r)) {
      chunk.kind[i] = KIND_CODES[r.kind] ?? KIND_META;
      this.#whole(chunk, i, r);
      return;
    }
    switch (r.kind) {
      case 'trace':
        chunk.kind[i] = KIND_TRACE;
        chunk.a[i] = this.#symbol(r.signal);
        chunk.b[i] = this.#symbol(r.from);
        chunk.c[i] = this.#symbol(r.to);
        fields += 3;
        if (r.payload !== undefined) {
          this.#text(chunk, i, 1, r.payload, raw, rawStart);
          fields++;
        }
        if (r.stamp !== undefined) {
          this.#text(chunk, i, 2, r.stamp, raw, rawStart);
          fields++;
        }
        break;
      case 'spy':
        chunk.kind[i] = KIND_SPY;
        this.#text(chunk, i, 1, r.line, raw, rawStart);
        fields++;
        if (r.signal !== undefined) {
          chunk.a[i] = this.#symbol(r.signal);
          fields++;
        }
        if (r.state !== undefined) {
          chunk.b[i] = this.#symbol(r.state);
          fields++;
        }
        if (r.hook !== undefined) {
          chunk.flags[i] |= FLAG_HOOK | (r.hook ? FLAG_HOOK_TRUE : 0);
          exact &&= typeof r.hook === 'boolean';
          fields++;
        }
        break;
      case 'mesh':
        // The payload is any value: the record goes whole; columns keep what views index on.
        chunk.kind[i] = KIND_MESH;
        if (typeof r.signal === 'string') chunk.a[i] = this.#symbol(r.signal);
        exact = false;
        break;
      case 'meta':
        chunk.kind[i] = KIND_META;
        chunk.a[i] = this.#symbol(r.event);
        fields++;
        if (r.reason !== undefined) {
          chunk.b[i] = this.#symbol(r.reason);
          fields++;
        }
        if (r.network !== undefined) {
          chunk.c[i] = this.#nullableSymbol(r.network);
          exact &&= typeof r.network === 'string';
          fields++;
        }
        if (r.detail !== undefined) {
          this.#text(chunk, i, 1, r.detail, raw, rawStart);
          fields++;
        }
        // `count` and `states` are rare (status records): those records go whole.
        break;
      default:
        chunk.kind[i] = KIND_META;
        exact = false;
    }
    if (!exact || ownKeys(r) !== fields) this.#whole(chunk, i, r);
  }

  #whole(chunk: ColumnChunk, i: number, r: MirosRecord): void {
    chunk.flags[i] |= FLAG_WHOLE;
    chunk.extra[i] = chunk.extras.length;
    chunk.extras.push(r);
  }
}
