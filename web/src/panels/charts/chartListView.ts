/**
 * The charts panel's list as shown: filtered by the search box, sorted, and
 * optionally grouped under one header per node. Pure, so hundreds of charts
 * can be checked without a page; the panel renders only the rows on screen.
 */
import type { ChartSummary } from './summarizeCharts.ts';

export type ChartSort = 'name' | 'activity' | 'lastSeen';

export type ChartListRow = { kind: 'group'; node: string; count: number } | { kind: 'chart'; chart: ChartSummary };

/** Case-insensitive match of every space-separated word against the chart's name, node or state. */
export function filterCharts(charts: readonly ChartSummary[], query: string): ChartSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return charts.slice();
  return charts.filter((c) => {
    const text = `${c.name}\n${c.node ?? ''}\n${c.state ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

const byName = (a: ChartSummary, b: ChartSummary) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A new array: by name; by activity (busiest first); by last seen (latest first, never-timed last). Ties by name. */
export function sortCharts(charts: readonly ChartSummary[], sort: ChartSort): ChartSummary[] {
  const out = charts.slice();
  if (sort === 'name') return out.sort(byName);
  if (sort === 'activity') return out.sort((a, b) => b.rate - a.rate || b.records - a.records || byName(a, b));
  return out.sort((a, b) => (b.lastSeen ?? -Infinity) - (a.lastSeen ?? -Infinity) || byName(a, b));
}

/** Label for charts whose node is not known. */
export const NO_NODE = '(no node)';

/** The rows to show. Grouped: nodes by name, each header followed by its charts in the given order. */
export function chartListRows(charts: readonly ChartSummary[], query: string, sort: ChartSort, group: boolean): ChartListRow[] {
  const shown = sortCharts(filterCharts(charts, query), sort);
  if (!group) return shown.map((chart) => ({ kind: 'chart', chart }));
  const byNode = new Map<string, ChartSummary[]>();
  for (const chart of shown) {
    const node = chart.node ?? NO_NODE;
    let list = byNode.get(node);
    if (!list) byNode.set(node, (list = []));
    list.push(chart);
  }
  const rows: ChartListRow[] = [];
  for (const node of [...byNode.keys()].sort()) {
    const list = byNode.get(node)!;
    rows.push({ kind: 'group', node, count: list.length });
    for (const chart of list) rows.push({ kind: 'chart', chart });
  }
  return rows;
}
