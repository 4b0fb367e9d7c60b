/**
 * The Compare view's pairing, applied: the automatic matching (by name
 * without hex prefixes, or by the user's pattern) with the user's own
 * choices on top. A choice names, for a chart of A, the chart of B to
 * compare it with, or null to leave it unpaired. Pure, so the view only
 * renders what this returns.
 */
import { diffRuns, type RunDiff } from '../../../../shared/diff/diffRuns.ts';
import type { RunTransitions } from '../../../../shared/diff/RunTransitions.ts';

export interface PairingChoice {
  /** A regular expression (its first group is the key); empty: names without hex prefixes. */
  pattern: string;
  /** A chart of A → the chart of B chosen by hand, or null for "compare with nothing". */
  chosen: Readonly<Record<string, string | null>>;
}

export type PairingResult = { diff: RunDiff; error: null } | { diff: null; error: string };

export function comparePairing(a: RunTransitions, b: RunTransitions, choice: PairingChoice): PairingResult {
  let pattern: RegExp | undefined;
  if (choice.pattern.trim() !== '') {
    try {
      pattern = new RegExp(choice.pattern);
    } catch (error) {
      return { diff: null, error: `pattern: ${(error as Error).message}` };
    }
  }
  const pairs = Object.entries(choice.chosen)
    .filter((entry): entry is [string, string] => entry[1] !== null && a.charts.has(entry[0]))
    .map(([chartA, chartB]) => ({ a: chartA, b: chartB }));
  let diff: RunDiff;
  try {
    diff = diffRuns(a, b, { ...(pattern ? { pattern } : {}), pairs });
  } catch (error) {
    return { diff: null, error: (error as Error).message };
  }
  const unpair = new Set(Object.keys(choice.chosen).filter((name) => choice.chosen[name] === null));
  if (unpair.size === 0) return { diff, error: null };
  const kept = diff.charts.filter((c) => !unpair.has(c.pair.a));
  const dropped = diff.charts.filter((c) => unpair.has(c.pair.a));
  const onlyA = [...diff.onlyA, ...dropped.map((c) => ({ name: c.pair.a, transitions: c.a.length }))];
  const onlyB = [...diff.onlyB, ...dropped.map((c) => ({ name: c.pair.b, transitions: c.b.length }))];
  return {
    diff: { ...diff, charts: kept, onlyA, onlyB, identical: onlyA.length === 0 && onlyB.length === 0 && kept.every((c) => c.divergence === null) },
    error: null,
  };
}
