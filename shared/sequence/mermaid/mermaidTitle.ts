/**
 * Text for a sequence diagram's `title` line, which Mermaid draws above the
 * diagram — so an exported SVG or PNG says which chart and which log it
 * shows. Mermaid's lexer reads a title as `title` followed by anything but
 * `#`, `;` or a line end, so the entity codes labels use (`#59;`) cannot
 * appear there: those characters (and `%`, `<`, `>`, which Mermaid would
 * read as a comment or HTML) become their full-width look-alikes, control
 * characters visible escapes.
 */

/** Longest title (in code points). */
export const MAX_TITLE = 300;

const LOOK_ALIKE: Record<string, string> = { '#': '＃', ';': '；', '%': '％', '<': '‹', '>': '›' };

export function mermaidTitle(text: string): string {
  const points = Array.from(text);
  const shown = points.length > MAX_TITLE ? [...points.slice(0, MAX_TITLE - 1), '…'] : points;
  let out = '';
  for (const ch of shown) {
    const code = ch.codePointAt(0)!;
    if (LOOK_ALIKE[ch]) out += LOOK_ALIKE[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  // A title that is only spaces would leave `title` alone on its line, which Mermaid rejects.
  return out.trim() === '' ? '?' : out.trim();
}
