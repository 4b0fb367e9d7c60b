/**
 * The selected chart as nested states, laid out by elkjs: the state at the
 * cursor (and its ancestors) highlighted, the transition that led there
 * marked. The layout depends only on the chart's structure, so following
 * the cursor (live or replay) re-colours the drawing without re-laying it.
 */
import { useEffect, useMemo, useState } from 'react';
import { useRecords, useRecordsView } from '../../panelApi/useRecords.ts';
import { useSelectedChart } from '../../panelApi/useSelection.ts';
import { useSourceStatus } from '../../panelApi/useSourceStatus.ts';
import { chartIndex } from '../../panelApi/recordIndexes.ts';
import { observedTransitions, transitionIndex } from './transitionIndex.ts';
import { spyMoveIndex } from './chartMoves.ts';
import { announcedTopology } from './chartTopology.ts';
import { advanceTopology, inferredTopology } from './inferredTopology.ts';
import { useCaughtUp, type CatchUpStep } from '../../panelApi/useCaughtUp.ts';

/** The indexes the drawing's structure comes from: folded in slices once a replay has loaded (see useCaughtUp). */
const INDEXES: readonly CatchUpStep[] = [transitionIndex.advance, advanceTopology, spyMoveIndex.advance];
import { activePath, stateHierarchy } from './stateHierarchy.ts';
import { buildElkGraph, edgeId } from './buildElkGraph.ts';
import { currentTransition } from './currentTransition.ts';
import { flattenLayout, type FlatLayout } from './flattenLayout.ts';
import { layoutGraph } from './layoutEngine.ts';
import { StatechartDrawing } from './StatechartDrawing.tsx';
import { HIERARCHY_UNKNOWN_NOTE, hierarchySource } from './hierarchySource.ts';
import { ChartPicker } from '../../ui/ChartPicker.tsx';
import { SendEventControl } from '../sendEvent/SendEventControl.tsx';
import './StatechartPanel.css';

export default function StatechartPanel() {
  const { log, end, length } = useRecordsView();
  const [chart, selectChart] = useSelectedChart();
  const { server } = useSourceStatus();
  const names = useRecords(({ log: l }) => chartIndex(l).names.slice(), []);
  const chartOptions = useMemo(() => names.map((n) => ({ value: n, label: n })), [names]);

  const { ready, waitingForLoad } = useCaughtUp(INDEXES);

  // Structure from the whole log (not the cursor) so seeking never re-lays out.
  const structure = useMemo(() => {
    if (chart === null || !ready) return null;
    const transitions = observedTransitions(log, chart);
    const announced = announcedTopology(log, length, chart, server?.retained);
    const states = announced ?? inferredTopology(log, chart);
    const roots = stateHierarchy(states, transitions);
    if (roots.length === 0) return null;
    const graph = buildElkGraph(roots, transitions);
    return { roots, graph, key: JSON.stringify(graph), hierarchy: hierarchySource(log, chart, announced !== null) };
  }, [log, length, chart, server, ready]);
  // Same structure, same key: a new record that adds nothing new keeps the layout.
  const key = structure?.key ?? null;

  const [layout, setLayout] = useState<{ key: string; chart: string; flat: FlatLayout } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!structure || layout?.key === structure.key) return;
    let cancelled = false;
    const { key: wanted, graph } = structure;
    const forChart = chart!;
    layoutGraph(structuredClone(graph)).then(
      (laid) => {
        if (cancelled) return;
        setLayout({ key: wanted, chart: forChart, flat: flattenLayout(laid) });
        setError(null);
      },
      (e: Error) => !cancelled && setError(e.message),
    );
    return () => {
      cancelled = true;
    };
    // `key` stands for `structure`: a new object with the same key needs no new layout.
  }, [key, layout?.key]);

  const current = currentTransition(log, end, chart);
  const path = structure && current ? activePath(structure.roots, current.state) : [];

  return (
    <div className="panel-fill statechart-panel">
      <div className="panel-toolbar">
        <ChartPicker
          label="Chart"
          testId="statechart-chart"
          options={chart === null ? [{ value: '', label: '(no chart)' }, ...chartOptions] : chartOptions}
          value={chart ?? ''}
          onChange={(v) => selectChart(v || null)}
        />
        {chart !== null && <SendEventControl key={chart} chart={chart} />}
        <span className="dim" data-testid="statechart-current" data-state={current?.state ?? ''}>
          {current ? `in ${current.state} · last ${current.last.signal}: ${current.last.from} → ${current.last.to}` : 'no transition yet'}
          {current?.source === 'spy' && ' (from spy lines)'}
        </span>
        {error && <span className="error-text">layout failed: {error}</span>}
      </div>
      {structure?.hierarchy === 'unknown' && (
        <div className="statechart-note" data-testid="statechart-hierarchy-note">
          {HIERARCHY_UNKNOWN_NOTE}
        </div>
      )}
      {layout && key !== null && layout.chart === chart ? (
        <StatechartDrawing layout={layout.flat} active={path} currentState={current?.state ?? null} lastEdge={current ? edgeId(current.last) : null} fitKey={layout.chart} />
      ) : (
        <div className="empty">{chart === null ? 'Select a chart.' : waitingForLoad ? 'Drawn when the log has loaded.' : 'Laying out…'}</div>
      )}
    </div>
  );
}
