/**
 * `init`: the top-most initial transition that `startAt` runs (miros's
 * `HsmEventProcessor.init`).
 *
 *   target := start state, outer := top
 *   repeat:
 *     walk up from target with SEARCH until outer → path [target, parent, …]
 *     ENTRY each path state from the outside in (outer itself is not entered)
 *     INIT target; if it answers TRAN to N: outer := target, target := N
 *   until INIT answers anything but TRAN; target is the leaf
 *
 * An initial transition may only go *into* the state that makes it. A walk
 * that reaches top without meeting `outer` (or a state naming itself as
 * parent) raises {@link HsmTopologyError}, as miros does.
 */
import type { HsmEventProcessor } from './HsmEventProcessor.ts';
import { ENTRY_EVENT, INIT_EVENT } from './reservedEvents.ts';
import { ReturnStatus } from './returnStatus.ts';
import { searchSuper } from './searchSuper.ts';
import { HsmTopologyError } from './StatechartError.ts';
import { stateNameOf, type StateHandler } from './StateHandler.ts';

export function init(chart: HsmEventProcessor): void {
  const tpath = chart.tpath;
  let outermost = chart.state.fun;
  for (;;) {
    const target = chart.temp.fun;
    tpath[0] = target;
    let index = 0;
    let previous: StateHandler | null = null;
    while (chart.temp.fun !== outermost) {
      index += 1;
      searchSuper(chart, chart.temp.fun);
      if (previous === chart.temp.fun) {
        throw new HsmTopologyError(
          `impossible chart topology: ${stateNameOf(target)} is not inside ${stateNameOf(outermost)} ` +
            `(the parent walk stopped at ${stateNameOf(chart.temp.fun)})`,
        );
      }
      tpath[index] = chart.temp.fun;
      previous = chart.temp.fun;
    }
    if (index === 0) {
      throw new HsmTopologyError(`impossible chart topology: initial transition of ${stateNameOf(target)} targets itself`);
    }
    chart.temp.fun = target;
    do {
      index -= 1;
      tpath[index]!(chart, ENTRY_EVENT);
    } while (index > 0);
    outermost = target;
    if (outermost(chart, INIT_EVENT) !== ReturnStatus.TRAN) break;
  }
  chart.state.fun = outermost;
  chart.temp.fun = outermost;
}
