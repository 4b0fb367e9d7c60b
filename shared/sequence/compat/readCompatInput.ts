/**
 * Line selection for the compatible export: splits the input as
 * `sequence.rb` does, removes the bracket prefix, keeps the transition lines
 * and works out the output indent.
 *
 *   - split on LF only (a CR stays part of its line and widens columns);
 *   - zero-length lines at the very end do not exist (they matter only for
 *     the indent, which comes from the last line: its leading spaces when
 *     they are followed by `[`, else none).
 *
 * Where `sequence.rb` would abort, we keep going instead: a line whose only
 * problem is ANSI colour (miros-rabbitmq's coloured chart names) is read
 * again with the colour codes removed; any other such line is skipped. Both
 * are reported, so the caller can warn. Lines are only ever re-read when
 * `sequence.rb` would have aborted, so inputs it accepts give its bytes.
 */
import type { CompatLine } from './orderCompatChart.ts';
import { parseCompatLine } from './parseCompatLine.ts';
import { removeBracketPrefix } from './removeBracketPrefix.ts';

// CSI sequences (`ESC [ 34 m`, `ESC [ 0 m` …): what terminals use for colour.
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

export interface SkippedCompatLine {
  line: number;
  reason: string;
}

export interface CompatInput {
  /** Transition lines by chart, charts in order of first appearance. */
  charts: Map<string, CompatLine[]>;
  indent: string;
  /** Lines `sequence.rb` would abort on that were left out. */
  skipped: SkippedCompatLine[];
  /** Lines read only after removing ANSI colour codes. */
  decoloured: number[];
  /** Lines read with balanced parentheses in the payload. */
  lenient: number[];
}

export function splitCompatLines(input: string): string[] {
  const lines = input.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function compatIndent(lastLine: string | undefined): string {
  const match = lastLine === undefined ? null : /^( +)\[/.exec(removeBracketPrefix(lastLine));
  return match ? match[1]! : '';
}

export function readCompatInput(input: string): CompatInput {
  const raw = splitCompatLines(input);
  const result: CompatInput = { charts: new Map(), indent: compatIndent(raw[raw.length - 1]), skipped: [], decoloured: [], lenient: [] };
  raw.forEach((original, index) => {
    const line = index + 1;
    let text = removeBracketPrefix(original);
    let parsed = parseCompatLine(text);
    if (parsed.kind === 'abort') {
      const plain = original.replace(ANSI, '');
      const retry = plain === original ? parsed : parseCompatLine(removeBracketPrefix(plain));
      if (retry.kind !== 'transition') {
        result.skipped.push({ line, reason: parsed.reason });
        return;
      }
      text = removeBracketPrefix(plain);
      parsed = retry;
      result.decoloured.push(line);
    }
    if (parsed.kind !== 'transition') return;
    if (parsed.lenient) result.lenient.push(line);
    const entry: CompatLine = { ...parsed, line, text };
    const chart = result.charts.get(parsed.chart);
    if (chart) chart.push(entry);
    else result.charts.set(parsed.chart, [entry]);
  });
  return result;
}
