/**
 * The order in which `sequence.rb` draws one chart's transitions, with the
 * lines it loses on the way.
 *
 * Lines are not sorted by time. They are gathered into groups of equal
 * timestamp, emitted in the order each timestamp first appears, and each
 * group is re-chained so that the steps follow each other:
 *
 *     stamp 1:  C->D   B->C   A->B        becomes   A->B, B->C, C->D
 *
 * Re-chaining, repeated until the group is empty:
 *   1. list the group's state names (trimmed), source before target;
 *   2. start at the first name no remaining line enters from another state
 *      (untrimmed comparison); if all are entered, take the first line's
 *      source on the first round, later the target of the last pick;
 *   3. pick the first line whose untrimmed source is the start, and drop
 *      every other line with the identical text (duplicates merge);
 *   4. if no line starts there, the rest of the group is lost.
 * A group of one clean line passes unchanged; a line whose source has
 * whitespace around it never matches and is lost, as are second loops under
 * one timestamp. The losses are returned so the caller can warn.
 */
import { stripAscii } from '../text/rubyText.ts';
import type { CompatTransition } from './parseCompatLine.ts';

export interface CompatLine extends CompatTransition {
  /** 1-based line number in the input. */
  line: number;
  /** The line's text after prefix removal (what duplicates are compared on). */
  text: string;
}

export interface LostCompatLine {
  line: CompatLine;
  /** `duplicate`: merged into `of`; `unchained`: could not be placed. */
  reason: 'duplicate' | 'unchained';
  of?: CompatLine;
}

export interface OrderedCompatChart {
  kept: CompatLine[];
  lost: LostCompatLine[];
}

function firstUnenteredState(group: readonly CompatLine[]): string | undefined {
  const entered = new Set<string>();
  for (const line of group) if (line.source !== line.target) entered.add(line.target);
  for (const line of group) {
    for (const name of [stripAscii(line.source), stripAscii(line.target)]) {
      if (!entered.has(name)) return name;
    }
  }
  return undefined;
}

function rechain(group: readonly CompatLine[], out: OrderedCompatChart): void {
  let remaining = group.slice();
  let last: CompatLine | undefined;
  while (remaining.length > 0) {
    const start = firstUnenteredState(remaining) ?? (last ? last.target : remaining[0]!.source);
    const pick = remaining.find((line) => line.source === start);
    if (!pick) {
      for (const line of remaining) out.lost.push({ line, reason: 'unchained' });
      return;
    }
    out.kept.push(pick);
    const rest: CompatLine[] = [];
    for (const line of remaining) {
      if (line === pick) continue;
      if (line.text === pick.text) out.lost.push({ line, reason: 'duplicate', of: pick });
      else rest.push(line);
    }
    remaining = rest;
    last = pick;
  }
}

export function orderCompatChart(lines: readonly CompatLine[]): OrderedCompatChart {
  const groups = new Map<string, CompatLine[]>();
  for (const line of lines) {
    const group = groups.get(line.timeKey);
    if (group) group.push(line);
    else groups.set(line.timeKey, [line]);
  }
  const out: OrderedCompatChart = { kept: [], lost: [] };
  for (const group of groups.values()) rechain(group, out);
  return out;
}
