/**
 * Ask a state for its parent: call it with SEARCH_FOR_SUPER_SIGNAL and let
 * its answer (SUPER with `chart.temp.fun = parent`) move the pointer.
 *
 * Every SEARCH the algorithm makes goes through here so that, while someone
 * watches the chart's topology, each newly learned parent is reported.
 */
import type { HsmEventProcessor } from './HsmEventProcessor.ts';
import { ReturnStatus } from './returnStatus.ts';
import { SEARCH_EVENT } from './reservedEvents.ts';
import type { StateHandler } from './StateHandler.ts';

export function searchSuper(chart: HsmEventProcessor, state: StateHandler): number {
  const r = state(chart, SEARCH_EVENT);
  if (chart.reportsParents && r === ReturnStatus.SUPER) chart.reportParent(state, chart.temp.fun);
  return r;
}
