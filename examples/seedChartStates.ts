/**
 * The seed page's statechart, written as plain `spyOn` handlers for a
 * NetworkedActiveObject (the "Build a NetworkedActiveObject" listing, one
 * function per reaction as on the page):
 *
 *   +------------------------- outer ---------------------------+
 *   | INIT: arm to_inner (one shot, 2–7 s), transmit            |
 *   |       other_to_outer(payload = own name)                  |
 *   |                                                           |
 *   |        to_inner / other_to_inner    +------ inner ------+ |
 *   |  ──────────────────────────────────▶| ENTRY: arm        | |
 *   |                                     |  to_outer (2–7 s),| |
 *   |  ◀──────────────────────────────────|  transmit         | |
 *   |        to_outer / other_to_outer    |  other_to_inner   | |
 *   |                                     | EXIT: cancel      | |
 *   |                                     |  to_outer         | |
 *   |                                     +-------------------+ |
 *   +-----------------------------------------------------------+
 *
 * "other_" signals come from other charts over the mesh; a chart skips
 * its own transmits because their payload is its name. The handlers hold
 * no state, so any number of charts can share them; the timer period comes
 * from `seedChartStates(period)` so tests can run the chart faster.
 */
import { Event, ReturnStatus, signals, spyOn, type StateHandler } from '../server/statechart/index.ts';
import type { NetworkedActiveObject } from '../server/net/charts/NetworkedActiveObject.ts';

const { HANDLED } = ReturnStatus;
const { ENTRY_SIGNAL, EXIT_SIGNAL, INIT_SIGNAL, to_inner, to_outer, other_to_inner, other_to_outer } = signals;

/** Python's `random.randint(2, 7)`, in seconds. */
export const seedPeriod = (): number => 2 + Math.floor(Math.random() * 6);

export interface SeedStates {
  outer: StateHandler<NetworkedActiveObject>;
  inner: StateHandler<NetworkedActiveObject>;
}

export function seedChartStates(period: () => number = seedPeriod): SeedStates {
  const outerInit = (chart: NetworkedActiveObject): number => {
    chart.postFifo(new Event(to_inner), { times: 1, period: period(), deferred: true });
    chart.transmit(new Event(other_to_outer, chart.name));
    return HANDLED;
  };
  const innerEntry = (chart: NetworkedActiveObject): number => {
    chart.postFifo(new Event(to_outer), { times: 1, period: period(), deferred: true });
    chart.transmit(new Event(other_to_inner, chart.name));
    return HANDLED;
  };
  const innerExit = (chart: NetworkedActiveObject): number => {
    chart.cancelEvents(new Event(to_outer));
    return HANDLED;
  };

  const inner = spyOn(function inner(chart: NetworkedActiveObject, e: Event): number {
    switch (e.signal) {
      case ENTRY_SIGNAL:
        return innerEntry(chart);
      case INIT_SIGNAL:
        return HANDLED;
      case to_outer: // inner_to_outer
      case other_to_outer: // inner_other_to_outer
        return chart.trans(outer);
      case other_to_inner: // inner_other_to_inner
      case to_inner: // inner_to_inner
        return HANDLED;
      case EXIT_SIGNAL:
        return innerExit(chart);
      default:
        return chart.super(outer);
    }
  });

  const outer = spyOn(function outer(chart: NetworkedActiveObject, e: Event): number {
    switch (e.signal) {
      case ENTRY_SIGNAL:
        return HANDLED;
      case INIT_SIGNAL:
        return outerInit(chart);
      case to_inner: // outer_to_inner
      case other_to_inner: // outer_other_to_inner
        return chart.trans(inner);
      case EXIT_SIGNAL:
        return HANDLED;
      default:
        return chart.super(chart.top);
    }
  });

  return { outer, inner };
}
