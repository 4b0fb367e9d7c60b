/**
 * The body codec's reading half: a decrypted body is either a pickle (what
 * Python nodes send) or JSON (the option for all-TypeScript networks), told
 * apart by the first byte. A protocol 2+ pickle starts with PROTO (0x80);
 * protocols 0–1 start with an opcode byte such as `(`, `]`, `V` or `X`.
 * JSON text starts with `{`, `[` or `"`, none of which is a pickle opcode,
 * so the choice is never ambiguous.
 *
 * Both halves produce the same {@link PickleValue}s: a JSON array reads as a
 * list (a mesh item may arrive as either a tuple or a two-item list) and a
 * JSON object as a Map. The same depth and item budgets hold for both; JSON
 * depth is checked on the text, before a (recursive) parser sees it.
 */
import { BodyFormatError } from './BodyFormatError.ts';
import { jsonNestsDeeperThan } from './jsonNestingDepth.ts';
import { parsePythonJson } from './parsePythonJson.ts';
import type { PickleValue } from './pickle/PickleValue.ts';
import { unpickle, type UnpickleLimits } from './pickle/unpickle.ts';

export type BodyFormat = 'pickle' | 'json';

const JSON_FIRST_BYTES = new Set([0x7b /* { */, 0x5b /* [ */, 0x22 /* " */]);

export function bodyFormatOf(body: Uint8Array): BodyFormat {
  return body.length > 0 && JSON_FIRST_BYTES.has(body[0]!) ? 'json' : 'pickle';
}

/**
 * Decodes a decrypted body. Throws PickleError (pickle) or BodyFormatError
 * (empty body, bad JSON); never anything else for any input.
 */
export function decodeBody(body: Uint8Array, limits: UnpickleLimits = {}): PickleValue {
  if (body.length === 0) throw new BodyFormatError('empty', 'the body is empty');
  if (bodyFormatOf(body) === 'pickle') return unpickle(body, limits);
  const maxDepth = limits.maxDepth ?? 64;
  const text = Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8');
  if (jsonNestsDeeperThan(text, maxDepth)) throw new BodyFormatError('too-deep', `JSON nests deeper than ${maxDepth}`);
  let parsed: unknown;
  try {
    parsed = parsePythonJson(text);
  } catch (err) {
    throw new BodyFormatError('bad-json', `the JSON body does not parse: ${(err as Error).message}`);
  }
  const budget = { maxDepth, items: limits.maxItems ?? 10_000 };
  return fromJson(parsed, budget, 0);
}

function fromJson(value: unknown, budget: { maxDepth: number; items: number }, depth: number): PickleValue {
  if (depth > budget.maxDepth) throw new BodyFormatError('too-deep', `JSON nests deeper than ${budget.maxDepth}`);
  if (--budget.items < 0) throw new BodyFormatError('too-many-items', 'the JSON body holds too many values');
  if (Array.isArray(value)) return value.map((v) => fromJson(v, budget, depth + 1));
  if (value !== null && typeof value === 'object') {
    return new Map(Object.entries(value).map(([k, v]) => [k, fromJson(v, budget, depth + 1)]));
  }
  return value as PickleValue;
}
