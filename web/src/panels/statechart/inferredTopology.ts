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

/** Folds at most `budget` more records into the inference; true once it has the whole log. */
export function advanceTopology(log: RecordLog, budget: number): boolean {
  let entry = inferences.get(log);
  if (!entry) {
    entry = { inference: new TopologyInference(), upTo: 0 };
    inferences.set(log, entry);
  }
  const stop = Math.min(log.length, entry.upTo + budget);
  while (entry.upTo < stop) {
    const to = Math.min(stop, entry.upTo + CATCH_UP_SLICE);
    entry.inference.add(log.view(entry.upTo, to));
    entry.upTo = to;
  }
  return entry.upTo >= log.length;
}

export function inferredTopology(log: RecordLog, chart: string): StateParent[] {
  advanceTopology(log, Number.POSITIVE_INFINITY);
  return inferences.get(log)!.inference.topology(chart)?.states ?? [];
}
