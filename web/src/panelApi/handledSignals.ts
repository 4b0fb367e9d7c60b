/**
 * The signals each chart has been seen to handle, folded in as records
 * arrive: what the Send event control proposes.
 *
 * "Handled" is what the records show: a trace line is a transition the
 * signal caused (`e->other_to_inner() outer->inner`), and a spy line
 * `SIGNAL:state:HOOK` is a reaction without a transition. A signal a chart
 * ignored leaves no such line, so it is never proposed. Over the whole log,
 * not up to the cursor: what a chart can handle does not change with time.
 */
import { incrementalIndex } from '../store/incrementalIndex.ts';

/** chart → signal → how many times it was handled. */
export type HandledSignals = Map<string, Map<string, number>>;

export const handledSignalIndex = incrementalIndex<HandledSignals>({
  init: () => new Map(),
  add(charts, record) {
    if (record.chart === null) return;
    const signal = record.kind === 'trace' ? record.signal : record.kind === 'spy' && record.hook === true ? record.signal : undefined;
    if (signal === undefined) return;
    let signals = charts.get(record.chart);
    if (!signals) charts.set(record.chart, (signals = new Map()));
    signals.set(signal, (signals.get(signal) ?? 0) + 1);
  },
});

/** A chart's handled signals, most often handled first (ties by name). */
export function proposedSignals(index: HandledSignals, chart: string): string[] {
  const signals = index.get(chart);
  if (!signals) return [];
  return [...signals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([signal]) => signal);
}
