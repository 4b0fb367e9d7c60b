/**
 * The seed page's example, in-process: its outer/inner chart once as a
 * NetworkedActiveObject (`xxxxx_ao`) and once as a NetworkedFactory
 * (`xxxxx_fo`), on the seed's mesh (tx `heya.man`, rx `#.man`), so they
 * drive each other with other_to_inner / other_to_outer as the page
 * describes. The chart code is the examples' (examples/seedChart*.ts), not
 * a copy; the timer periods are scaled by `ctx.timeScale`, and the charts
 * do not echo (`echo: false`): the page's design lets two charts lock into
 * swapping states at network speed when their timers coincide, which a
 * demo left running for hours eventually hits (see seedChartStates.ts).
 */
import { seedPeriod, seedChartStates } from '../../examples/seedChartStates.ts';
import { buildSeedFactory } from '../../examples/seedChartFactory.ts';
import type { ChartContext } from './ChartContext.ts';

export const SEED_ROUTING = { txRoutingKey: 'heya.man', rxRoutingKey: '#.man' } as const;

export default function startSeedDemo(ctx: ChartContext): void {
  const { NetworkedActiveObject, NetworkedFactory } = ctx.runtime;
  const period = () => seedPeriod() * ctx.timeScale;

  const ao = ctx.track(ctx.instrument(new NetworkedActiveObject(ctx.makeName('ao'), ctx.options(SEED_ROUTING))));
  const { outer } = seedChartStates(period, { echo: false });

  const fo = ctx.track(ctx.instrument(new NetworkedFactory(ctx.makeName('fo'), ctx.options(SEED_ROUTING))));
  const factoryOuter = buildSeedFactory(fo, period, { echo: false });

  ao.startAt(outer);
  fo.startAt(factoryOuter);
}
