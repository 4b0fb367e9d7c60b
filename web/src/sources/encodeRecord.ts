/**
 * One record object into the columns of the chunk being filled: the way
 * every line the fast trace path does not take (spy lines, notes, mesh and
 * JSON records, older formats) and every record encoded from elsewhere is
 * written. See ColumnEncoder for the chunk, store/ColumnChunk.ts for the
 * columns.
 *
 * A record goes in columns only when every one of its fields has one
 * (fields are counted, so one outside the contract is never dropped) and
 * every value is what its column can say exactly; otherwise it also
 * travels whole in `extras` (structured clone keeps NaN, Infinity, -0 and
 * undefined). Its seq, kind, chart and time are in the columns either way,
 * for the views that read only those.
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import type { ColumnBuffers } from './ColumnBuffers.ts';
import { FLAG_HOOK, FLAG_HOOK_TRUE, FLAG_WHOLE, KIND_MESH, KIND_META, KIND_SPY, KIND_TRACE } from '../store/ColumnChunk.ts';

/** What the encoder offers to write a record through. */
export interface RecordTarget {
  readonly columns: ColumnBuffers;
  symbol(name: string): number;
  fileId(file: string | undefined): number;
  /** Appends a text to the chunk's pool; returns its span start. */
  pool(text: string): number;
  /** Keeps the record whole; returns its index in `extras`. */
  whole(record: MirosRecord): number;
}

/** Fields every record has (RecordBase without the optional `origin`), plus `kind`. */
const BASE_FIELDS = 8;

const KIND_CODES: Record<string, number> = { trace: KIND_TRACE, spy: KIND_SPY, mesh: KIND_MESH, meta: KIND_META };

function ownKeys(value: object): number {
  let n = 0;
  // for…in walks V8's enum cache: no array allocated, unlike Object.keys.
  for (const _ in value) n++;
  return n;
}

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

function nullableSymbol(target: RecordTarget, name: string | null | undefined): number {
  return typeof name === 'string' ? target.symbol(name) : -1;
}

/**
 * Writes `r` as the next record. `rawStart`: where its raw text starts in
 * the chunk's text, or -1 when it is not there (then it is pooled).
 */
export function encodeRecord(target: RecordTarget, r: MirosRecord, rawStart: number): void {
  const c = target.columns;
  const i = c.next();
  c.seq[i] = r.seq;
  c.time[i] = r.time === null ? Number.NaN : r.time;
  c.received[i] = r.received;
  c.chart[i] = nullableSymbol(target, r.chart);
  c.node[i] = nullableSymbol(target, r.node);
  c.a[i] = c.b[i] = c.c[i] = -1;
  const raw = typeof r.raw === 'string' ? r.raw : '';
  const start = rawStart >= 0 ? rawStart : target.pool(raw);
  const spans = c.spans;
  spans[i * 6] = start;
  spans[i * 6 + 1] = start + raw.length;
  /** Span slot 1 or 2: inside raw when raw contains the value, else pooled. */
  const text = (slot: 1 | 2, value: string) => {
    const inRaw = raw.indexOf(value);
    const at = inRaw >= 0 ? start + inRaw : target.pool(value);
    spans[i * 6 + slot * 2] = at;
    spans[i * 6 + slot * 2 + 1] = at + value.length;
  };
  let fields = BASE_FIELDS;
  const origin = r.origin;
  if (origin === undefined) {
    c.line[i] = -1;
    c.file[i] = -1;
  } else {
    fields++;
    c.line[i] = origin.line;
    c.file[i] = target.fileId(origin.file);
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
    c.kind[i] = KIND_CODES[r.kind] ?? KIND_META;
    whole(target, i, r);
    return;
  }
  switch (r.kind) {
    case 'trace':
      c.kind[i] = KIND_TRACE;
      c.a[i] = target.symbol(r.signal);
      c.b[i] = target.symbol(r.from);
      c.c[i] = target.symbol(r.to);
      fields += 3;
      if (r.payload !== undefined) {
        text(1, r.payload);
        fields++;
      }
      if (r.stamp !== undefined) {
        text(2, r.stamp);
        fields++;
      }
      break;
    case 'spy':
      c.kind[i] = KIND_SPY;
      text(1, r.line);
      fields++;
      if (r.signal !== undefined) {
        c.a[i] = target.symbol(r.signal);
        fields++;
      }
      if (r.state !== undefined) {
        c.b[i] = target.symbol(r.state);
        fields++;
      }
      if (r.hook !== undefined) {
        c.flags[i] |= FLAG_HOOK | (r.hook ? FLAG_HOOK_TRUE : 0);
        exact &&= typeof r.hook === 'boolean';
        fields++;
      }
      if (r.network !== undefined) {
        // A scribble heard on the trace network (column c is free for spy records).
        exact &&= typeof r.network === 'string';
        if (typeof r.network === 'string') c.c[i] = target.symbol(r.network);
        fields++;
      }
      break;
    case 'mesh':
      // The payload is any value: the record goes whole; columns keep what views index on.
      c.kind[i] = KIND_MESH;
      if (typeof r.signal === 'string') c.a[i] = target.symbol(r.signal);
      exact = false;
      break;
    case 'meta':
      c.kind[i] = KIND_META;
      c.a[i] = target.symbol(r.event);
      fields++;
      if (r.reason !== undefined) {
        c.b[i] = target.symbol(r.reason);
        fields++;
      }
      if (r.network !== undefined) {
        c.c[i] = nullableSymbol(target, r.network);
        exact &&= typeof r.network === 'string';
        fields++;
      }
      if (r.detail !== undefined) {
        text(1, r.detail);
        fields++;
      }
      // `count` and `states` are rare (status records): those records go whole.
      break;
    default:
      c.kind[i] = KIND_META;
      exact = false;
  }
  if (!exact || ownKeys(r) !== fields) whole(target, i, r);
}

function whole(target: RecordTarget, i: number, r: MirosRecord): void {
  target.columns.flags[i] |= FLAG_WHOLE;
  target.columns.extra[i] = target.whole(r);
}
