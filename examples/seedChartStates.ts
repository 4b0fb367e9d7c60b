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
 *
 * `echo: false` is our one change to the page's design, for charts that must
 * run for hours (the dashboard's demo). On the page a chart transmits on
 * every entry, also when the other chart's event moved it. When two charts'
 * own timers move them in opposite directions at the same moment, each then
 * follows the other and transmits again: they swap states at network speed,
 * forever (the page warns that transmits can make charts oscillate). Without
 * echo a chart transmits only when its own timer (or start_at) moved it, so
 * a move caused by a peer is never sent back.
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

export interface SeedChartDesign {
  /** Transmit also after a move another chart caused (the page's design; default true). */
  echo?: boolean;
}

/** Which charts were last moved by another chart's event (for `echo: false`). */
export type PeerMoves = WeakSet<object>;

/** Follow a peer's event: remember that a peer, not our timer, made this move. */
export function movedBy(peerMoves: PeerMoves, chart: object, byPeer: boolean): void {
  if (byPeer) peerMoves.add(chart);
  else peerMoves.delete(chart);
}

export function seedChartStates(period: () => number = seedPeriod, design: SeedChartDesign = {}): SeedStates {
  const echo = design.echo ?? true;
  const peerMoves: PeerMoves = new WeakSet();
  const announce = (chart: NetworkedActiveObject, e: Event): void => {
    if (echo || !peerMoves.has(chart)) chart.transmit(e);
  };
  const follow = (chart: NetworkedActiveObject, target: StateHandler<NetworkedActiveObject>, byPeer: boolean): number => {
    movedBy(peerMoves, chart, byPeer);
    return chart.trans(target);
  };
  const outerInit = (chart: NetworkedActiveObject): number => {
    chart.postFifo(new Event(to_inner), { times: 1, period: period(), deferred: true });
    announce(chart, new Event(other_to_outer, chart.name));
    return HANDLED;
  };
  const innerEntry = (chart: NetworkedActiveObject): number => {
    chart.postFifo(new Event(to_outer), { times: 1, period: period(), deferred: true });
    announce(chart, new Event(other_to_inner, chart.name));
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
        return follow(chart, outer, false);
      case other_to_outer: // inner_other_to_outer
        return follow(chart, outer, true);
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
        return follow(chart, inner, false);
      case other_to_inner: // outer_other_to_inner
        return follow(chart, inner, true);
      case EXIT_SIGNAL:
        return HANDLED;
      default:
        return chart.super(chart.top);
    }
  });

  return { outer, inner };
}
