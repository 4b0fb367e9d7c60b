/**
 * Paints the activity rows onto the track's canvas: one row per chart in
 * its colour, each pixel column shaded by how many records fell in it
 * (square root, so one lone record still shows beside a burst of thousands).
 */
import type { ActivityRow } from './timelineDensity.ts';

export function paintActivity(
  ctx: CanvasRenderingContext2D,
  rows: readonly ActivityRow[],
  size: { width: number; height: number; ratio: number },
  colorOf: (row: ActivityRow) => string,
): void {
  const { width, height, ratio } = size;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (rows.length === 0) return;
  const rowHeight = height / rows.length;
  rows.forEach((row, r) => {
    ctx.fillStyle = colorOf(row);
    const y = r * rowHeight + 1;
    const h = Math.max(1, rowHeight - 2);
    const columns = row.counts.length;
    const w = width / columns;
    for (let b = 0; b < columns; b++) {
      const count = row.counts[b]!;
      if (count === 0) continue;
      ctx.globalAlpha = 0.3 + 0.7 * Math.sqrt(count / row.max);
      ctx.fillRect(b * w, y, Math.max(2, w), h);
    }
  });
  ctx.globalAlpha = 1;
}
