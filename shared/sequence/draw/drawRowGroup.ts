/**
 * Draws one step of a chart diagram: 2 lines for an arrow between two state
 * columns, 5 for a self transition. Shared by the `sequence.rb`-compatible
 * export and our numbered renderer so both draw the same pictures.
 *
 * A line is a row of segments, one per column; a segment starts at its
 * column's bar and is W wide, except the last column's, which is just its bar:
 *
 *     col 0          col 1          col 2
 *     +--to_inner()->|              |          line 1: labelled segment
 *     |     (3)      |              |          line 2: marker under the label
 *
 *     +<-------------+--back_two()--|          a left arrow across columns:
 *                                              tail `+<`, crossings `+`, label
 *                                              in the segment at the source
 *     +                                        self transition (5 lines)
 *      \ (3)
 *      tick()
 *      /
 *     <
 *
 * Lines come back without the chart indent and with their trailing spaces;
 * the chart assembler adds the indent and trims.
 */
import { centerText, codePointLength, padEndText } from '../text/rubyText.ts';

export interface RowGrid {
  /** Number of columns N (at least 1). */
  columns: number;
  /** Column width W (odd, at least label + 4). */
  width: number;
  /**
   * Copy `sequence.rb`'s bug: a one-step left arrow from column N-2 is drawn
   * in segment N-2 (between N-2 and N-1) instead of segment N-3.
   */
  misplaceLeftStepFromSecondLast?: boolean;
}

export interface RowStep {
  from: number;
  to: number;
  /** The arrow label, e.g. `to_inner()`. */
  label: string;
  /** The number under the label, e.g. `(?)` or `(7)`. */
  marker: string;
}

/**
 * The labelled piece of an arrow. The label sits one character right of plain
 * centring (as `sequence.rb` draws it); the first character is the `+` on the
 * bar, the second `<` for a left arrow, the last `>` when the head is here.
 */
export function labelledSegment(label: string, width: number, left: boolean, head: boolean): string {
  const spare = width - codePointLength(label);
  const before = Math.floor(spare / 2);
  const after = spare - before;
  return (
    '+' +
    (left ? '<' : '-') +
    '-'.repeat(Math.max(0, before - 1)) +
    label +
    '-'.repeat(Math.max(0, after - 2)) +
    (head ? '>' : '-')
  );
}

/** Whether a step's arrow is the one `sequence.rb` draws one column too far right. */
export function isMisplacedLeftStep(step: Pick<RowStep, 'from' | 'to'>, columns: number): boolean {
  return step.to === step.from - 1 && step.from === columns - 2;
}

export function drawRowGroup(step: RowStep, grid: RowGrid): string[] {
  const { columns, width } = grid;
  const idle = '|' + ' '.repeat(width - 1);
  const blankRow = (): string[] => Array.from({ length: columns }, (_, k) => (k === columns - 1 ? '|' : idle));
  const half = ' '.repeat(Math.floor(width / 2));
  const join = (segments: string[]): string => half + segments.join('');
  const { from: i, to: j, label } = step;
  const marked = '|' + centerText(step.marker, width - 1);

  if (i === j) {
    const pieces = ['+', ` \\ ${step.marker}`, ` ${label}`, ' /', '<'];
    return pieces.map((piece) => {
      const row = blankRow();
      row[i] = i === columns - 1 ? piece : padEndText(piece, width);
      return join(row);
    });
  }

  const top = blankRow();
  const bottom = blankRow();
  const through = '+' + '-'.repeat(width - 1);
  let labelAt: number;
  if (j > i) {
    labelAt = i;
    top[i] = labelledSegment(label, width, false, j === i + 1);
    for (let k = i + 1; k <= j - 2; k += 1) top[k] = through;
    if (j > i + 1) top[j - 1] = '+' + '-'.repeat(width - 2) + '>';
  } else if (j === i - 1) {
    labelAt = grid.misplaceLeftStepFromSecondLast && isMisplacedLeftStep(step, columns) ? i : j;
    top[labelAt] = labelledSegment(label, width, true, false);
  } else {
    labelAt = i - 1;
    top[j] = '+<' + '-'.repeat(width - 2);
    for (let k = j + 1; k <= i - 2; k += 1) top[k] = through;
    top[i - 1] = labelledSegment(label, width, false, false);
  }
  bottom[labelAt] = marked;
  return [join(top), join(bottom)];
}
