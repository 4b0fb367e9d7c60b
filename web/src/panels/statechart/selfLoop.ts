/**
 * A self-transition drawn as a loop beside its state, with its label past
 * the loop. ELK routes a self-loop as a 10 px stub on one side of the box
 * (too small to see or to hold an arrowhead); it does reserve room there
 * for the label, which buildElkGraph widens by the loop's reach, so the
 * loop is drawn on the side ELK chose, in that room.
 *
 *        ┌────────┐
 *     ╭──┤        │      the loop leaves the box near its top and
 *  sig│  │ state  │      comes back a little lower, bulging LOOP_REACH
 *     ╰─▶┤        │      outward; the label sits just past the bulge
 *        └────────┘
 */

export interface LoopBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LoopGeometry {
  /** SVG path (a cubic curve from the box back to it). */
  path: string;
  /** Where the label's text is anchored, and which way it runs. */
  label: { x: number; y: number; anchor: 'start' | 'end' };
}

/** How far the loop reaches out of the box (drawing units). */
export const LOOP_REACH = 26;
/** Gap between the loop's bulge and its label. */
export const LOOP_LABEL_GAP = 5;
/** Vertical distance between where the loop leaves and re-enters the box. */
const LOOP_SPAN = 16;

export function selfLoop(box: LoopBox, side: 'left' | 'right'): LoopGeometry {
  // Near the top, so a compound state's loop stays by its name, not its children.
  const middle = box.y + Math.min(box.height / 2, 18);
  const y1 = middle - LOOP_SPAN / 2;
  const y2 = middle + LOOP_SPAN / 2;
  const edge = side === 'right' ? box.x + box.width : box.x;
  const out = side === 'right' ? 1 : -1;
  // A cubic's bulge reaches 3/4 of its control points' offset.
  const c = edge + out * (LOOP_REACH * 4) / 3;
  const path = `M${r(edge)},${r(y1)} C${r(c)},${r(y1 - LOOP_SPAN * 0.6)} ${r(c)},${r(y2 + LOOP_SPAN * 0.6)} ${r(edge)},${r(y2)}`;
  const labelX = edge + out * (LOOP_REACH + LOOP_LABEL_GAP);
  return { path, label: { x: r(labelX), y: r(middle + 4), anchor: side === 'right' ? 'start' : 'end' } };
}

/** The side ELK put the loop on: where its route leaves the box. */
export function loopSide(box: LoopBox, routeX: number | undefined): 'left' | 'right' {
  return routeX !== undefined && routeX < box.x + box.width / 2 ? 'left' : 'right';
}

function r(n: number): number {
  return Math.round(n * 10) / 10;
}
