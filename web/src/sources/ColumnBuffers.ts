/**
 * The growing columns of the chunk an encoder is filling. Every column of
 * every record is written explicitly (no fill), so the arrays are reused
 * from chunk to chunk: `take` copies out exactly the records written — a
 * chunk's buffers are transferred to the page, so they must be its own.
 */
import { IN_POOL, NO_TEXT, packSeq, packUniform, type ColumnChunk } from '../store/ColumnChunk.ts';

export class ColumnBuffers {
  length = 0;
  seq: Float64Array;
  time: Float64Array;
  received: Float64Array;
  kind: Uint8Array;
  flags: Uint8Array;
  chart: Int32Array;
  node: Int32Array;
  file: Int32Array;
  line: Int32Array;
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  spans: Uint32Array;
  extra: Int32Array;

  constructor(capacity = 1024) {
    this.seq = new Float64Array(capacity);
    this.time = new Float64Array(capacity);
    this.received = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.chart = new Int32Array(capacity);
    this.node = new Int32Array(capacity);
    this.file = new Int32Array(capacity);
    this.line = new Int32Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.c = new Int32Array(capacity);
    this.spans = new Uint32Array(capacity * 6);
    this.extra = new Int32Array(capacity);
  }

  /** Makes room for record `length` and returns its index, with no text spans and no extra. */
  next(): number {
    const i = this.length;
    if (i === this.seq.length) this.#grow();
    const spans = this.spans;
    const k = i * 6;
    spans[k] = spans[k + 1] = spans[k + 2] = spans[k + 3] = spans[k + 4] = spans[k + 5] = NO_TEXT;
    this.flags[i] = 0;
    this.extra[i] = -1;
    this.length = i + 1;
    return i;
  }

  /**
   * The records written so far as a chunk (the buffers stay for the next
   * one). `base` is subtracted from every span into the text (0: none).
   */
  take(parts: Pick<ColumnChunk, 'symbols' | 'text' | 'pool' | 'extras' | 'bytes'>, base: number): ColumnChunk {
    const n = this.length;
    const spans = this.spans.slice(0, n * 6);
    if (base !== 0) for (let k = 0; k < spans.length; k++) if (spans[k]! < IN_POOL) spans[k] -= base;
    this.length = 0;
    return {
      length: n,
      ...parts,
      // Columns a saved log fills with one value are sent (and kept) once.
      seq: packSeq(this.seq, n),
      time: this.time.slice(0, n),
      received: packUniform(this.received, n),
      kind: this.kind.slice(0, n),
      flags: this.flags.slice(0, n),
      chart: this.chart.slice(0, n),
      node: packUniform(this.node, n),
      file: packUniform(this.file, n),
      line: this.line.slice(0, n),
      a: this.a.slice(0, n),
      b: this.b.slice(0, n),
      c: this.c.slice(0, n),
      spans,
      extra: packUniform(this.extra, n),
    };
  }

  #grow(): void {
    const grow = <T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(column: T, per = 1): T => {
      const grown = new (column.constructor as new (n: number) => T)(column.length * 2 || per * 1024);
      grown.set(column);
      return grown;
    };
    this.seq = grow(this.seq);
    this.time = grow(this.time);
    this.received = grow(this.received);
    this.kind = grow(this.kind);
    this.flags = grow(this.flags);
    this.chart = grow(this.chart);
    this.node = grow(this.node);
    this.file = grow(this.file);
    this.line = grow(this.line);
    this.a = grow(this.a);
    this.b = grow(this.b);
    this.c = grow(this.c);
    this.spans = grow(this.spans, 6);
    this.extra = grow(this.extra);
  }
}
