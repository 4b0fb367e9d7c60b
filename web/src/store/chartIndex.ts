/**
 * Per-chart positions: every record of a chart, and its trace records
 * (the transitions, which say what state the chart is in).
 *
 * Panels ask "what was chart X doing at the cursor?"; with these lists the
 * answer is a binary search, so moving the cursor over a million records
 * costs nothing and the index itself only grows with the log.
 */
import { incrementalIndex } from './incrementalIndex.ts';
import { PositionList } from './PositionList.ts';

export interface ChartEntry {
  name: string;
  /** Order in which the chart was first heard (0, 1, 2 …). */
  order: number;
  /** Every record naming this chart. */
  all: PositionList;
  /** Its trace records (transitions). */
  traces: PositionList;
  /** Its spy records. */
  spies: PositionList;
}

export interface ChartIndex {
  byName: Map<string, ChartEntry>;
  /** Names in order of first appearance. */
  names: string[];
  /** Positions of meta records other than notes (status, rejections, reconnects, topologies …). */
  meta: PositionList;
  /** Positions of notes (saved-log lines that are not records): many, so kept apart. */
  notes: PositionList;
  /** Positions of mesh records. */
  mesh: PositionList;
}

export const chartIndex = incrementalIndex<ChartIndex>({
  init: () => ({ byName: new Map(), names: [], meta: new PositionList(), notes: new PositionList(), mesh: new PositionList() }),
  add(state, record, position) {
    if (record.kind === 'meta') (record.event === 'note' ? state.notes : state.meta).push(position);
    if (record.kind === 'mesh') state.mesh.push(position);
    // A meta record names a chart only to describe it (a topology); it is
    // not something the chart did, so it does not make the chart "heard".
    if (record.chart === null || record.kind === 'meta') return;
    let entry = state.byName.get(record.chart);
    if (!entry) {
      entry = {
        name: record.chart,
        order: state.names.length,
        all: new PositionList(),
        traces: new PositionList(),
        spies: new PositionList(),
      };
      state.byName.set(record.chart, entry);
      state.names.push(record.chart);
    }
    entry.all.push(position);
    if (record.kind === 'trace') entry.traces.push(position);
    else if (record.kind === 'spy') entry.spies.push(position);
  },
});
