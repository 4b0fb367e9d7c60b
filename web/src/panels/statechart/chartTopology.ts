/**
 * Where a chart's state hierarchy comes from, best first: a `topology` meta
 * record in the log before the cursor (our own charts announce theirs), one
 * the server retained for late joiners (hello.retained), else nothing — the
 * caller then infers one from spy/trace records.
 */
import type { MetaRecord } from '../../../../shared/records/MirosRecord.ts';
import type { RecordLog } from '../../store/RecordLog.ts';
import { chartIndex } from '../../panelApi/recordIndexes.ts';
import type { StateParent } from './stateHierarchy.ts';

export function announcedTopology(log: RecordLog, end: number, chart: string, retained: readonly MetaRecord[] = []): StateParent[] | null {
  const { meta } = chartIndex(log);
  for (let i = meta.countBefore(end) - 1; i >= 0; i--) {
    const record = log.at(meta.get(i));
    if (record.kind === 'meta' && record.event === 'topology' && record.chart === chart && record.states) return record.states;
  }
  const kept = retained.find((r) => r.event === 'topology' && r.chart === chart && r.states);
  return kept?.states ?? null;
}
