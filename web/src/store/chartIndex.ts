/**
 * Per-chart positions: every record of a chart, and its trace records
 * (the transitions, which say what state the chart is in).
 *
 * Panels ask "what was chart X doing at the cursor?"; with these lists the
 * answer is a binary search, so moving the cursor over a million records
 * costs nothing and the index itself only grows with the log.
 */
import { PositionList } from './PositionList.ts';
import type { RecordLog } from './RecordLog.ts';

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

const built = new WeakMap<RecordLog, { state: ChartIndex; upTo: number }>();

/**
 * The index of a log, brought up to date. Folded in from the cheap field
 * accessors (kind, chart, meta event) segment by segment, so it never
 * builds a record object: indexing a million loaded records stays a few
 * milliseconds.
 */
export function chartIndex(log: RecordLog): ChartIndex {
  let entry = built.get(log);
  if (!entry) {
    entry = { state: { byName: new Map(), names: [], meta: new PositionList(), notes: new PositionList(), mesh: new PositionList() }, upTo: 0 };
    built.set(log, entry);
  }
  const { state } = entry;
  log.forEachSegment(entry.upTo, log.length, (segment, first, end, offset) => {
    for (let i = first; i < end; i++) {
      const position = offset + i;
      const kind = segment.kind(i);
      if (kind === 'meta') {
        (segment.metaEvent(i) === 'note' ? state.notes : state.meta).push(position);
        // A meta record names a chart only to describe it (a topology); it is
        // not something the chart did, so it does not make the chart "heard".
        continue;
      }
      if (kind === 'mesh') state.mesh.push(position);
      const chart = segment.chart(i);
      if (chart === null) continue;
      let chartEntry = state.byName.get(chart);
      if (!chartEntry) {
        chartEntry = { name: chart, order: state.names.length, all: new PositionList(), traces: new PositionList(), spies: new PositionList() };
        state.byName.set(chart, chartEntry);
        state.names.push(chart);
      }
      chartEntry.all.push(position);
      if (kind === 'trace') chartEntry.traces.push(position);
      else if (kind === 'spy') chartEntry.spies.push(position);
    }
  });
  entry.upTo = log.length;
  return state;
}
