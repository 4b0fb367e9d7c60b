/**
 * A run comparison as plain JSON (`miroscope diff --json`), for scripts: the
 * same facts as the text, without the runs' whole transition lists.
 * Positions are 0-based here (`index`), as in the library; the text numbers
 * transitions from 1.
 */
import type { RunDiff } from './diffRuns.ts';
import { transitionStamp, type Transition } from './Transition.ts';
import type { TransitionTally } from './transitionCounts.ts';

export type StampedTransition = Transition & { stamp: string };

export interface ChartDiffSummary {
  key: string;
  a: string;
  b: string;
  by: string;
  transitionsA: number;
  transitionsB: number;
  /** Each side's transition there, with its time as a miros stamp too. */
  divergence: { index: number; a: StampedTransition | null; b: StampedTransition | null } | null;
  onlyA: number;
  onlyB: number;
  differing: TransitionTally[];
}

export interface RunDiffSummary {
  a: string;
  b: string;
  identical: boolean;
  charts: ChartDiffSummary[];
  onlyA: { name: string; transitions: number }[];
  onlyB: { name: string; transitions: number }[];
}

export function summarizeRunDiff(diff: RunDiff): RunDiffSummary {
  return {
    a: diff.nameA,
    b: diff.nameB,
    identical: diff.identical,
    charts: diff.charts.map((c) => ({
      key: c.pair.key,
      a: c.pair.a,
      b: c.pair.b,
      by: c.pair.by,
      transitionsA: c.a.length,
      transitionsB: c.b.length,
      divergence: c.divergence && { index: c.divergence.index, a: stamped(c.divergence.a), b: stamped(c.divergence.b) },
      onlyA: c.counts.onlyA,
      onlyB: c.counts.onlyB,
      differing: c.counts.differing,
    })),
    onlyA: diff.onlyA,
    onlyB: diff.onlyB,
  };
}

function stamped(t: Transition | null): StampedTransition | null {
  return t && { ...t, stamp: transitionStamp(t) };
}
