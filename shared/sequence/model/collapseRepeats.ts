/**
 * Collapses a system view's repeated exchanges: a cycle of items that
 * happens again and again in a row (the battery heating and cooling, two
 * charts swapping states) is drawn once, followed by a marker "×N" that
 * stands for the N − 1 identical cycles after it.
 *
 *     1 A: to_inner          1 A: to_inner
 *     2 A → B other_to_inner 2 A → B other_to_inner
 *     3 A: to_outer     ⇒    3 A: to_outer
 *     4 A: to_inner          ×3: the 3 events above, 2 more times (4–9)
 *     …  (9 in all)
 *
 * Items are alike when they show the same thing: chart, signal, payload,
 * states, sender and receivers, whether inferred — not their numbers or
 * times. Greedy from the start: at each item the cycle (up to
 * `maxCycle` long) that covers the most items wins, when it occurs at
 * least `minTimes` times in a row. Pure; O(n · maxCycle) comparisons per
 * covered item.
 */
import type { SystemItem } from '../SequenceModel.ts';

export interface RepeatMarker {
  type: 'repeat';
  /** How many times the cycle occurred in a row, the one drawn included. */
  times: number;
  /** Items in one cycle. */
  length: number;
  /** The first and last number the collapsed (undrawn) cycles held. */
  fromN: number;
  toN: number;
  /** Lifelines the cycle involves. */
  lifelines: string[];
}

export type CollapsedItem = SystemItem | RepeatMarker;

export interface CollapseOptions {
  /** Longest cycle looked for (default 12). */
  maxCycle?: number;
  /** Fewest occurrences in a row worth collapsing (default 3). */
  minTimes?: number;
}

function signature(item: SystemItem): string {
  if (item.type === 'state') return JSON.stringify(['s', item.chart, item.signal, item.payload ?? null, item.from, item.to, item.causedBy !== undefined, item.inferredFrom !== undefined, item.noSendSeen ?? false]);
  return JSON.stringify(['m', item.from, item.signal, item.payload ?? null, item.to, item.inferred ?? false]);
}

export function collapseRepeats(items: readonly SystemItem[], options: CollapseOptions = {}): CollapsedItem[] {
  const maxCycle = options.maxCycle ?? 12;
  const minTimes = Math.max(2, options.minTimes ?? 3);
  const keys = items.map(signature);
  const out: CollapsedItem[] = [];
  let i = 0;
  while (i < items.length) {
    let best: { length: number; times: number } | null = null;
    for (let length = 1; length <= maxCycle && i + length * minTimes <= items.length; length++) {
      let times = 1;
      while (i + (times + 1) * length <= items.length && sameRun(keys, i, i + times * length, length)) times++;
      if (times >= minTimes && (!best || length * times > best.length * best.times)) best = { length, times };
    }
    if (!best) {
      out.push(items[i]!);
      i++;
      continue;
    }
    const cycle = items.slice(i, i + best.length);
    const hidden = items.slice(i + best.length, i + best.length * best.times);
    const numbers = hidden.map((item) => item.n);
    const lifelines = [...new Set(cycle.flatMap((item) => (item.type === 'state' ? [item.chart] : [item.from, ...item.to])))];
    out.push(...cycle, { type: 'repeat', times: best.times, length: best.length, fromN: Math.min(...numbers), toN: Math.max(...numbers), lifelines });
    i += best.length * best.times;
  }
  return out;
}

function sameRun(keys: readonly string[], a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (keys[a + k] !== keys[b + k]) return false;
  return true;
}
