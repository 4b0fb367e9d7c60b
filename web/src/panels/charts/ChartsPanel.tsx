/**
 * Every chart heard, as of the cursor. Clicking a chart selects it for the
 * statechart and sequence panels.
 */
import { useEffect, useState } from 'react';
import { useRecords, useRecordsView } from '../../panelApi/useRecords.ts';
import { chartIndex } from '../../panelApi/recordIndexes.ts';
import { useSelectedChart } from '../../panelApi/useSelection.ts';
import { useSourceStatus } from '../../panelApi/useSourceStatus.ts';
import { useChartColors } from '../../panelApi/chartColor.ts';
import { summarizeCharts, type SummaryClock } from './summarizeCharts.ts';
import './ChartsPanel.css';

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
  const { log } = useRecordsView();
  const charts = useRecords(({ log: l, end }) => summarizeCharts(l, end, clock), [clock.field, now]);
  const [selected, select] = useSelectedChart();
  const colors = useChartColors();

  // With nothing chosen yet — or a choice the log has never heard of, kept
  // from another source (the live stream before this replay) — the first
  // chart heard is the natural one to show. Names from the whole log, not up
  // to the cursor, so rewinding past a chart's first record keeps it chosen.
  useEffect(() => {
    if (charts.length === 0) return;
    if (selected === null || !chartIndex(log).byName.has(selected)) select(charts[0]!.name);
  }, [selected, charts, select, log]);

  if (charts.length === 0) return <div className="empty">No charts heard yet.</div>;
  return (
    <div className="charts-table-wrap">
      <table className="charts-table" data-testid="charts-table">
        <thead>
          <tr>
            <th>Chart</th>
            <th>Node</th>
            <th>State</th>
            <th>Last event</th>
            <th title="records per second over the last 10 s">Rate</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {charts.map((c) => (
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
              <td className="num">{c.rate.toFixed(1)}/s</td>
              <td>
                <span className={`liveness ${c.liveness}`}>{c.liveness}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
