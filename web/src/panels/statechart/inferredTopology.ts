/**
 * A chart's state hierarchy inferred from its spy and trace records (shared
 * TopologyInference), for charts that do not announce one — Python nodes
 * and saved logs. Kept incrementally per log, over the whole log rather
 * than up to the cursor: the drawing's structure must not change on a seek.
 */
import { TopologyInference } from '../../../../shared/topology/TopologyInference.ts';
import type { RecordLog } from '../../store/RecordLog.ts';
import type { StateParent } from './stateHierarchy.ts';

const inferences = new WeakMap<RecordLog, { inference: TopologyInference; upTo: number }>();
const CATCH_UP_SLICE = 50_000;

export function inferredTopology(log: RecordLog, chart: string): StateParent[] {
  let entry = inferences.get(log);
  if (!entry) {
    entry = { inference: new TopologyInference(), upTo: 0 };
    inferences.set(log, entry);
  }
  while (entry.upTo < log.length) {
    const to = Math.min(log.length, entry.upTo + CATCH_UP_SLICE);
    entry.inference.add(log.view(entry.upTo, to));
    entry.upTo = to;
  }
  return entry.inference.topology(chart)?.states ?? [];
}
