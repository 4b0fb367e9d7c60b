/**
 * `dispatch`: one run-to-completion step of the event processor (miros's
 * `HsmEventProcessor.dispatch`, after Samek's QHsm).
 *
 *   1. bubble: call the leaf, then each parent, while they answer SUPER.
 *      UNHANDLED (a failed guard) is followed by an EMPTY_SIGNAL probe that
 *      makes the state answer SUPER. The state that answers otherwise is the
 *      source S.
 *   2. TRAN: exit from the leaf up to S (an exit answering HANDLED is
 *      followed by a SEARCH to learn the parent), `trans_` finds the LCA and
 *      the entry path, enter it from the outside in, then follow the
 *      target's initial transitions down to the new leaf.
 *      HANDLED: a hook, nothing changes. IGNORED: the event reached top.
 *
 * Pure with respect to the outside world: no queues, timers or I/O. The only
 * side effects are the state handlers' own.
 */
import type { Event } from './Event.ts';
import type { HsmEventProcessor } from './HsmEventProcessor.ts';
import { EMPTY_EVENT, ENTRY_EVENT, EXIT_EVENT, INIT_EVENT } from './reservedEvents.ts';
import { ReturnStatus } from './returnStatus.ts';
import { searchSuper } from './searchSuper.ts';
import { HsmTopologyError } from './StatechartError.ts';
import { stateNameOf, type StateHandler } from './StateHandler.ts';
import { MAX_DEPTH, trans_ } from './trans_.ts';

const { SUPER, UNHANDLED, HANDLED, IGNORED, TRAN } = ReturnStatus;

export function dispatch(chart: HsmEventProcessor, e: Event): void {
  let t: StateHandler = chart.state.fun;
  let s: StateHandler;
  let r: number;
  let depth = 0;
  chart.eventIgnored = false;

  for (;;) {
    s = chart.temp.fun;
    r = s(chart, e);
    if (r === UNHANDLED) r = s(chart, EMPTY_EVENT);
    if (r !== SUPER) break;
    if (++depth > MAX_DEPTH) throw new HsmTopologyError(`${e.signalName} bubbles without reaching top`);
  }
  if (typeof r !== 'number') {
    throw new HsmTopologyError(`state handler ${stateNameOf(s)} did not return a status for ${e.signalName}`);
  }

  if (r >= TRAN) {
    const tpath = chart.tpath;
    tpath[0] = chart.temp.fun;
    tpath[1] = t;
    tpath[2] = s;
    exitToSource(chart, t, s);
    let ip = trans_(chart, tpath);
    while (ip >= 0) {
      tpath[ip]!(chart, ENTRY_EVENT);
      ip -= 1;
    }
    t = tpath[0]!;
    chart.temp.fun = t;
    t = drillDown(chart, t);
  } else if (r === IGNORED) {
    chart.eventIgnored = true;
  }
  // HANDLED is a hook; other statuses (never produced by miros) do nothing.
  chart.state.fun = t;
  chart.temp.fun = t;
}

/** Exit from the leaf `t` up to (not including) the source `s`. */
function exitToSource(chart: HsmEventProcessor, t: StateHandler, s: StateHandler): void {
  for (let depth = 0; t !== s; depth++) {
    if (t === chart.top || depth > MAX_DEPTH) {
      throw new HsmTopologyError(`exit path from the leaf never reaches the source ${stateNameOf(s)}`);
    }
    const r = t(chart, EXIT_EVENT);
    if (typeof r !== 'number') throw new HsmTopologyError(`state handler ${stateNameOf(t)} did not return a status for EXIT_SIGNAL`);
    if (r === HANDLED) searchSuper(chart, t);
    t = chart.temp.fun;
  }
}

/**
 * Follow initial transitions from the entered target `t` down to the new
 * leaf. Each INIT answering TRAN to N: walk up from N with SEARCH to `t`,
 * enter that path from the outside in, continue from N. A target outside `t`
 * raises (miros loops forever there).
 */
function drillDown(chart: HsmEventProcessor, t: StateHandler): StateHandler {
  const tpath = chart.tpath;
  while (t(chart, INIT_EVENT) === TRAN) {
    const target = chart.temp.fun;
    tpath[0] = target;
    let ip = 0;
    searchSuper(chart, target);
    while (chart.temp.fun !== t) {
      if (chart.temp.fun === chart.top || ip > MAX_DEPTH) {
        throw new HsmTopologyError(
          `initial transition of ${stateNameOf(t)} targets ${stateNameOf(target)}, which is not inside it`,
        );
      }
      ip += 1;
      tpath[ip] = chart.temp.fun;
      searchSuper(chart, chart.temp.fun);
    }
    chart.temp.fun = target;
    do {
      tpath[ip]!(chart, ENTRY_EVENT);
      ip -= 1;
    } while (ip >= 0);
    t = target;
  }
  return t;
}
