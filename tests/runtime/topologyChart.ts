/**
 * Test fixture: the chart of the shared topology cases, written the way a
 * user writes miros states (switch on the signal, `chart.trans`, SUPER with
 * the parent), with an action log.
 *
 *   +------------------------- a --------------------------+  +---------- b ----------+
 *   | +---------------- a1 ----------------+ +---- a2 ----+ |  | +-------- b1 -------+ |
 *   | | +------------- a11 -------------+ | | +-- a21 --+ | |  | | +----- b11 -----+ | |
 *   | | | +----------- a111 ----------+ | | | +---------+ | |  | | +---------------+ | |
 *   | | | +---------------------------+ | | +-------------+ |  | +-------------------+ |
 *   | | +-------------------------------+ |                 |  +-----------------------+
 *   | +-----------------------------------+                 |
 *   +-------------------------------------------------------+
 *
 *   a: INIT→a1, TO_DEEP→a111, HOOK_A (hook)     a1: INIT→a11, SELF_A1→a1, TO_CHILD→a11, SIBLING→a2
 *   a11: INIT→a111, TO_PARENT→a1, GUARDED[open]→a2
 *   a111: SELF→a111, TO_FAR→b11, TO_ANCESTOR→a, HOOK_LEAF (hook), GUARDED[leafOpen]→b
 *   a2: INIT→a21, F_TOPO→a111                   b: INIT→b1, HOOK_B (hook)
 *   b1: TO_A2→a2                                 b11: TO_A→a
 */
import { HsmWithQueues, type HsmWithQueuesOptions } from '../../server/statechart/HsmWithQueues.ts';
import { ReturnStatus } from '../../server/statechart/returnStatus.ts';
import { spyOn } from '../../server/statechart/spyOn.ts';
import type { Event } from '../../server/statechart/Event.ts';

export class TopoChart extends HsmWithQueues {
  readonly log: string[] = [];
  open = false;
  leafOpen = false;

  constructor(options: HsmWithQueuesOptions = {}) {
    super({ name: 'topo', ...options });
  }
}

const { HANDLED, UNHANDLED } = ReturnStatus;

/** ENTRY/EXIT log `name-ENTRY`/`name-EXIT` and answer HANDLED; other signals go to `rest`. */
function state(name: string, rest: (chart: TopoChart, e: Event) => number) {
  return spyOn(name, (chart: TopoChart, e: Event) => {
    if (e.signalName === 'ENTRY_SIGNAL' || e.signalName === 'EXIT_SIGNAL') {
      chart.log.push(`${name}-${e.signalName.replace('_SIGNAL', '')}`);
      return HANDLED;
    }
    return rest(chart, e);
  });
}

function act(chart: TopoChart, text: string, status: number): number {
  chart.log.push(text);
  return status;
}

export const a = state('a', (chart, e) => {
  switch (e.signalName) {
    case 'INIT_SIGNAL': return act(chart, 'a-INIT', chart.trans(a1));
    case 'TO_DEEP': return act(chart, 'a-TO_DEEP', chart.trans(a111));
    case 'HOOK_A': return act(chart, 'a-HOOK_A', HANDLED);
    default: return chart.super(chart.top);
  }
});
export const a1 = state('a1', (chart, e) => {
  switch (e.signalName) {
    case 'INIT_SIGNAL': return act(chart, 'a1-INIT', chart.trans(a11));
    case 'SELF_A1': return act(chart, 'a1-SELF_A1', chart.trans(a1));
    case 'TO_CHILD': return act(chart, 'a1-TO_CHILD', chart.trans(a11));
    case 'SIBLING': return act(chart, 'a1-SIBLING', chart.trans(a2));
    default: return chart.super(a);
  }
});
export const a11 = state('a11', (chart, e) => {
  switch (e.signalName) {
    case 'INIT_SIGNAL': return act(chart, 'a11-INIT', chart.trans(a111));
    case 'TO_PARENT': return act(chart, 'a11-TO_PARENT', chart.trans(a1));
    case 'GUARDED': return chart.open ? act(chart, 'a11-GUARDED', chart.trans(a2)) : UNHANDLED;
    default: return chart.super(a1);
  }
});
export const a111 = state('a111', (chart, e) => {
  switch (e.signalName) {
    case 'SELF': return act(chart, 'a111-SELF', chart.trans(a111));
    case 'TO_FAR': return act(chart, 'a111-TO_FAR', chart.trans(b11));
    case 'TO_ANCESTOR': return act(chart, 'a111-TO_ANCESTOR', chart.trans(a));
    case 'HOOK_LEAF': return act(chart, 'a111-HOOK_LEAF', HANDLED);
    case 'GUARDED': return chart.leafOpen ? act(chart, 'a111-GUARDED', chart.trans(b)) : UNHANDLED;
    default: return chart.super(a11);
  }
});
export const a2 = state('a2', (chart, e) => {
  switch (e.signalName) {
    case 'INIT_SIGNAL': return act(chart, 'a2-INIT', chart.trans(a21));
    case 'F_TOPO': return act(chart, 'a2-F_TOPO', chart.trans(a111));
    default: return chart.super(a);
  }
});
export const a21 = state('a21', (chart) => chart.super(a2));
export const b = state('b', (chart, e) => {
  switch (e.signalName) {
    case 'INIT_SIGNAL': return act(chart, 'b-INIT', chart.trans(b1));
    case 'HOOK_B': return act(chart, 'b-HOOK_B', HANDLED);
    default: return chart.super(chart.top);
  }
});
export const b1 = state('b1', (chart, e) =>
  e.signalName === 'TO_A2' ? act(chart, 'b1-TO_A2', chart.trans(a2)) : chart.super(b),
);
export const b11 = state('b11', (chart, e) =>
  e.signalName === 'TO_A' ? act(chart, 'b11-TO_A', chart.trans(a)) : chart.super(b1),
);

/** A started chart with its start-up spy/log/trace cleared away. */
export function startedTopo(start = a, options: HsmWithQueuesOptions = {}): TopoChart {
  const chart = new TopoChart(options);
  chart.startAt(start);
  chart.log.length = 0;
  chart.clearSpy();
  chart.clearTrace();
  return chart;
}
