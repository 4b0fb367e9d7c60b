/**
 * Control characters in names, signals and payloads, made visible and
 * reversible for text that leaves the program (exports, terminals, labels).
 *
 * A name heard on the network is any string. Written as-is into a text line
 * it can end the line and start a forged one (`\n[stamp] [chart] e->…`),
 * move a terminal's cursor or recolour it (ESC, CSI), or reorder what the
 * reader sees (bidi overrides). So every such character is written as an
 * escape:
 *
 *   \n \r \t   the usual three
 *   \xHH       other C0 controls, DEL and C1 controls (U+0080–U+009F)
 *   \uHHHH     U+2028, U+2029, the bidi embeddings/overrides/isolates,
 *              and a lone surrogate half (which UTF-8 cannot carry)
 *   \\         the backslash itself
 *
 * The backslash is escaped only together with the rest: text with no control
 * character is written unchanged, because ordinary miros payloads are
 * Python's `str()` and hold backslashes of their own (`'a\nb'`) that must
 * stay byte-identical. A miros text line that needed escaping is therefore
 * marked as a whole (see formatRecord: a leading `\`), so the reader knows
 * which lines to decode.
 */

/** Characters that never go out raw (see the module comment). */
const CONTROL =
  /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
const CONTROL_OR_BACKSLASH = new RegExp(`\\\\|${CONTROL.source}`, 'g');

/** True when `text` holds a character that must not be written raw. */
export function hasControl(text: string): boolean {
  return CONTROL.test(text);
}

function escapeOne(c: string): string {
  switch (c) {
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
  }
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Reversible: every control character and every backslash escaped.
 * {@link unescapeControl} gives `text` back.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL_OR_BACKSLASH, escapeOne);
}

/**
 * For display only (diagram labels, status lines): control characters
 * escaped, backslashes left alone, and `text` itself returned when it has
 * nothing to escape. Not reversible (`\n` typed and a newline look alike),
 * which is what a label wants: ordinary text unchanged, nothing raw.
 */
export function showControl(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROL_ALL, escapeOne) : text;
}

function hexAt(text: string, start: number, length: number): number {
  if (start + length > text.length) return -1;
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/**
 * The text {@link escapeControl} was given, or null when `text` holds a
 * backslash that starts no escape (it was not written by escapeControl).
 */
export function unescapeControl(text: string): string | null {
  let backslash = text.indexOf('\\');
  if (backslash < 0) return text;
  let out = '';
  let from = 0;
  while (backslash >= 0) {
    out += text.slice(from, backslash);
    const kind = text.charCodeAt(backslash + 1);
    let code: number;
    let length = 2;
    if (kind === 92 /* \ */) code = 92;
    else if (kind === 110 /* n */) code = 10;
    else if (kind === 114 /* r */) code = 13;
    else if (kind === 116 /* t */) code = 9;
    else if (kind === 120 /* x */) {
      code = hexAt(text, backslash + 2, 2);
      length = 4;
    } else if (kind === 117 /* u */) {
      code = hexAt(text, backslash + 2, 4);
      length = 6;
    } else return null;
    if (code < 0) return null;
    out += String.fromCharCode(code);
    from = backslash + length;
    backslash = text.indexOf('\\', from);
  }
  return out + text.slice(from);
}
