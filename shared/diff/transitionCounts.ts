/**
 * Which transitions each run made that the other did not, as a multiset
 * difference: a transition A made 5 times and B 3 times counts 2 for A. This
 * says what changed overall even when the sequences diverged early and
 * never lined up again (a shift by one step makes every later position
 * differ, but the counts stay honest).
 */
import { transitionKey, type Transition } from './Transition.ts';

export interface TransitionTally {
  from: string;
  signal: string;
  to: string;
  /** How often each run made it. */
  a: number;
  b: number;
}

export interface TransitionCounts {
  /** Σ max(0, a − b): transitions A made that B did not. */
  onlyA: number;
  /** Σ max(0, b − a). */
  onlyB: number;
  /** Every transition the runs made a different number of times, the largest difference first. */
  differing: TransitionTally[];
}

export function transitionCounts(a: readonly Transition[], b: readonly Transition[]): TransitionCounts {
  // Insertion order (first appearance, A before B) breaks ties, so output is stable.
  const tallies = new Map<string, TransitionTally>();
  const tally = (t: Transition): TransitionTally => {
    const key = transitionKey(t);
    let entry = tallies.get(key);
    if (!entry) tallies.set(key, (entry = { from: t.from, signal: t.signal, to: t.to, a: 0, b: 0 }));
    return entry;
  };
  for (const t of a) tally(t).a++;
  for (const t of b) tally(t).b++;
  let onlyA = 0;
  let onlyB = 0;
  const differing: TransitionTally[] = [];
  for (const entry of tallies.values()) {
    if (entry.a === entry.b) continue;
    onlyA += Math.max(0, entry.a - entry.b);
    onlyB += Math.max(0, entry.b - entry.a);
    differing.push(entry);
  }
  differing.sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b));
  return { onlyA, onlyB, differing };
}
