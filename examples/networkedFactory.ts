/**
 * `npm run example -- networked-factory [--seconds N] [--spy] [--no-color] [--time-scale F] [--period S] [--no-echo] [--tx KEY] [--rx PATTERN]`
 *
 * The seed page's example with a NetworkedFactory: the outer/inner chart
 * built from callbacks (seedChartFactory.ts), named `xxxxx_fo`, on the same
 * mesh and snoop networks as networked-ao — the two kinds interact with
 * each other too. Broker and keys: see seedChartOptions.ts.
 */
import { NetworkedFactory } from '../server/net/charts/NetworkedFactory.ts';
import { buildSeedFactory } from './seedChartFactory.ts';
import { makeName, seedChartOptions } from './seedChartOptions.ts';
import { seedChartRun } from './seedChartRun.ts';

export async function main(args: string[]): Promise<void> {
  const run = seedChartOptions(args);
  const chart = new NetworkedFactory(makeName('fo'), run.chart);
  const outer = buildSeedFactory(chart, run.period, { echo: run.echo });
  if (run.colour) chart.enableSnoopTrace();
  else chart.enableSnoopTraceNoColor();
  if (run.spy) {
    if (run.colour) chart.enableSnoopSpy();
    else chart.enableSnoopSpyNoColor();
  }
  chart.startAt(outer);
  await seedChartRun(chart, run.seconds);
}
