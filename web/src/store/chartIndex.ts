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
import type { RecordSegment } from './RecordSegment.ts';
import { ColumnSegment } from './ColumnSegment.ts';
import { KIND_MESH, KIND_META, KIND_SPY, KIND_TRACE } from './ColumnChunk.ts';

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

interface Built {
  state: ChartIndex;
  upTo: number;
  /** Per symbol table of a load: the chart entry of each symbol id (columns name charts by id). */
  bySymbol: WeakMap<readonly string[], (ChartEntry | undefined)[]>;
}

const built = new WeakMap<RecordLog, Built>();

/**
 * The index of a log, brought up to date. Folded in from the fields alone
 * — a replay's columns read as typed arrays, other segments through their
 * cheap accessors — so it never builds a record object: indexing a million
 * loaded records stays a few milliseconds.
 */
export function chartIndex(log: RecordLog): ChartIndex {
  let entry = built.get(log);
  if (!entry) {
    const state = { byName: new Map(), names: [], meta: new PositionList(), notes: new PositionList(), mesh: new PositionList() };
    entry = { state, upTo: 0, bySymbol: new WeakMap() };
    built.set(log, entry);
  }
  const current = entry;
  log.forEachSegment(current.upTo, log.length, (segment, first, end, offset) => {
    if (segment instanceof ColumnSegment) foldColumns(current, segment, first, end, offset);
    else foldSegment(current.state, segment, first, end, offset);
  });
  current.upTo = log.length;
  return current.state;
}

function entryFor(state: ChartIndex, chart: string): ChartEntry {
  let chartEntry = state.byName.get(chart);
  if (!chartEntry) {
    chartEntry = { name: chart, order: state.names.length, all: new PositionList(), traces: new PositionList(), spies: new PositionList() };
    state.byName.set(chart, chartEntry);
    state.names.push(chart);
  }
  return chartEntry;
}

function foldSegment(state: ChartIndex, segment: RecordSegment, first: number, end: number, offset: number): void {
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
    const chartEntry = entryFor(state, chart);
    chartEntry.all.push(position);
    if (kind === 'trace') chartEntry.traces.push(position);
    else if (kind === 'spy') chartEntry.spies.push(position);
  }
}

/** The same fold as foldSegment, reading a replay's columns directly. */
function foldColumns(built: Built, segment: ColumnSegment, first: number, end: number, offset: number): void {
  const { state } = built;
  const { symbols } = segment;
  const { kind, chart, a } = segment.chunk;
  let entries = built.bySymbol.get(symbols);
  if (!entries) built.bySymbol.set(symbols, (entries = []));
  for (let i = first; i < end; i++) {
    const position = offset + i;
    const k = kind[i]!;
    if (k === KIND_META) {
      (symbols[a[i]!] === 'note' ? state.notes : state.meta).push(position);
      continue;
    }
    if (k === KIND_MESH) state.mesh.push(position);
    const id = chart[i]!;
    if (id < 0) continue;
    const chartEntry = (entries[id] ??= entryFor(state, symbols[id]!));
    chartEntry.all.push(position);
    if (k === KIND_TRACE) chartEntry.traces.push(position);
    else if (k === KIND_SPY) chartEntry.spies.push(position);
  }
}
