/**
 * Python's `str()`/`repr()` of JSON-like values.
 *
 * miros renders event payloads with Python's `str` (`NAME::<[1, 'a']>`), and
 * those strings end up in logs other tools parse, so we reproduce the common
 * cases: None/True/False, ints and floats, str quoting rules, lists and dicts.
 * Hand-written because no npm package formats values the way CPython does;
 * tuples, sets and arbitrary objects have no JSON counterpart and are not
 * attempted (objects render as dicts of their own enumerable fields).
 */

/** Python `repr(float)` / `repr(int)` for a JS number. */
export function pyNumber(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  // JS and Python both print the shortest round-trip digits; they differ only
  // in exponent spelling (JS `1e-7`/`1e+21`, Python `1e-07`/`1e+21`).
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Python `repr(str)`: single quotes unless the text has `'` and no `"`. */
export function pyStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/** Python `repr(value)` for JSON-like values. */
export function pyRepr(value: unknown): string {
  if (typeof value === 'string') return pyStringRepr(value);
  return pyStr(value);
}

/** Python `str(value)` for JSON-like values. */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return '[' + value.map(pyRepr).join(', ') + ']';
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyStringRepr(k)}: ${pyRepr(v)}`);
    return '{' + fields.join(', ') + '}';
  }
  return String(value);
}
