/**
 * Turns a decoded item (plain data that passed the Fernet and pickle checks)
 * into records, after checking it has the shape its network carries. This
 * is the last edge: past it, everything is a MirosRecord.
 *
 * - trace: a str of one or more lines; each trace line becomes a TraceRecord,
 *   a snoop scribble (`[ts] [chart] # note`) a SpyRecord marked
 *   `network: 'trace'` (as the saved-log parser reads it), any other line a `note`.
 * - spy:   "<chart> <line>" → one SpyRecord (chart: the header's, else the first word; spyNameEnd).
 * - mesh:  (sender, event_json) as a tuple or two-item list — or the bare
 *          event_json str older miros-rabbitmq versions send — → MeshRecord.
 *
 * Budgets checked here (messageBudgets.ts): how many records one trace item
 * becomes, how deep a mesh event's JSON nests (checked on the text, before
 * parsing: the parsed payload is walked recursively by every consumer), and
 * how long its signal name is.
 */
import type { MeshRecord, MetaRecord, SpyRecord, TraceRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { RECORD_VERSION } from '../../shared/records/MirosRecord.ts';
import { parseSpyLine } from '../../shared/records/parseSpyLine.ts';
import { readStampedText } from '../../shared/records/readStampedText.ts';
import { stripAnsi } from '../../shared/parsers/stripAnsi.ts';
import type { Correlation } from './correlationHeaders.ts';
import { jsonNestsDeeperThan } from './jsonNestingDepth.ts';
import { spyNameEnd } from './mirosItems.ts';
import type { MirosNetwork } from './mirosTopology.ts';
import { parsePythonJson } from './parsePythonJson.ts';
import { PickleTuple, type PickleValue } from './pickle/PickleValue.ts';
import type { RejectReason } from './WireRejection.ts';

export interface ItemContext {
  received: number;
  routingKey?: string;
  correlation?: Partial<Correlation>;
}

export interface ItemBudgets {
  /** Default 1,000. */
  maxRecordsPerMessage?: number;
  /** Nesting of a mesh event's JSON (default 64). */
  maxDepth?: number;
  /** Default 1,024. */
  maxSignalNameChars?: number;
}

/** A refusal: `reason` is `bad-shape` unless a budget was exceeded. */
export type ItemResult = { ok: true; records: UnnumberedRecord[] } | { ok: false; detail: string; reason?: RejectReason };

export function itemRecords(network: MirosNetwork, item: PickleValue, ctx: ItemContext, budgets: ItemBudgets = {}): ItemResult {
  if (network === 'trace') return traceRecords(item, ctx, budgets.maxRecordsPerMessage ?? 1_000);
  if (network === 'spy') return spyRecords(item, ctx);
  return meshRecords(item, ctx, budgets.maxDepth ?? 64, budgets.maxSignalNameChars ?? 1_024);
}

function traceRecords(item: PickleValue, ctx: ItemContext, maxRecords: number): ItemResult {
  if (typeof item !== 'string') return { ok: false, detail: `a trace item must be a str, not ${describe(item)}` };
  const text = item.indexOf('\x1b') >= 0 ? stripAnsi(item) : item;
  const node = ctx.correlation?.node ?? null;
  const records: UnnumberedRecord[] = [];
  // Lines by hand: a live trace item is "\n<line>\n", and this runs for every message.
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    if (raw.trim() === '') continue;
    if (records.length === maxRecords) {
      // Refused whole, before parsing the rest: one message must not flush the relay's ring buffer.
      return { ok: false, reason: 'too-many-records', detail: `the trace item has more than ${maxRecords} lines` };
    }
    const record = readStampedText(raw, ctx.received);
    if (record !== null) {
      record.node = node;
      records.push(record);
      continue;
    }
    const note: Omit<MetaRecord, 'seq'> = { v: RECORD_VERSION, kind: 'meta', event: 'note', network: 'trace', chart: null, node, time: null, received: ctx.received, raw, detail: 'not a trace line or a scribble: other text on the trace network' };
    records.push(note);
  }
  if (records.length === 0) return { ok: false, detail: 'the trace item is empty' };
  return { ok: true, records };
}

function spyRecords(item: PickleValue, ctx: ItemContext): ItemResult {
  if (typeof item !== 'string') return { ok: false, detail: `a spy item must be a str, not ${describe(item)}` };
  const text = (item.indexOf('\x1b') >= 0 ? stripAnsi(item) : item).replace(/\r?\n$/, '');
  const space = spyNameEnd(text, ctx.correlation?.chart);
  if (space <= 0) return { ok: false, detail: 'a spy item must be "<chart name> <spy line>"' };
  const line = text.slice(space + 1);
  const record: Omit<SpyRecord, 'seq'> = {
    v: RECORD_VERSION,
    kind: 'spy',
    chart: text.slice(0, space),
    node: ctx.correlation?.node ?? null,
    time: null,
    received: ctx.received,
    raw: text,
    line,
    ...parseSpyLine(line),
  };
  return { ok: true, records: [record] };
}

function meshRecords(item: PickleValue, ctx: ItemContext, maxDepth: number, maxSignalNameChars: number): ItemResult {
  let sender: string | null = null;
  let eventJson: PickleValue;
  const pair = item instanceof PickleTuple ? item.items : Array.isArray(item) ? item : null;
  if (pair) {
    if (pair.length !== 2 || typeof pair[0] !== 'string') return { ok: false, detail: 'a mesh item must be (sender address, event_json)' };
    sender = pair[0];
    eventJson = pair[1]!;
  } else eventJson = item;
  if (typeof eventJson !== 'string') return { ok: false, detail: `a mesh event_json must be a str, not ${describe(eventJson)}` };
  if (jsonNestsDeeperThan(eventJson, maxDepth)) {
    return { ok: false, reason: 'too-deep', detail: `the mesh event_json nests deeper than ${maxDepth}` };
  }
  let event: unknown;
  try {
    event = parsePythonJson(eventJson);
  } catch {
    return { ok: false, detail: 'the mesh event_json is not JSON' };
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event) || typeof (event as { signal_name?: unknown }).signal_name !== 'string') {
    return { ok: false, detail: 'the mesh event_json has no signal_name' };
  }
  const { signal_name: signal, payload = null } = event as { signal_name: string; payload?: unknown };
  if (signal.length > maxSignalNameChars) {
    return { ok: false, reason: 'signal-name-too-long', detail: `the signal name has ${signal.length} characters, more than ${maxSignalNameChars}` };
  }
  const c = ctx.correlation ?? {};
  const record: Omit<MeshRecord, 'seq'> = {
    v: RECORD_VERSION,
    kind: 'mesh',
    chart: c.chart ?? null,
    node: c.node ?? sender,
    time: null,
    received: ctx.received,
    raw: eventJson,
    signal,
    payload,
    sender,
  };
  if (ctx.routingKey !== undefined) record.routingKey = ctx.routingKey;
  if (c.messageId !== undefined && c.chart !== undefined && c.seq !== undefined) {
    record.correlation = { messageId: c.messageId, chart: c.chart, seq: c.seq };
  }
  return { ok: true, records: [record] };
}

function describe(value: PickleValue): string {
  if (value === null) return 'None';
  if (value instanceof PickleTuple) return `a tuple of ${value.items.length}`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value instanceof Map) return 'a dict';
  if (value instanceof Uint8Array) return 'bytes';
  return typeof value;
}
