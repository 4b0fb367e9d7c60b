/**
 * A run comparison as terminal text (`miroscope diff`): per chart pair the
 * names, the first divergence with both transitions and their timestamps,
 * the counts, and the two sequences side by side around the divergence.
 *
 *   == ao: 4c1d2_ao (A) ~ 9e0f1_ao (B), paired by name
 *      first divergence at transition 4 (A made 7, B made 8)
 *        A  to_inner() outer->inner          2026-01-02 03:04:11.000000
 *        B  other_to_inner() outer->inner    2026-01-02 03:04:10.000000
 *      only in A: 1   1x to_inner() outer->inner
 *      only in B: 2   2x other_to_inner() outer->inner
 *
 *          #  A 4c1d2_ao                       B 9e0f1_ao
 *          3  to_outer() inner->outer       |  to_outer() inner->outer
 *      >   4  to_inner() outer->inner       !  other_to_inner() outer->inner
 *
 * Transitions are numbered from 1 as in the sequence diagrams; `|` joins
 * equal rows, `!` differing ones, `>` marks the divergence. Plain ASCII so
 * it reads the same in any terminal and log.
 */
import { alignedRows, type RowWindow } from './alignedRows.ts';
import type { ChartDiff, RunDiff } from './diffRuns.ts';
import { transitionLabel, transitionStamp, type Transition } from './Transition.ts';
import type { TransitionTally } from './transitionCounts.ts';

export interface FormatOptions extends RowWindow {
  /** Longest transition label in the side-by-side window before it is cut (default 44). */
  columnWidth?: number;
  /** Differing transitions listed per side (default 5). */
  tallies?: number;
}

export function formatRunDiff(diff: RunDiff, options: FormatOptions = {}): string {
  const out: string[] = [];
  out.push(`A: ${diff.nameA}`, `B: ${diff.nameB}`, '');
  for (const chart of diff.charts) out.push(...formatChart(chart, options), '');
  for (const [side, charts] of [['A', diff.onlyA], ['B', diff.onlyB]] as const) {
    for (const c of charts) out.push(`== ${c.name}: only in ${side} (${plural(c.transitions, 'transition')}); no chart of the other run matches`, '');
  }
  const differ = diff.charts.filter((c) => c.divergence !== null).length;
  out.push(
    `${plural(diff.charts.length, 'chart pair')} compared: ${differ} differ, ${diff.charts.length - differ} identical; ` +
      `${diff.onlyA.length} only in A, ${diff.onlyB.length} only in B`,
  );
  return out.join('\n') + '\n';
}

export function formatChart(chart: ChartDiff, options: FormatOptions = {}): string[] {
  const { pair, divergence, counts } = chart;
  const head = `== ${pair.by === 'hand' ? 'chosen' : pair.key}: ${pair.a} (A) ~ ${pair.b} (B), paired by ${pair.by}`;
  if (!divergence) return [`${head}`, `   identical: ${plural(chart.a.length, 'transition')}`];
  const width = options.columnWidth ?? 44;
  const lines = [
    head,
    `   first divergence at transition ${divergence.index + 1} (A made ${chart.a.length}, B made ${chart.b.length})`,
    `     A  ${divergenceSide(divergence.a, width)}`,
    `     B  ${divergenceSide(divergence.b, width)}`,
    `   only in A: ${tallyText(counts.onlyA, counts.differing, 'a', options.tallies ?? 5)}`,
    `   only in B: ${tallyText(counts.onlyB, counts.differing, 'b', options.tallies ?? 5)}`,
    '',
  ];
  const rows = alignedRows(chart.a, chart.b, divergence.index, options);
  const number = String(rows.length > 0 ? rows[rows.length - 1]!.index + 1 : 1).length;
  const cell = (t: Transition | null) => cut(t === null ? '(no transition)' : transitionLabel(t), width);
  const column = Math.min(width, Math.max(cut(`A ${pair.a}`, width).length, ...rows.map((r) => cell(r.a).length)));
  lines.push(`     ${' '.repeat(number - 1)}#  ${cut(`A ${pair.a}`, width).padEnd(column)}    B ${pair.b}`);
  for (const row of rows) {
    const mark = row.index === divergence.index ? '>' : ' ';
    const join = row.same ? '|' : '!';
    lines.push(`   ${mark} ${String(row.index + 1).padStart(number)}  ${cell(row.a).padEnd(column)} ${join}  ${cell(row.b)}`.trimEnd());
  }
  return lines;
}

function divergenceSide(t: Transition | null, width: number): string {
  if (t === null) return '(no further transition: the run ended here)';
  return `${transitionLabel(t).padEnd(Math.min(width, 32))}  ${transitionStamp(t)}`;
}

function tallyText(total: number, differing: readonly TransitionTally[], side: 'a' | 'b', limit: number): string {
  const mine = differing.filter((t) => (side === 'a' ? t.a > t.b : t.b > t.a));
  if (mine.length === 0) return '0';
  const shown = mine.slice(0, limit).map((t) => `${Math.abs(t.a - t.b)}x ${transitionLabel(t)}`);
  if (mine.length > limit) shown.push(`... ${mine.length - limit} more`);
  return `${total}   ${shown.join(', ')}`;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 3)}...`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
