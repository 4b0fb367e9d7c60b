/** A chart's state at the cursor and the transition that put it there. */
import type { TraceRecord } from '../../../../shared/records/MirosRecord.ts';
import type { RecordLog } from '../../store/RecordLog.ts';
import { chartIndex } from '../../store/chartIndex.ts';

export interface CurrentTransition {
  state: string;
  last: Pick<TraceRecord, 'from' | 'to' | 'signal' | 'seq'>;
}

export function currentTransition(log: RecordLog, end: number, chart: string | null): CurrentTransition | null {
  if (chart === null) return null;
  const entry = chartIndex(log).byName.get(chart);
  const position = entry ? entry.traces.lastBefore(end) : -1;
  if (position < 0) return null;
  const record = log.at(position) as TraceRecord;
  return { state: record.to, last: { from: record.from, to: record.to, signal: record.signal, seq: record.seq } };
}
