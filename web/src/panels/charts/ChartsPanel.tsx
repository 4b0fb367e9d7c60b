/**
 * Every chart heard, as of the cursor. Clicking a chart selects it for the
 * statechart and sequence panels.
 *
 * Built for hundreds of charts: a search box, sort by name / activity /
 * last seen, grouping by node, and only the rows on screen are rendered
 * (fixed-height rows windowed like the log panel's), each with a sparkline
 * of its last minute computed for that row alone.
 *
 * Live, the table follows the records at most every LIVE_REFRESH_MS rather
 * than every frame: summaries and sparklines re-read up to a minute of each
 * chart's records, which at 1,000 records/s into 10 charts cost ~13% of the
 * page's main thread when redone each frame (npm run bench -- scale --trace).
 * Rates, like sparklines, are computed for the rows on screen only (all of
 * them only to sort by activity): at 500 charts the rate scans were most of
 * the panel's script time.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useRecordsView } from '../../panelApi/useRecords.ts';
import { chartIndex } from '../../panelApi/recordIndexes.ts';
import { useSelectedChart } from '../../panelApi/useSelection.ts';
import { useSourceStatus } from '../../panelApi/useSourceStatus.ts';
import { useChartColors } from '../../panelApi/chartColor.ts';
import { useRowWindow } from '../log/useRowWindow.ts';
import { chartRate, referenceTime, summarizeCharts, type SummaryClock } from './summarizeCharts.ts';
import { chartListRows, type ChartSort } from './chartListView.ts';
import { bucketCounts, recentTimes, SPARK_BUCKETS, SPARK_WINDOW_MS } from './activityBuckets.ts';
import { Sparkline } from './Sparkline.tsx';
import { useThrottledValue } from '../../panelApi/useThrottledValue.ts';
import './ChartsPanel.css';

const ROW_HEIGHT = 23;
const COLUMNS = 7;
/** How often a live table catches up with the records (rates are per 10 s, sparkline buckets 3 s). */
const LIVE_REFRESH_MS = 250;

/** Live liveness needs re-evaluating while nothing arrives (a chart going quiet is news). */
function useWallClock(active: boolean, everyMs: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return active ? now : null;
}

