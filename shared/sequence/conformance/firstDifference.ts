/**
 * Where two outputs first differ, for a failing golden case: the 1-based
 * line and both versions of it, with whitespace made visible. Kept apart
 * from the runner (which needs Node for the files) so it is plain code that
 * tests can call directly.
 */

export interface OutputDifference {
  /** 1-based line number. */
  line: number;
  /** The line with visible whitespace, or `<end of file>`. */
  expected: string;
  actual: string;
}

const NAMES: Record<string, string> = { ' ': '·', '\t': '→', '\r': '␍', '\x1b': '␛', '\0': '␀' };

/**
 * Shows spaces as `·`, tabs as `→`, CR as `␍`, ESC as `␛`, NUL as `␀`, other
 * control characters as `\xNN`, and ends the line with `$` (as `cat -A`
 * does), so trailing whitespace can be seen.
 */
export function visibleWhitespace(line: string): string {
  let out = '';
  for (const ch of line) {
    const code = ch.codePointAt(0)!;
    out += NAMES[ch] ?? (code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : ch);
  }
  return `${out}$`;
}

function splitKeepingEnd(text: string): string[] {
  // 'a\nb\n' → ['a\n', 'b\n']: a missing final LF is a difference too.
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export function firstDifference(expected: string, actual: string): OutputDifference | null {
  if (expected === actual) return null;
  const want = splitKeepingEnd(expected);
  const got = splitKeepingEnd(actual);
  for (let k = 0; ; k += 1) {
    if (want[k] === got[k]) continue;
    const show = (line: string | undefined): string =>
      line === undefined ? '<end of file>' : line.endsWith('\n') ? visibleWhitespace(line.slice(0, -1)) : `${visibleWhitespace(line)} (no LF)`;
    return { line: k + 1, expected: show(want[k]), actual: show(got[k]) };
  }
}
