/**
 * A chart's state hierarchy inferred from its records, for charts that do
 * not announce one (Python nodes, saved logs).
 *
 * TEMPORARY: shared/topology (the inference from spy/trace records) has not
 * landed yet; until it does, no hierarchy is inferred and the statechart
 * shows the states the transitions mention, side by side.
 */
import type { RecordLog } from '../../store/RecordLog.ts';
import type { StateParent } from './stateHierarchy.ts';

export function inferredTopology(_log: RecordLog, _chart: string): StateParent[] {
  return [];
}
