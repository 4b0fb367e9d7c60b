/**
 * JSON text exactly as Python's `json.dumps(value)` writes it with default
 * arguments — the format of a miros-rabbitmq mesh event
 * (`{"signal_name": "x", "payload": …}`), which Python nodes parse and which
 * we want byte-identical so a recorded message compares equal either way:
 *
 * - separators `", "` and `": "`;
 * - every non-ASCII character escaped as `\uXXXX` (surrogate pairs beyond the BMP);
 * - NaN and ±Infinity written bare (`NaN`, `Infinity`, `-Infinity`);
 * - floats with Python's `repr` (`1e+16`, `1e-05`); JavaScript cannot tell
 *   `1.0` from `1`, so integral numbers are written as ints.
 *
 * Values JSON cannot hold (undefined, functions, symbols) are refused, not
 * dropped: a lost payload would be a silent change in meaning.
 *
 * The one implementation in the project: the runtime's `Event.dumps` and the
 * wire's mesh items both write through it. Pure and isomorphic (no Node
 * APIs). Hand-written because no JS serializer offers Python's defaults.
 */
export function pythonJsonDumps(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return pythonJsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return pythonFloatRepr(value);
    case 'bigint':
      return value.toString();
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
      const entries = value instanceof Map ? [...value.entries()] : Object.entries(value as object);
      return `{${entries.map(([k, v]) => `${pythonJsonString(keyText(k))}: ${pythonJsonDumps(v)}`).join(', ')}}`;
    }
    default:
      throw new TypeError(`Object of type ${typeof value} is not JSON serializable`);
  }
}

function keyText(key: unknown): string {
  // Python's json.dumps turns int/float/bool/None keys into their JSON text.
  if (typeof key === 'string') return key;
  if (key === null || typeof key === 'number' || typeof key === 'boolean' || typeof key === 'bigint') return pythonJsonDumps(key);
  throw new TypeError(`keys must be str, int, float, bool or None, not ${typeof key}`);
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function pythonJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (SHORT_ESCAPES[ch]) out += SHORT_ESCAPES[ch];
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Python's `float.__repr__` for finite numbers; ints for integral values below 1e16. */
function pythonFloatRepr(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return Object.is(n, -0) ? '-0.0' : String(n);
  // Shortest round-trip digits (both languages agree on these), laid out
  // the way repr does: scientific when the exponent is < -4 or >= 16.
  const [mantissa, expText] = n.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let body: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    body = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    body = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length > exp + 1) {
    body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  } else {
    body = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  }
  return negative ? `-${body}` : body;
}
