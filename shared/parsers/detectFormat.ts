/**
 * Guesses the format of a saved log from a sample of its start (the first
 * few kilobytes are plenty): the first non-blank lines vote for the format
 * that reads them, the same rule the parser itself applies. When no line is
 * recognised the answer is `miros-trace`, the format of miros's own output.
 */
import type { LineContext } from './LineContext.ts';
import type { LogFormat } from './ParsedLog.ts';
import { FormatTally } from './FormatTally.ts';
import { isBlankLine, readLine } from './readLine.ts';

export function detectFormat(sample: string): LogFormat {
  const tally = new FormatTally();
  const ctx: LineContext = { seq: 1, received: 0, line: 0, file: undefined, format: null, strictJson: false };
  let start = sample.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < sample.length && !tally.full) {
    let nl = sample.indexOf('\n', start);
    if (nl < 0) nl = sample.length;
    const raw = sample.slice(start, nl > start && sample.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
    start = nl + 1;
    ctx.line++;
    if (isBlankLine(raw)) continue;
    ctx.format = null;
    const outcome = readLine(ctx, raw);
    tally.add(typeof outcome === 'object' && outcome !== null ? ctx.format : null);
  }
  return tally.winner() ?? 'miros-trace';
}
