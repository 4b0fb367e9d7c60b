/**
 * Where the statechart drawing sits in its panel: screen = content × scale
 * + (x, y). Pure functions of sizes, so fitting, zooming and panning are
 * tested without a browser.
 *
 *   fitView     the whole chart, as large as the panel allows in both
 *               directions and centred — but never smaller than readable
 *               (then it starts at the top-left and the user pans)
 *   zoomAt      scale about a point (the cursor, the panel's centre),
 *               keeping what is under it in place
 *   panBy       move, kept so the chart can never be pushed out of sight
 */

export interface View {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface ScaleLimits {
  /** The smallest scale at which every label is still readable. */
  min: number;
  max: number;
}

/** Room kept between the chart and the panel's edges (screen px). */
export const VIEW_MARGIN = 12;

/**
 * The scale at which text of `smallestFontPx` (drawing units) shows at
 * `minimumPx` on screen: the log's text size, so a label is never harder
 * to read than the log beside it.
 */
export function readableScale(smallestFontPx: number, minimumPx: number): number {
  return smallestFontPx > 0 ? minimumPx / smallestFontPx : 1;
}

export function clampScale(scale: number, limits: ScaleLimits): number {
  return Math.min(limits.max, Math.max(limits.min, scale));
}

export function fitView(content: Size, viewport: Size, limits: ScaleLimits): View {
  const room = { width: Math.max(1, viewport.width - 2 * VIEW_MARGIN), height: Math.max(1, viewport.height - 2 * VIEW_MARGIN) };
  const fit = content.width > 0 && content.height > 0 ? Math.min(room.width / content.width, room.height / content.height) : 1;
  const scale = clampScale(fit, limits);
  return clampPan({ scale, x: centre(content.width * scale, viewport.width), y: centre(content.height * scale, viewport.height) }, content, viewport);
}

/** Centred when it fits; else against the start edge (the user pans to the rest). */
function centre(extent: number, room: number): number {
  return extent + 2 * VIEW_MARGIN <= room ? (room - extent) / 2 : VIEW_MARGIN;
}

/** Zooms by `factor` about `point` (screen coordinates in the panel). */
export function zoomAt(view: View, factor: number, point: { x: number; y: number }, limits: ScaleLimits, content: Size, viewport: Size): View {
  const scale = clampScale(view.scale * factor, limits);
  const k = scale / view.scale;
  return clampPan({ scale, x: point.x - (point.x - view.x) * k, y: point.y - (point.y - view.y) * k }, content, viewport);
}

export function panBy(view: View, dx: number, dy: number, content: Size, viewport: Size): View {
  return clampPan({ scale: view.scale, x: view.x + dx, y: view.y + dy }, content, viewport);
}

/**
 * Keeps the chart in view: a chart larger than the panel may move until its
 * far edge meets the panel's (plus the margin), a smaller one stays inside.
 */
export function clampPan(view: View, content: Size, viewport: Size): View {
  return {
    scale: view.scale,
    x: clampAxis(view.x, content.width * view.scale, viewport.width),
    y: clampAxis(view.y, content.height * view.scale, viewport.height),
  };
}

function clampAxis(at: number, extent: number, room: number): number {
  const far = room - extent - VIEW_MARGIN;
  return Math.min(Math.max(VIEW_MARGIN, far), Math.max(Math.min(VIEW_MARGIN, far), at));
}

/**
 * Moves the view the least needed to bring `box` (content coordinates)
 * into sight: a chart shown at the readable floor may be wider than its
 * panel, and the current state should not be the part left out.
 */
export function reveal(view: View, box: { x: number; y: number; width: number; height: number }, content: Size, viewport: Size): View {
  const shift = (at: number, start: number, extent: number, room: number) => {
    const from = at + start * view.scale;
    const to = from + extent * view.scale;
    if (from < VIEW_MARGIN || to - from > room - 2 * VIEW_MARGIN) return at + VIEW_MARGIN - from;
    if (to > room - VIEW_MARGIN) return at + room - VIEW_MARGIN - to;
    return at;
  };
  return clampPan(
    { scale: view.scale, x: shift(view.x, box.x, box.width, viewport.width), y: shift(view.y, box.y, box.height, viewport.height) },
    content,
    viewport,
  );
}
