import { describe, expect, it } from 'vitest';
import { chartListRows, filterCharts, sortCharts, NO_NODE } from '../../web/src/panels/charts/chartListView.ts';
import type { ChartSummary } from '../../web/src/panels/charts/summarizeCharts.ts';
import { bucketCounts } from '../../web/src/panels/charts/activityBuckets.ts';
import { matchOptions } from '../../web/src/ui/chartPickerMatch.ts';

function chart(name: string, node: string | null, rate: number, lastSeen: number | null, state: string | null = null): ChartSummary {
  return { name, node, state, lastEvent: null, lastSeq: null, rate, liveness: 'alive', records: Math.round(rate * 10), lastSeen };
}

const charts = [chart('pump_7', 'hostB', 2, 3000, 'running'), chart('boiler_1', 'hostA', 9, 1000), chart('pump_12', null, 5, null), chart('valve_3', 'hostA', 0.1, 5000)];

describe('chart list: search, sort, group', () => {
  it('search keeps charts whose name, node or state holds every word, any case', () => {
    expect(filterCharts(charts, 'PUMP').map((c) => c.name)).toEqual(['pump_7', 'pump_12']);
    expect(filterCharts(charts, 'hosta').map((c) => c.name)).toEqual(['boiler_1', 'valve_3']);
    expect(filterCharts(charts, 'pump running').map((c) => c.name)).toEqual(['pump_7']);
    expect(filterCharts(charts, '  ').length).toBe(4);
  });

  it('sorts by name, by activity (busiest first) and by last seen (latest first, never-timed last)', () => {
    expect(sortCharts(charts, 'name').map((c) => c.name)).toEqual(['boiler_1', 'pump_12', 'pump_7', 'valve_3']);
    expect(sortCharts(charts, 'activity').map((c) => c.name)).toEqual(['boiler_1', 'pump_12', 'pump_7', 'valve_3']);
    expect(sortCharts(charts, 'lastSeen').map((c) => c.name)).toEqual(['valve_3', 'pump_7', 'boiler_1', 'pump_12']);
    expect(charts[0]!.name).toBe('pump_7'); // the input is not reordered
  });

  it('groups under one header per node (nodes by name, unknown node labelled), charts keeping the sort within', () => {
    const rows = chartListRows(charts, '', 'activity', true);
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.node} ${r.count}]` : r.chart.name))).toEqual([
      `[${NO_NODE} 1]`, 'pump_12', '[hostA 2]', 'boiler_1', 'valve_3', '[hostB 1]', 'pump_7',
    ]);
    expect(chartListRows(charts, 'valve', 'name', true).map((r) => (r.kind === 'group' ? r.node : r.chart.name))).toEqual(['hostA', 'valve_3']);
  });

  it('handles hundreds of charts: filter then sort, ungrouped rows are charts only', () => {
    const many = Array.from({ length: 500 }, (_, i) => chart(`c${i}`, `n${i % 7}`, i % 13, i));
    const rows = chartListRows(many, 'c49', 'lastSeen', false);
    expect(rows.map((r) => (r.kind === 'chart' ? r.chart.name : '?'))).toEqual(['c499', 'c498', 'c497', 'c496', 'c495', 'c494', 'c493', 'c492', 'c491', 'c490', 'c49']);
  });
});

describe('sparkline buckets', () => {
  it('counts times into equal slices ending at now; outside the window is not counted', () => {
    // window (0, 60000], 6 buckets of 10 s
    expect(bucketCounts([1, 9_999, 10_001, 59_999, 60_000, 0, 60_001, -5], 60_000, 60_000, 6)).toEqual([2, 1, 0, 0, 0, 2]);
  });
  it('is all zeros for no records', () => {
    expect(bucketCounts([], 100, 60_000, 4)).toEqual([0, 0, 0, 0]);
  });
});

describe('chart picker matching', () => {
  const options = Array.from({ length: 300 }, (_, i) => ({ value: `chart:c${i}`, label: `chart_${i}` }));
  it('filters by every word, names starting with the text first, bounded', () => {
    const { shown, more } = matchOptions([{ value: 'x', label: 'my_chart_1' }, ...options], 'chart_1', 5);
    expect(shown.map((o) => o.label)).toEqual(['chart_1', 'chart_10', 'chart_11', 'chart_12', 'chart_13']);
    expect(more).toBe(111 + 1 - 5); // chart_1, chart_10..19, chart_100..199, and my_chart_1
  });
  it('an empty text lists the first ones and says how many more', () => {
    const { shown, more } = matchOptions(options, '', 50);
    expect(shown.length).toBe(50);
    expect(more).toBe(250);
  });
});
