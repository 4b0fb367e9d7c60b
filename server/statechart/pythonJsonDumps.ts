/**
 * Python's `json.dumps(value)` with its default settings.
 *
 * miros-rabbitmq peers compare and log the JSON text of events, and Python's
 * defaults differ from `JSON.stringify`: `", "` and `": "` separators,
 * `ensure_ascii` (every non-ASCII character as a lowercase `\uXXXX`
 * escape), `NaN`/`Infinity` literals and Python float spelling. Hand-written
 * because those defaults are exactly what no JS serializer offers.
 */
import { pyNumber } from './pythonStr.ts';

function dumpString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    // UTF-16 code units, so astral characters come out as surrogate pairs,
    // which is what Python writes too.
    else if (code < 0x20 || code > 0x7e) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function dumpNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return pyNumber(n);
}

export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return dumpNumber(value);
  if (typeof value === 'string') return dumpString(value);
  if (Array.isArray(value)) return '[' + value.map(pythonJsonDumps).join(', ') + ']';
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && typeof v !== 'function')
      .map(([k, v]) => `${dumpString(k)}: ${pythonJsonDumps(v)}`);
    return '{' + fields.join(', ') + '}';
  }
  throw new TypeError(`Object of type ${typeof value} is not JSON serializable`);
}
