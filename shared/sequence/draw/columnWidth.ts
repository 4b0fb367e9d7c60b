/**
 * The column width W of a chart diagram.
 *
 * `sequence.rb` makes every column as wide as the longest state text or the
 * longest label plus 4 (room for `+-`, one `-` and the arrowhead), then odd so
 * that each bar has a middle. Our numbered renderer adds one more lower bound:
 * the step marker (`(123)`) must fit under a label and beside a self
 * transition's `\`, which needs marker + 4 as well.
 */
import { codePointLength } from '../text/rubyText.ts';

/** The narrowest column either renderer draws (`a()` + 4). */
export const MIN_COLUMN_WIDTH = 7;

export interface WidthInputs {
  /** State texts as they will be measured (compat: untrimmed). */
  states: Iterable<string>;
  /** Arrow labels (`sig(payload)`). */
  labels: Iterable<string>;
  /** Step markers drawn under labels (`(?)`, `(12)`). */
  markers?: Iterable<string>;
}

export function columnWidth({ states, labels, markers = [] }: WidthInputs): number {
  let width = 0;
  for (const state of states) width = Math.max(width, codePointLength(state));
  for (const label of labels) width = Math.max(width, codePointLength(label) + 4);
  for (const marker of markers) width = Math.max(width, codePointLength(marker) + 4);
  if (width % 2 === 0) width += 1;
  return Math.max(width, MIN_COLUMN_WIDTH);
}
