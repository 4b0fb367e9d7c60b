/**
 * String measures that behave like the Ruby of `sequence.rb`.
 *
 * The compatible export must match that program byte for byte, and three of
 * JavaScript's defaults disagree with Ruby on inputs the goldens contain:
 *  - `String.length` counts UTF-16 units; Ruby counts code points (`Über`
 *    is 4 wide, `😀` is 1), so widths and centring use {@link codePointLength};
 *  - `String.prototype.trim` also removes Unicode spaces (NBSP, U+2028 …);
 *    Ruby's `strip` removes only ASCII whitespace and NUL;
 *  - there is no `center`; Ruby's puts the odd spare space on the right.
 * These are the only text primitives the ASCII drawing needs.
 */

/** Ruby's whitespace for `strip`: NUL, TAB, LF, VT, FF, CR, space. */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x00;
}

/** Number of Unicode code points (a surrogate pair counts once). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/** Removes ASCII whitespace and NUL from both ends (Ruby `strip`). */
export function stripAscii(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start += 1;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

/** Removes trailing ASCII whitespace and NUL (Ruby `rstrip`). */
export function rstripAscii(text: string): string {
  let end = text.length;
  while (end > 0 && isAsciiSpace(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/**
 * Ruby's `center(width)`: pads with spaces to `width` code points, the
 * smaller half of the spare space on the left. Text at least `width` long is
 * returned unchanged.
 */
export function centerText(text: string, width: number): string {
  const spare = width - codePointLength(text);
  if (spare <= 0) return text;
  const left = Math.floor(spare / 2);
  return ' '.repeat(left) + text + ' '.repeat(spare - left);
}

/** Ruby's `ljust(width)`: pads with spaces on the right to `width` code points. */
export function padEndText(text: string, width: number): string {
  const spare = width - codePointLength(text);
  return spare > 0 ? text + ' '.repeat(spare) : text;
}
