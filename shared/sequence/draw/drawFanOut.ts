/**
 * Draws one send of the system view with all its receptions on one row:
 * a single arrow from the sender to its furthest receiver on each side,
 * with a head at every lifeline that received it, the label and the
 * number once. The per-chart arrow (drawRowGroup) is the case of one
 * receiver, and comes out the same, character for character.
 *
 *     col 0          col 1          col 2          col 3
 *     +----go()----->+--------------+------------->|       sent by 0, received by
 *     |     (5)      |              |              |       1 and 3; 2 only passed
 *
 *     +<-------------+<-------------+----go()----->|       sent by 2 to 0, 1 and 3
 *     |              |              |     (5)      |
 *
 * A passed lifeline is crossed by `+` as in the per-chart diagrams; a
 * receiving one has the arrowhead beside it (`>+` to the right, `+<` to the
 * left). The label goes right of the sender when anything is received
 * there, else left of it, as drawRowGroup puts a left arrow's.
 */
import { centerText } from '../text/rubyText.ts';
import { labelledSegment, type RowGrid } from './drawRowGroup.ts';

export interface FanOut {
  from: number;
  /** Receiving columns, none of them `from` (at least one). */
  to: readonly number[];
  label: string;
  marker: string;
}

export function drawFanOut(send: FanOut, grid: RowGrid): string[] {
  const { columns, width } = grid;
  const i = send.from;
  const receives = new Set(send.to);
  const right = send.to.filter((k) => k > i);
  const left = send.to.filter((k) => k < i);
  const idle = '|' + ' '.repeat(width - 1);
  const blankRow = (): string[] => Array.from({ length: columns }, (_, k) => (k === columns - 1 ? '|' : idle));
  const top = blankRow();
  const bottom = blankRow();
  const dashes = '-'.repeat(width - 2);
  const labelRight = right.length > 0;
  if (labelRight) {
    const far = Math.max(...right);
    top[i] = labelledSegment(send.label, width, false, receives.has(i + 1));
    for (let k = i + 1; k < far; k += 1) top[k] = '+' + dashes + (receives.has(k + 1) ? '>' : '-');
  }
  if (left.length > 0) {
    const far = Math.min(...left);
    for (let k = far; k < i; k += 1) {
      const head = receives.has(k);
      top[k] = k === i - 1 && !labelRight ? labelledSegment(send.label, width, head, false) : (head ? '+<' : '+-') + dashes;
    }
  }
  bottom[labelRight ? i : i - 1] = '|' + centerText(send.marker, width - 1);
  const half = ' '.repeat(Math.floor(width / 2));
  return [half + top.join(''), half + bottom.join('')];
}
