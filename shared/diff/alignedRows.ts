/**
 * The two sequences side by side around a position: row i holds A's and B's
 * i-th transition, so the runs line up at the divergence (and before it,
 * where they agree). After the divergence the rows keep pairing by
 * position, which is what "aligned at that point" means; the counts say
 * what happened overall.
 */
import { sameTransition, type Transition } from './Transition.ts';

export interface AlignedRow {
  /** 0-based position in both sequences. */
  index: number;
  a: Transition | null;
  b: Transition | null;
  /** Both sides have the same transition here. */
  same: boolean;
}

export interface RowWindow {
  /** Positions before `at` to show (default 3). */
  before?: number;
  /** Positions from `at` on to show, `at` included (default 4). */
  after?: number;
}

/** Rows [at − before, at + after), clipped to the longer sequence. */
export function alignedRows(a: readonly Transition[], b: readonly Transition[], at: number, window: RowWindow = {}): AlignedRow[] {
  const from = Math.max(0, at - (window.before ?? 3));
  const to = Math.min(Math.max(a.length, b.length), at + (window.after ?? 4));
  const rows: AlignedRow[] = [];
  for (let index = from; index < to; index++) {
    const ta = a[index] ?? null;
    const tb = b[index] ?? null;
    rows.push({ index, a: ta, b: tb, same: ta !== null && tb !== null && sameTransition(ta, tb) });
  }
  return rows;
}
