/**
 * Format `miroscope-jsonl`: our own recordings, one `MirosRecord` as JSON per
 * line (what the recorder writes and "download as JSON lines" gives).
 *
 * The record is checked before it is trusted: the schema version `v` must be
 * one this reader knows, `kind` must be known and the fields that kind needs
 * must have the right types. Anything else is a malformed line with a message
 * saying what is wrong. Records are renumbered in file order like every other
 * format (their `seq` from the recording is replaced; `received` is kept).
 */
import { RECORD_VERSION, type MirosRecord } from '../../records/MirosRecord.ts';
import { originOf, type LineContext, type LineOutcome } from '../LineContext.ts';

const META_EVENTS = new Set([
  'note', 'rejected', 'connected', 'disconnected', 'reconnected', 'dropped', 'missed', 'topology', 'status',
]);

type Json = Record<string, unknown>;

function optional(o: Json, key: string, type: 'string' | 'number' | 'boolean'): string | null {
  const value = o[key];
  return value === undefined || typeof value === type ? null : `'${key}' must be a ${type}`;
}

function nullable(o: Json, key: string, type: 'string' | 'number'): string | null {
  const value = o[key];
  return value === undefined || value === null || typeof value === type ? null : `'${key}' must be a ${type} or null`;
}

function required(o: Json, key: string): string | null {
  return typeof o[key] === 'string' ? null : `a ${String(o.kind)} record needs a string '${key}'`;
}

/** The first problem with `o` as a record, or null when it is a valid one. */
function problemWith(o: Json): string | null {
  if (o.v !== RECORD_VERSION) {
    return `unsupported record version ${JSON.stringify(o.v) ?? 'undefined'} (this reader knows ${RECORD_VERSION})`;
  }
  const common =
    nullable(o, 'chart', 'string') ?? nullable(o, 'node', 'string') ?? nullable(o, 'time', 'number') ??
    optional(o, 'received', 'number') ?? optional(o, 'raw', 'string');
  if (common) return common;
  switch (o.kind) {
    case 'trace':
      return required(o, 'signal') ?? required(o, 'from') ?? required(o, 'to') ??
        optional(o, 'payload', 'string') ?? optional(o, 'stamp', 'string');
    case 'spy':
      return required(o, 'line') ?? optional(o, 'signal', 'string') ?? optional(o, 'state', 'string') ??
        optional(o, 'hook', 'boolean');
    case 'mesh':
      return required(o, 'signal') ?? nullable(o, 'sender', 'string');
    case 'meta': {
      if (typeof o.event !== 'string' || !META_EVENTS.has(o.event)) {
        return `unknown meta event ${JSON.stringify(o.event) ?? 'undefined'}`;
      }
      const states = o.states;
      if (states !== undefined && !(Array.isArray(states) && states.every(isStateEntry))) {
        return "'states' must be a list of {name, parent}";
      }
      return optional(o, 'detail', 'string') ?? optional(o, 'reason', 'string') ?? optional(o, 'count', 'number');
    }
    default:
      return `unknown record kind ${JSON.stringify(o.kind) ?? 'undefined'}`;
  }
}

function isStateEntry(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Json;
  return typeof e.name === 'string' && (e.parent === null || typeof e.parent === 'string');
}

/** `s[i] === '{'`; `end` is past the last non-space character. */
export function readJsonRecordLine(ctx: LineContext, s: string, i: number, end: number, raw: string): LineOutcome {
  if (!ctx.strictJson && s.charCodeAt(i + 1) !== 34 /* " */) return null;
  let value: unknown;
  try {
    value = JSON.parse(s.slice(i, end));
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const o = value as Json;
  const problem = problemWith(o);
  if (problem) return problem;
  ctx.format = 'miroscope-jsonl';
  return {
    ...o,
    seq: ctx.seq,
    chart: o.chart ?? null,
    node: o.node ?? null,
    time: o.time ?? null,
    received: o.received ?? ctx.received,
    raw: o.raw ?? '',
    origin: originOf(ctx),
  } as MirosRecord;
}
