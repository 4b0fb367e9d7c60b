/**
 * A chart's transitions, wherever they come from: its trace records, or —
 * for a chart heard only on the spy network — transitions read from its spy
 * steps (shared/topology/SpyTransitionReader). Panels that show "the state
 * at the cursor" (charts, statechart) read it here, so a spy-only chart is
 * not shown as "—".
 *
 * The spy side is kept per log and per chart, folded from the chart's spy
 * positions (chartIndex) as they grow, so it costs nothing for charts with
 * trace lines and O(new spy lines) for the others.
 */
import type { TraceRecord } from '../../../../shared/records/MirosRecord.ts';
import { SpyTransitionReader, type SpyTransition } from '../../../../shared/topology/SpyTransitionReader.ts';
import type { RecordLog } from '../../store/RecordLog.ts';
import { chartIndex, type ChartEntry } from '../../panelApi/recordIndexes.ts';

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
  /** How many of the chart's spy positions are folded in. */
  upTo: number;
  positions: number[];
  moves: (SpyTransition & { seq: number })[];
}

const folds = new WeakMap<RecordLog, Map<string, SpyFold>>();

function spyFold(log: RecordLog, entry: ChartEntry): SpyFold {
  let perChart = folds.get(log);
  if (!perChart) folds.set(log, (perChart = new Map()));
  let fold = perChart.get(entry.name);
  if (!fold) perChart.set(entry.name, (fold = { reader: new SpyTransitionReader(), upTo: 0, positions: [], moves: [] }));
  for (; fold.upTo < entry.spies.length; fold.upTo++) {
    const position = entry.spies.get(fold.upTo);
    const r = log.at(position);
    if (r.kind !== 'spy') continue;
    const t = fold.reader.read(r.line, r.signal, r.state, r.hook === true);
    if (t) {
      fold.positions.push(position);
      fold.moves.push({ ...t, seq: r.seq });
    }
  }
  return fold;
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
  const k = countBelow(fold.positions, end) - 1;
  if (k < 0) return null;
  const m = fold.moves[k]!;
  return { signal: m.signal, from: m.from, to: m.to, seq: m.seq, position: fold.positions[k]!, source: 'spy' };
}

/** Every transition read from the chart's spy lines over the whole log (empty when it has trace lines). */
export function spyMoves(log: RecordLog, chart: string): readonly SpyTransition[] {
  const entry = chartIndex(log).byName.get(chart);
  if (!entry || entry.traces.length > 0) return [];
  return spyFold(log, entry).moves;
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
