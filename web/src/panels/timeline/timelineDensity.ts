/**
 * Per-chart activity on the timeline, as counts per pixel column: one pass
 * over each chart's record positions, each dropped into the bucket its time
 * falls in. No DOM node per record — the track is a canvas painted from
 * these counts — so a million records cost one pass (a few milliseconds),
 * done again only when the log has grown noticeably (see `densityEpoch`).
 *
 * Charts past `maxRows` share the last row, so the bar keeps its height.
 */

export interface ActivityRow {
  /** A chart's name, or `+N more` for the shared last row. */
  label: string;
  /** The chart names drawn in this row. */
  charts: string[];
  counts: Uint32Array;
  /** The largest count, for scaling the shade. */
  max: number;
}

export interface TimeScale {
  at(position: number): number;
}

export function timelineDensity(
  charts: readonly { name: string; positions: Int32Array }[],
  scale: TimeScale,
  t0: number,
  t1: number,
  buckets: number,
  maxRows: number,
): ActivityRow[] {
  const n = Math.max(1, Math.floor(buckets));
  const span = t1 > t0 ? t1 - t0 : 1;
  const rows: ActivityRow[] = [];
  charts.forEach((chart, k) => {
    const shared = charts.length > maxRows && k >= maxRows - 1;
    let row = shared ? rows[maxRows - 1] : undefined;
    if (!row) {
      row = { label: shared ? `+${charts.length - maxRows + 1} more` : chart.name, charts: [], counts: new Uint32Array(n), max: 0 };
      rows.push(row);
    }
    row.charts.push(chart.name);
    const { counts } = row;
    const { positions } = chart;
    for (let i = 0; i < positions.length; i++) {
      let b = Math.floor(((scale.at(positions[i]!) - t0) / span) * n);
      if (b < 0) b = 0;
      else if (b >= n) b = n - 1;
      counts[b]!++;
    }
  });
  for (const row of rows) {
    let max = 0;
    for (let b = 0; b < row.counts.length; b++) if (row.counts[b]! > max) max = row.counts[b]!;
    row.max = max;
  }
  return rows;
}

/**
 * A number that changes when the log has grown by about 1/256th or more
 * (every record up to 256): the density is recomputed on that, not on every
 * record a live session delivers, so a long session costs a repaint now and
 * then. Steps are powers of two so the number only ever grows.
 */
export function densityEpoch(length: number): number {
  if (length <= 256) return length;
  const step = 2 ** Math.floor(Math.log2(length / 256));
  return Math.floor(length / step) * step;
}
