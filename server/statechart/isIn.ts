/**
 * `isIn(state)`: is `state` on the active path? Walks outward from the
 * current state pointer with SEARCH calls (visible in the RTC spy) until it
 * meets `state` or top answers IGNORED. `isIn(top)` is always true.
 */
import type { HsmEventProcessor } from './HsmEventProcessor.ts';
import { ReturnStatus } from './returnStatus.ts';
import { searchSuper } from './searchSuper.ts';
import { HsmTopologyError } from './StatechartError.ts';
import { stateNameOf, type StateHandler } from './StateHandler.ts';
import { MAX_DEPTH } from './trans_.ts';

const { SUPER, IGNORED } = ReturnStatus;

export function isIn(chart: HsmEventProcessor, state: StateHandler): boolean {
  let result = false;
  for (let depth = 0; ; depth++) {
    if (chart.temp.fun === state) {
      result = true;
      break;
    }
    const current = chart.temp.fun;
    const r = searchSuper(chart, current);
    if (r === IGNORED) break;
    if (r !== SUPER || depth > MAX_DEPTH) {
      chart.temp.fun = chart.state.fun;
      throw new HsmTopologyError(`${stateNameOf(current)} does not name a parent`);
    }
  }
  chart.temp.fun = chart.state.fun;
  return result;
}
