/**
 * Where two runs of a chart part ways: the first position at which their
 * transition sequences differ, ignoring timestamps. When one sequence is a
 * prefix of the other, they part where the shorter one ends: that side's
 * transition is null (it made no further transition). Equal sequences have
 * no divergence.
 *
 *   A: start_at  to_inner  to_outer  to_inner
 *   B: start_at  to_inner  other_to_outer …
 *                          ^ index 2
 */
import { sameTransition, type Transition } from './Transition.ts';

export interface Divergence {
  /** 0-based position in both sequences. */
  index: number;
  /** A's transition there, or null when A ended. */
  a: Transition | null;
  /** B's transition there, or null when B ended. */
  b: Transition | null;
}

export function firstDivergence(a: readonly Transition[], b: readonly Transition[]): Divergence | null {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    if (!sameTransition(a[i]!, b[i]!)) return { index: i, a: a[i]!, b: b[i]! };
  }
  if (a.length === b.length) return null;
  return { index: common, a: a[common] ?? null, b: b[common] ?? null };
}
