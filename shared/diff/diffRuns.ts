/**
 * The comparison of two runs, chart by chart: pair the charts
 * (matchCharts), then for each pair the first divergence and the counts.
 * Pure: the CLI and the dashboard feed it what they read and render the
 * result their own way (formatRunDiff, the Compare view).
 */
import { firstDivergence, type Divergence } from './firstDivergence.ts';
import { matchCharts, type ChartPair, type MatchOptions } from './matchCharts.ts';
import type { RunTransitions } from './RunTransitions.ts';
import type { Transition } from './Transition.ts';
import { transitionCounts, type TransitionCounts } from './transitionCounts.ts';

export interface ChartDiff {
  pair: ChartPair;
  /** Each side's transitions (the run's own arrays, not copies). */
  a: readonly Transition[];
  b: readonly Transition[];
  /** null: the two made the same transitions in the same order. */
  divergence: Divergence | null;
  counts: TransitionCounts;
}

export interface UnpairedChart {
  name: string;
  transitions: number;
}

export interface RunDiff {
  nameA: string;
  nameB: string;
  charts: ChartDiff[];
  onlyA: UnpairedChart[];
  onlyB: UnpairedChart[];
  /** Every chart paired and none diverged. */
  identical: boolean;
}

export function diffRuns(a: RunTransitions, b: RunTransitions, options: MatchOptions = {}): RunDiff {
  const matching = matchCharts([...a.charts.keys()], [...b.charts.keys()], options);
  const charts = matching.pairs.map((pair) => diffPair(pair, a.charts.get(pair.a)!, b.charts.get(pair.b)!));
  const unpaired = (run: RunTransitions, names: string[]) => names.map((name) => ({ name, transitions: run.charts.get(name)!.length }));
  const onlyA = unpaired(a, matching.onlyA);
  const onlyB = unpaired(b, matching.onlyB);
  return {
    nameA: a.name,
    nameB: b.name,
    charts,
    onlyA,
    onlyB,
    identical: onlyA.length === 0 && onlyB.length === 0 && charts.every((c) => c.divergence === null),
  };
}

export function diffPair(pair: ChartPair, a: readonly Transition[], b: readonly Transition[]): ChartDiff {
  return { pair, a, b, divergence: firstDivergence(a, b), counts: transitionCounts(a, b) };
}
