/**
 * `npm run example -- networked-ao [--seconds N] [--spy] [--no-color] [--time-scale F] [--period S] [--no-echo] [--tx KEY] [--rx PATTERN]`
 *
 * The seed page's example with a NetworkedActiveObject: the outer/inner
 * chart of seedChartStates.ts on the mesh (tx `heya.man`, rx `#.man`),
 * its live trace on the snoop trace network, and every chart's trace lines
 * printed as ` [+t] ` lines — this chart's name blue, others purple. Run it
 * in two terminals and each chart follows the other's other_to_inner /
 * other_to_outer as well as its own timers (docs/networked.md has a
 * transcript). Broker and keys: see seedChartOptions.ts.
 */
import { NetworkedActiveObject } from '../server/net/charts/NetworkedActiveObject.ts';
import { makeName, seedChartOptions } from './seedChartOptions.ts';
import { seedChartRun } from './seedChartRun.ts';
import { seedChartStates } from './seedChartStates.ts';

export async function main(args: string[]): Promise<void> {
  const run = seedChartOptions(args);
  const { outer } = seedChartStates(run.period, { echo: run.echo });
  const ao = new NetworkedActiveObject(makeName('ao'), run.chart);
  if (run.colour) ao.enableSnoopTrace();
  else ao.enableSnoopTraceNoColor();
  if (run.spy) {
    if (run.colour) ao.enableSnoopSpy();
    else ao.enableSnoopSpyNoColor();
  }
  ao.startAt(outer);
  await seedChartRun(ao, run.seconds);
}
