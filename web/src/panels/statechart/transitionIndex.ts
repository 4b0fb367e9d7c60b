/**
 * The distinct transitions each chart has made (source → target, with the
 * signals that caused them), folded in as records arrive. This is what the
 * statechart draws as arrows; it spans the whole log, not only up to the
 * cursor, so moving the cursor never re-lays the diagram out.
 */
import { incrementalIndex } from '../../panelApi/recordIndexes.ts';
import type { RecordLog } from '../../store/RecordLog.ts';
import { spyMoves } from './chartMoves.ts';

export interface ObservedTransition {
  from: string;
  to: string;
  /** Signals in order of first use. */
  signals: string[];
}

export const transitionIndex = incrementalIndex<Map<string, Map<string, ObservedTransition>>>({
  init: () => new Map(),
  add(charts, record) {
    if (record.kind !== 'trace' || record.chart === null) return;
    let transitions = charts.get(record.chart);
    if (!transitions) charts.set(record.chart, (transitions = new Map()));
    const key = `${record.from}\u0000${record.to}`;
    let t = transitions.get(key);
    if (!t) transitions.set(key, (t = { from: record.from, to: record.to, signals: [] }));
    if (!t.signals.includes(record.signal)) t.signals.push(record.signal);
  },
});

/**
 * The chart's distinct transitions over the whole log: from its trace
 * records, or, for a chart heard only on the spy network, from its spy steps.
 */
export function observedTransitions(log: RecordLog, chart: string): ObservedTransition[] {
  const traced = transitionIndex(log).get(chart);
  if (traced && traced.size > 0) return [...traced.values()];
  const byKey = new Map<string, ObservedTransition>();
  for (const m of spyMoves(log, chart)) {
    const key = `${m.from}\u0000${m.to}`;
    let t = byKey.get(key);
    if (!t) byKey.set(key, (t = { from: m.from, to: m.to, signals: [] }));
    if (!t.signals.includes(m.signal)) t.signals.push(m.signal);
  }
  return [...byKey.values()];
}
