/**
 * `childState(parent)`: the state directly below `parent` on the active path
 * (the leaf itself when `parent` is the leaf; the outermost active state for
 * top). A `parent` that is not active raises {@link StateNotActiveError}
 * (miros fails an assertion).
 */
import type { HsmEventProcessor } from './HsmEventProcessor.ts';
import { ReturnStatus } from './returnStatus.ts';
import { searchSuper } from './searchSuper.ts';
import { HsmTopologyError, StateNotActiveError } from './StatechartError.ts';
import { stateNameOf, type StateHandler } from './StateHandler.ts';
import { MAX_DEPTH } from './trans_.ts';

const { SUPER, IGNORED } = ReturnStatus;

export function childState(chart: HsmEventProcessor, parent: StateHandler): StateHandler {
  let confirmed = false;
  let child = chart.state.fun;
  chart.temp.fun = chart.state.fun;
  for (let depth = 0; ; depth++) {
    if (chart.temp.fun === parent) {
      confirmed = true;
      break;
    }
    child = chart.temp.fun;
    const r = searchSuper(chart, child);
    if (r === IGNORED) break;
    if (r !== SUPER || depth > MAX_DEPTH) {
      chart.temp.fun = chart.state.fun;
      throw new HsmTopologyError(`${stateNameOf(child)} does not name a parent`);
    }
  }
  chart.temp.fun = chart.state.fun;
  if (!confirmed) throw new StateNotActiveError(`${stateNameOf(parent)} is not an active state`);
  return child;
}
