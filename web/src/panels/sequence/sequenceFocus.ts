/**
 * Which event of a drawn window is "current", and how a click on a drawn
 * label finds its record, so the sequence panel follows the cursor and
 * moves it (issue 10: with the cursor at event 38 the panel still showed
 * events 1–18; "latest 50" read "2–47 of 47" because event 1, a mesh
 * message, is drawn only in the System view).
 *
 * The panel draws the latest events up to the cursor, so the current event
 * is the latest one drawn; Mermaid writes each label as `12: to_inner()`
 * (our number first), which is how a label is found in the SVG.
 */
import type { SequenceModel } from '../../../../shared/sequence/SequenceModel.ts';
import type { SequenceView } from './sequenceWindow.ts';

export interface WindowSpan {
  /** Smallest and largest number in the window: steps and messages alike. */
  first: number;
  last: number;
  /** The latest event drawn in this view: the one at the cursor, marked and scrolled to. */
  current: number | null;
  /** Numbers drawn in this view, in drawing order. */
  drawn: number[];
}

export function windowSpan(model: SequenceModel, view: SequenceView): WindowSpan | null {
  const items = model.system.items;
  if (items.length === 0) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  // An inferred arrow has no number of its own (it shows its sending move's), so it counts for nothing here.
  const numbered = items.filter((i) => i.type !== 'message' || !i.inferred);
  if (numbered.length === 0) return null;
  for (const item of numbered) {
    first = Math.min(first, item.n);
    last = Math.max(last, item.n);
  }
  const drawn = view.kind === 'system' ? numbered.map((i) => i.n) : model.charts.flatMap((c) => c.steps.map((s) => s.n));
  const current = drawn.length > 0 ? Math.max(...drawn) : null;
  return { first, last, current, drawn };
}

/** The record seq of the event numbered `n` in the window, if it is there. */
export function seqOfNumber(model: SequenceModel, n: number): number | undefined {
  return model.system.items.find((item) => item.n === n && (item.type !== 'message' || !item.inferred))?.seq;
}

/** The number a drawn label starts with (`12: to_inner()` → 12), or null. */
export function labelNumber(text: string | null | undefined): number | null {
  const match = /^(\d+): /.exec(text ?? '');
  return match ? Number(match[1]) : null;
}
