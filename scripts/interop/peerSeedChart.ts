/**
 * `tsx scripts/interop/peerSeedChart.ts --peer URL [--peer URL …] [networked-ao's options]`
 *
 * Our networked-ao example (the seed chart on a NetworkedActiveObject) as a
 * node of miros-rabbitmq's own deployment, a broker per machine: it consumes
 * from `AMQP_URL` (its own machine's broker) and publishes mesh, trace and
 * spy to that broker and to every `--peer` broker too (`peerAmqpUrls`).
 * Check (e) runs one per broker. The example itself takes no peer list (the
 * seed's programs have none: Python finds its brokers by scanning the LAN),
 * so this is the example with that one option added; everything else —
 * states, printing, the line it writes when it stops — is the example's
 * (examples/seedChartOptions.ts, seedChartRun.ts).
 *
 * The AO, not the factory: it skips its own transmits (payload = its name),
 * so every `other_to_*` move it makes was caused by another chart.
 */
import { NetworkedActiveObject } from '../../server/net/charts/NetworkedActiveObject.ts';
import { makeName, seedChartOptions } from '../../examples/seedChartOptions.ts';
import { seedChartRun } from '../../examples/seedChartRun.ts';
import { seedChartStates } from '../../examples/seedChartStates.ts';

const args = process.argv.slice(2);
const peers = args.flatMap((arg, i) => (arg === '--peer' ? [args[i + 1]] : [])).filter((url): url is string => !!url && !url.startsWith('--'));
if (peers.length === 0) {
  console.error('usage: peerSeedChart.ts --peer URL [--peer URL …] [--seconds N] [--no-echo] …  (home broker: AMQP_URL)');
  process.exit(2);
}
const run = seedChartOptions(args);
const { outer } = seedChartStates(run.period, { echo: run.echo });
const ao = new NetworkedActiveObject(makeName('ao'), { ...run.chart, peerAmqpUrls: peers });
if (run.colour) ao.enableSnoopTrace();
else ao.enableSnoopTraceNoColor();
ao.startAt(outer);
await seedChartRun(ao, run.seconds);
