/**
 * A user chart module as docs/cli.md describes one: no imports from
 * miroscope, everything from `ctx`. One chart that ticks between two states
 * and transmits each tick.
 */
import type { ChartContext } from '../../../server/demo/ChartContext.ts';

export default function start(ctx: ChartContext): void {
  const { NetworkedActiveObject, Event, signals, spyOn, ReturnStatus } = ctx.runtime;
  const chart = new NetworkedActiveObject('pinger', ctx.options({ txRoutingKey: 'ping.x', rxRoutingKey: 'ping.*' }));
  const waiting = spyOn('waiting', (c: typeof chart, e: InstanceType<typeof Event>): number => {
    if (e.signal === signals.ENTRY_SIGNAL) {
      c.postFifo(new Event('tick'), { times: 1, period: 0.02, deferred: true });
      return ReturnStatus.HANDLED;
    }
    if (e.signal === signals.tick) return c.trans(ticked);
    return e.signal === signals.EXIT_SIGNAL ? ReturnStatus.HANDLED : c.super(c.top);
  });
  const ticked = spyOn('ticked', (c: typeof chart, e: InstanceType<typeof Event>): number => {
    if (e.signal === signals.ENTRY_SIGNAL) {
      c.transmit(new Event('other_ping', 'hello'));
      c.postFifo(new Event('tick'), { times: 1, period: 0.02, deferred: true });
      return ReturnStatus.HANDLED;
    }
    if (e.signal === signals.tick) return c.trans(waiting);
    return e.signal === signals.EXIT_SIGNAL ? ReturnStatus.HANDLED : c.super(c.top);
  });
  ctx.track(ctx.instrument(chart));
  chart.startAt(waiting);
}
