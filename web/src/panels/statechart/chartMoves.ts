/**
 * A chart's transitions, wherever they come from: its trace records, or —
 * for a chart heard only on the spy network — transitions read from its spy
 * steps (shared/topology/SpyTransitionReader). Panels that show "the state
 * at the cursor" (charts, statechart) read it here, so a spy-only chart is
 * not shown as "—".
 *
 * The spy side is an incremental index over the log (spyMoveIndex): it
 * keeps nothing for a chart once a trace line of it is seen.
 */
import type { TraceRecord } from '../../../../shared/records/MirosRecord.ts';
import { SpyTransitionReader, type SpyTransition } from '../../../../shared/topology/SpyTransitionReader.ts';
import type { RecordLog } from '../../store/RecordLog.ts';
import { chartIndex, incrementalIndex, type ChartEntry } from '../../panelApi/recordIndexes.ts';

export interface ChartMove {
  signal: string;
  from: string;
  to: string;
  seq: number;
  /** Where it was learned: a trace record, or the spy line that ended the step. */
  position: number;
  source: 'trace' | 'spy';
}

interface SpyFold {
  reader: SpyTransitionReader;
  /** Log positions of the spy lines that ended each step, increasing. */
  positions: number[];
  moves: (SpyTransition & { seq: number })[];
}

/**
 * Per chart, its transitions read from spy steps; null for a chart with a
 * trace record (its trace lines are the authority, nothing is kept for it).
 * Folded from field views (no record built), so a panel can catch it up in
 * slices (useCaughtUp) like its other indexes.
 */
export const spyMoveIndex = incrementalIndex<Map<string, SpyFold | null>>({
  init: () => new Map(),
  add(charts, record, position) {
    if (record.chart === null) return;
    if (record.kind === 'trace') {
      charts.set(record.chart, null);
      return;
    }
    if (record.kind !== 'spy') return;
    let fold = charts.get(record.chart);
    if (fold === null) return;
    if (!fold) charts.set(record.chart, (fold = { reader: new SpyTransitionReader(), positions: [], moves: [] }));
    const t = fold.reader.read(record.line, record.signal, record.state, record.hook === true);
    if (t) {
      fold.positions.push(position);
      fold.moves.push({ signal: t.signal, from: t.from, to: t.to, seq: record.seq });
    }
  },
});

function spyFold(log: RecordLog, entry: ChartEntry): SpyFold | null {
  return spyMoveIndex(log).get(entry.name) ?? null;
}

/** True when the chart's moves come from its spy lines (it has no trace record in the log). */
export function movesFromSpy(log: RecordLog, chart: string): boolean {
  const entry = chartIndex(log).byName.get(chart);
  return entry !== undefined && entry.traces.length === 0 && entry.spies.length > 0;
}

/** The chart's latest transition before position `end`, or null. */
export function lastMoveBefore(log: RecordLog, end: number, chart: string): ChartMove | null {
  const entry = chartIndex(log).byName.get(chart);
  if (!entry) return null;
  const position = entry.traces.lastBefore(end);
  if (position >= 0) {
    const r = log.at(position) as TraceRecord;
    return { signal: r.signal, from: r.from, to: r.to, seq: r.seq, position, source: 'trace' };
  }
  if (entry.traces.length > 0 || entry.spies.length === 0) return null;
  const fold = spyFold(log, entry);
  if (!fold) return null;
  const k = countBelow(fold.positions, end) - 1;
  if (k < 0) return null;
  const m = fold.moves[k]!;
  return { signal: m.signal, from: m.from, to: m.to, seq: m.seq, position: fold.positions[k]!, source: 'spy' };
}

/** Every transition read from the chart's spy lines over the whole log (empty when it has trace lines). */
export function spyMoves(log: RecordLog, chart: string): readonly SpyTransition[] {
  const entry = chartIndex(log).byName.get(chart);
  if (!entry || entry.traces.length > 0) return [];
  return spyFold(log, entry)?.moves ?? [];
}

function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
