/**
 * The text literals of pickle protocol 0 (INT, LONG, FLOAT, STRING, UNICODE,
 * PUT/GET), read the way CPython reads them: `int(text, 0)`, `float(text)`,
 * `codecs.escape_decode` and `raw_unicode_escape`. Protocol 0 is what Python 2
 * and `pickle.dumps(x, 0)` write; miros-rabbitmq never does, but a decoder
 * that claims protocols 0–5 must read them exactly or refuse them.
 *
 * Each function returns null for text Python would refuse; the caller turns
 * that into a PickleError with the opcode's offset.
 */

const INT_LITERAL = /^\s*([+-]?)(0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|0(?:_?0)*|[1-9](?:_?[0-9])*)\s*$/;
const FLOAT_LITERAL =
  /^\s*[+-]?(?:(?:[0-9](?:_?[0-9])*)?(?:\.(?:[0-9](?:_?[0-9])*)?)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?|inf|infinity|nan)\s*$/i;

/** Python's `int(text, 0)`: a number when it is a safe integer, else a bigint. */
export function parseIntLiteral(text: string): number | bigint | null {
  const m = INT_LITERAL.exec(text);
  if (!m) return null;
  const digits = m[2]!.replace(/_/g, '');
  // BigInt() reads 0x/0o/0b prefixes itself.
  const value = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  return narrowInt(value);
}

/** Python's `float(text)`. */
export function parseFloatLiteral(text: string): number | null {
  if (!FLOAT_LITERAL.test(text) || !/[0-9]|inf|nan/i.test(text)) return null;
  const t = text.trim().replace(/_/g, '').toLowerCase();
  const sign = t.startsWith('-') ? -1 : 1;
  const body = t.replace(/^[+-]/, '');
  if (body === 'nan') return NaN;
  if (body === 'inf' || body === 'infinity') return sign * Infinity;
  const value = Number(t);
  return Number.isNaN(value) ? null : value;
}

/** A bigint as a number when that loses nothing. */
export function narrowInt(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

const SIMPLE_ESCAPES: Record<string, number> = {
  '\\': 0x5c, "'": 0x27, '"': 0x22, a: 0x07, b: 0x08, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b,
};

/**
 * The STRING opcode's argument: a quoted Python 2 `repr` of bytes, decoded
 * with `codecs.escape_decode` and then as ASCII (pickle.loads's default).
 */
export function parseQuotedString(text: string): string | null {
  if (text.length < 2 || text[0] !== text[text.length - 1] || (text[0] !== '"' && text[0] !== "'")) return null;
  const body = text.slice(1, -1);
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c !== 0x5c) {
      out.push(c);
      continue;
    }
    const next = body[++i];
    if (next === undefined) return null; // a trailing lone backslash
    if (next in SIMPLE_ESCAPES) out.push(SIMPLE_ESCAPES[next]!);
    else if (next === '\n') continue;
    else if (next === 'x') {
      const hex = body.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      out.push(parseInt(hex, 16));
      i += 2;
    } else if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      out.push(parseInt(oct, 8) & 0xff);
      i += oct.length - 1;
    } else out.push(0x5c, next.charCodeAt(0));
  }
  if (out.some((b) => b > 0x7f)) return null;
  // Bytes to text through a Buffer, not String.fromCharCode(...out): a spread of
  // more than ~125k arguments overflows the stack.
  return Buffer.from(out).toString('latin1');
}

/** The UNICODE opcode's argument: `raw_unicode_escape` (latin-1 plus \uXXXX and \UXXXXXXXX). */
export function parseRawUnicodeEscape(latin1: string): string | null {
  let out = '';
  for (let i = 0; i < latin1.length; i++) {
    const ch = latin1[i]!;
    const kind = latin1[i + 1];
    if (ch === '\\' && (kind === 'u' || kind === 'U')) {
      const width = kind === 'u' ? 4 : 8;
      const hex = latin1.slice(i + 2, i + 2 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) return null;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return null;
      out += String.fromCodePoint(code);
      i += 1 + width;
    } else out += ch;
  }
  return out;
}
