/**
 * The seed page's statechart built with the Factory API on a
 * NetworkedFactory (the "Building a NetworkedFactory" listing): the same
 * outer/inner chart as seedChartStates.ts, assembled from callbacks. As on
 * the page, this version transmits its other_ events without a payload and
 * arms inner's to_outer with the default (deferred) timer. `echo: false`
 * is explained in seedChartStates.ts.
 */
import { Event, ReturnStatus, signals, type Factory, type FactoryCallback, type StateHandler } from '../server/statechart/index.ts';
import type { NetworkedFactory } from '../server/net/charts/NetworkedFactory.ts';
import { movedBy, seedPeriod, type PeerMoves, type SeedChartDesign } from './seedChartStates.ts';

const { HANDLED } = ReturnStatus;
const { ENTRY_SIGNAL, EXIT_SIGNAL, INIT_SIGNAL, to_inner, to_outer, other_to_inner, other_to_outer } = signals;

/** Adds the seed's states to `chart` and nests them; returns the state to start at. */
export function buildSeedFactory(
  chart: NetworkedFactory,
  period: () => number = seedPeriod,
  design: SeedChartDesign = {},
): StateHandler<Factory> {
  const echo = design.echo ?? true;
  const peerMoves: PeerMoves = new WeakSet();
  const announce = (c: NetworkedFactory, e: Event): void => {
    if (echo || !peerMoves.has(c)) c.transmit(e);
  };
  const follow = (c: NetworkedFactory, target: StateHandler<Factory>, byPeer: boolean): number => {
    movedBy(peerMoves, c, byPeer);
    return c.trans(target);
  };
  // A factory only ever calls back the chart that created the state, so the
  // callbacks may use the networked chart's API.
  const on = (fn: (chart: NetworkedFactory, e: Event) => number): FactoryCallback => (c, e) => fn(c as NetworkedFactory, e);
  let outer: StateHandler<Factory>;
  let inner: StateHandler<Factory>;

  const onOuterInit = on((c) => {
    c.postFifo(new Event(to_inner), { times: 1, period: period(), deferred: true });
    announce(c, new Event(other_to_outer));
    return HANDLED;
  });
  const onOuterToInner = on((c) => follow(c, inner, false));
  const onOuterOtherToInner = on((c) => follow(c, inner, true));
  const onInnerEntry = on((c) => {
    c.postFifo(new Event(to_outer), { times: 1, period: period() });
    announce(c, new Event(other_to_inner));
    return HANDLED;
  });
  const onInnerExit = on((c) => {
    c.cancelEvents(new Event(to_outer));
    return HANDLED;
  });
  const onInnerOtherToInner = on(() => HANDLED);
  const onInnerToInner = on(() => HANDLED);
  const onInnerToOuter = on((c) => follow(c, outer, false));
  const onInnerOtherToOuter = on((c) => follow(c, outer, true));

  outer = chart
    .create('outer')
    .catch(to_inner, onOuterToInner)
    .catch(other_to_inner, onOuterOtherToInner)
    .catch(INIT_SIGNAL, onOuterInit)
    .toMethod();
  inner = chart
    .create('inner')
    .catch(ENTRY_SIGNAL, onInnerEntry)
    .catch(EXIT_SIGNAL, onInnerExit)
    .catch(other_to_inner, onInnerOtherToInner)
    .catch(to_inner, onInnerToInner)
    .catch(to_outer, onInnerToOuter)
    .catch(other_to_outer, onInnerOtherToOuter)
    .toMethod();
  chart.nest(outer, null).nest(inner, outer);
  return outer;
}
