/** A chart's state at the cursor and the transition that put it there (from trace lines, or spy lines for a spy-only chart). */
import type { TraceRecord } from '../../../../shared/records/MirosRecord.ts';
import type { RecordLog } from '../../store/RecordLog.ts';
import { lastMoveBefore } from './chartMoves.ts';

export interface CurrentTransition {
  state: string;
  last: Pick<TraceRecord, 'from' | 'to' | 'signal' | 'seq'>;
  /** `spy` when read from the chart's spy lines (it sends no trace lines). */
  source: 'trace' | 'spy';
}

export function currentTransition(log: RecordLog, end: number, chart: string | null): CurrentTransition | null {
  if (chart === null) return null;
  const move = lastMoveBefore(log, end, chart);
  if (move === null) return null;
  return { state: move.to, last: { from: move.from, to: move.to, signal: move.signal, seq: move.seq }, source: move.source };
}
