/**
 * A batch of records as columns: what the parse worker hands the page, and
 * what the store keeps for a replay.
 *
 * Records as objects cost the page twice — once to rebuild them from a
 * message (JSON.parse or structured clone of ten thousand small objects),
 * once more in memory (~300 bytes each) — and most of a million-line log is
 * never looked at one record at a time. As columns, a batch crosses the
 * thread boundary as a few transferable ArrayBuffers (no copy), one pooled
 * string and the names first seen in it; the page builds a record object
 * only when something reads that record (see ColumnSegment).
 *
 *   record i ─┬─ seq[i] time[i] received[i]       Float64 (time NaN = null)
 *             ├─ kind[i] flags[i]                 Uint8   (KIND_*, FLAG_*)
 *             ├─ chart[i] node[i] file[i]         Int32 symbol, -1 = null/absent
 *             ├─ line[i]                          Int32 origin line, -1 = no origin
 *             ├─ a[i] b[i] c[i]                   Int32 symbols, per kind (FIELDS)
 *             ├─ spans[6i … 6i+5]                 Uint32 [start, end) of raw, text1, text2:
 *             │                                   in `text`, or in `pool` when ≥ IN_POOL
 *             └─ extra[i]                         Int32 index into `extras`, -1 = none
 *
 * A column whose records all hold the same value (`received`, `node`,
 * `file`, `extra` in a saved log) is stored once: a one-element array
 * (read with `uniformAt`); `seq` of one element means seq[0] + i, the
 * numbering of a file read from its start (read with `seqAt`).
 *
 * Names (charts, signals, states — a trace repeats a handful of them a
 * million times) are symbols: indexes into a table the whole load shares;
 * each chunk carries the names it adds, in order. `extras` holds, by
 * structured clone, what columns cannot say exactly: a mesh record (its
 * payload may hold NaN or Infinity) or a record with fields outside the
 * contract, whole; the columns still hold its seq, kind, chart and time.
 */

/** `kind[i]`. */
export const KIND_TRACE = 0;
export const KIND_SPY = 1;
export const KIND_MESH = 2;
export const KIND_META = 3;

export const KIND_NAMES = ['trace', 'spy', 'mesh', 'meta'] as const;

/** `flags[i]`: the record is `extras[extra[i]]`, whole. */
export const FLAG_WHOLE = 1;
/** `flags[i]` of a spy record: `hook` is present, and its value. */
export const FLAG_HOOK = 2;
export const FLAG_HOOK_TRUE = 4;

/** No text in this span slot (the field is absent). */
export const NO_TEXT = 0xffffffff;
/** Span offsets from here on are into `pool` (less this), not `text`. */
export const IN_POOL = 0x80000000;

/** The text a span [start, end) stands for (start !== NO_TEXT). */
export function spanText(chunk: ColumnChunk, start: number, end: number): string {
  return start >= IN_POOL ? chunk.pool.slice(start - IN_POOL, end - IN_POOL) : chunk.text.slice(start, end);
}

/**
 * Which field each per-kind column holds:
 *
 *   kind    a        b        c           text1     text2
 *   trace   signal   from     to          payload   stamp
 *   spy     signal   state    network     line      —
 *   mesh    signal   sender   routingKey  (whole record in extras)
 *   meta    event    reason   network     detail    —
 */
export interface ColumnChunk {
  length: number;
  /** Names first used by this chunk; they continue the load's symbol table. */
  symbols: string[];
  /**
   * The lines of the log the records were read from, as read (so a raw line
   * costs no copy in the worker): records point into it.
   */
  text: string;
  /**
   * On the way from the worker only: `text` as its bytes, when every
   * character is ASCII (then byte and character offsets agree). Bytes are
   * transferred, a string is copied twice (serialized, deserialized); the
   * receiver decodes them into `text` (see ChunkReceiver).
   */
  bytes?: Uint8Array | undefined;
  /** Texts that are not inside `text` (a note's error message, a recording's raw …), end to end. */
  pool: string;
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
  extras: unknown[];
}

/** Value i of a column that may be stored once for all records. */
export function uniformAt(column: Float64Array | Int32Array, i: number): number {
  return column.length === 1 ? column[0]! : column[i]!;
}

/** seq of record i (a one-element `seq` column counts up from its value). */
export function seqAt(chunk: ColumnChunk, i: number): number {
  const { seq } = chunk;
  return seq.length === 1 ? seq[0]! + i : seq[i]!;
}

/** The first `n` values of a column as a column of their own, or its one value when all are the same. */
export function packUniform<T extends Float64Array | Int32Array>(column: T, n = column.length): T {
  const first = column[0];
  for (let i = 1; i < n; i++) if (column[i] !== first) return column.slice(0, n) as T;
  return column.slice(0, Math.min(1, n)) as T;
}

/** The first `n` seqs as a column, or the first alone when they count up by one. */
export function packSeq(seq: Float64Array, n = seq.length): Float64Array {
  const first = seq[0]!;
  for (let i = 1; i < n; i++) if (seq[i] !== first + i) return seq.slice(0, n);
  return seq.slice(0, Math.min(1, n));
}

/** The buffers of a chunk, to pass as postMessage's transfer list. */
export function chunkBuffers(chunk: ColumnChunk): ArrayBuffer[] {
  const { seq, time, received, kind, flags, chart, node, file, line, a, b, c, spans, extra, bytes } = chunk;
  const columns = [seq, time, received, kind, flags, chart, node, file, line, a, b, c, spans, extra].map((column) => column.buffer as ArrayBuffer);
  if (bytes) columns.push(bytes.buffer as ArrayBuffer);
  return columns;
}