export default function ChartsPanel() {
  const { kind } = useSourceStatus();
  const live = kind === 'live';
  const now = useWallClock(live, 2000);
  const clock: SummaryClock = { field: live ? 'received' : 'time', now };
  const { log, end: shownEnd, epoch } = useRecordsView();
  // A replay's table moves with its playhead exactly; a live one catches up a few times a second.
  // min(): a discontinuity can shrink the log below the end last caught up with.
  const throttledEnd = useThrottledValue(shownEnd, LIVE_REFRESH_MS);
  const end = live ? Math.min(throttledEnd, shownEnd) : shownEnd;
  const [sort, setSort] = useState<ChartSort>('name');
  // Every chart's rate only to sort by it; else the rows on screen get theirs below.
  const allRates = sort === 'activity';
  const charts = useMemo(() => summarizeCharts(log, end, clock, { rates: allRates }), [log, end, epoch, clock.field, now, allRates]);
  const [selected, select] = useSelectedChart();
  const colors = useChartColors();
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState(false);
  const rows = useMemo(() => chartListRows(charts, query, sort, group), [charts, query, sort, group]);
  const scroller = useRef<HTMLDivElement>(null);
  const window = useRowWindow(scroller, rows.length, ROW_HEIGHT);
  // A new search, order or grouping starts from the top (not when a chart
  // arrives: the ref keeps this effect off the row count).
  const scrollToIndex = useRef(window.scrollToIndex);
  scrollToIndex.current = window.scrollToIndex;
  useLayoutEffect(() => {
    scrollToIndex.current(0, 'start');
  }, [query, sort, group]);
  // A shorter list clamps the element's scrollTop without a scroll event:
  // read it again so the window does not stay on rows past the end.
  const { onScroll } = window;
  useLayoutEffect(onScroll, [rows.length, onScroll]);

  // With nothing chosen yet — or a choice the log has never heard of, kept
  // from another source (the live stream before this replay) — the first
  // chart heard is the natural one to show. Names from the whole log, not up
  // to the cursor, so rewinding past a chart's first record keeps it chosen.
  useEffect(() => {
    if (charts.length === 0) return;
    if (selected === null || !chartIndex(log).byName.has(selected)) select(charts[0]!.name);
  }, [selected, charts, select, log]);

  const sparkNow = clock.now ?? referenceTime(log, end, clock.field);
  const index = chartIndex(log);
  const visible = rows.slice(window.first, window.last);
  const { sparks, rates } = useMemo(() => {
    const sparks = new Map<string, number[]>();
    const rates = new Map<string, number>();
    for (const row of visible) {
      if (row.kind !== 'chart') continue;
      const entry = index.byName.get(row.chart.name);
      if (!entry) continue;
      rates.set(row.chart.name, allRates ? row.chart.rate : chartRate(log, entry, row.chart.records, sparkNow, clock.field));
      if (sparkNow !== null) sparks.set(row.chart.name, bucketCounts(recentTimes(log, entry, row.chart.records, sparkNow, SPARK_WINDOW_MS, clock.field), sparkNow, SPARK_WINDOW_MS, SPARK_BUCKETS));
    }
    return { sparks, rates };
    // `visible` is a new array each render; the rows and the window say what it holds.
  }, [rows, window.first, window.last, index, log, end, sparkNow, clock.field, allRates]);

  if (charts.length === 0) return <div className="empty">No charts heard yet.</div>;
  const shownCharts = rows.reduce((n, r) => n + (r.kind === 'chart' ? 1 : 0), 0);
  return (
    <div className="panel-fill charts-panel">
      <div className="panel-toolbar charts-toolbar">
        <input
          type="search"
          className="charts-search"
          data-testid="charts-search"
          placeholder="Search charts, nodes, states"
          aria-label="Search charts"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select aria-label="Sort charts" data-testid="charts-sort" value={sort} onChange={(e) => setSort(e.target.value as ChartSort)}>
          <option value="name">by name</option>
          <option value="activity">by activity</option>
          <option value="lastSeen">by last seen</option>
        </select>
        <label className="charts-group">
          <input type="checkbox" data-testid="charts-group" checked={group} onChange={(e) => setGroup(e.target.checked)} /> group by node
        </label>
        <span className="dim" data-testid="charts-count">
          {shownCharts === charts.length ? `${charts.length} charts` : `${shownCharts} of ${charts.length} charts`}
        </span>
      </div>
      <div className="charts-table-wrap" ref={scroller} onScroll={window.onScroll}>
        <table className="charts-table" data-testid="charts-table">
          <thead>
            <tr>
              <th>Chart</th>
              <th>Node</th>
              <th>State</th>
              <th>Last event</th>
              <th title="records per second over the last 10 s">Rate</th>
              <th title="records over the last minute">Activity</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {window.first > 0 && <tr className="spacer" style={{ height: window.first * ROW_HEIGHT }} aria-hidden="true" />}
            {visible.map((row) => {
              if (row.kind === 'group') {
                return (
                  <tr key={`group:${row.node}`} className="charts-group-row" data-testid="chart-group" data-node={row.node}>
                    <td colSpan={COLUMNS}>
                      {row.node} <span className="dim">({row.count})</span>
                    </td>
                  </tr>
                );
              }
              const c = row.chart;
              const counts = sparks.get(c.name) ?? null;
              return (
                <tr
                  key={c.name}
                  data-testid="chart-row"
                  data-chart={c.name}
                  className={c.name === selected ? 'selected' : undefined}
                  onClick={() => select(c.name)}
                  aria-selected={c.name === selected}
                >
                  <td className="name">
                    <span className="swatch" style={{ background: colors.get(c.name) }} />
                    {c.name}
                  </td>
                  <td className="dim node" title={c.node ?? ''}>
                    {c.node ?? '—'}
                  </td>
                  {/* Keyed on the state so a transition replays the flash. */}
                  <td data-testid="chart-state" className="state">
                    <span key={c.state ?? ''} className="state-flash">
                      {c.state ?? '—'}
                    </span>
                  </td>
                  <td className="last-event" title={c.lastEvent ?? ''}>
                    {c.lastEvent ?? '—'}
                  </td>
                  <td className="num">{(rates.get(c.name) ?? c.rate).toFixed(1)}/s</td>
                  <td className="spark">{counts && <Sparkline counts={counts} />}</td>
                  <td>
                    <span className={`liveness ${c.liveness}`}>{c.liveness}</span>
                  </td>
                </tr>
              );
            })}
            {window.last < rows.length && <tr className="spacer" style={{ height: (rows.length - window.last) * ROW_HEIGHT }} aria-hidden="true" />}
          </tbody>
        </table>
      </div>
    </div>
  );
}
