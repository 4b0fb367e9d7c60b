/**
 * Two runs of the seed page's pair (its outer/inner chart once as a
 * NetworkedActiveObject `xxxxx_ao`, once as a NetworkedFactory `xxxxx_fo`,
 * the demo's way: examples/seedChart*.ts with `echo: false`), recorded as
 * miros trace text, for the compare tests.
 *
 * Everything that could vary is pinned: the timers run on a VirtualClock
 * with fixed periods, and messages cross an in-process bus whose deliveries
 * are drained (a fixed number of event-loop turns, not a wall-clock wait)
 * after each virtual second. Only the names' random prefixes differ from run
 * to run, as they do between two real runs; that is what the chart matching
 * must see through.
 *
 * The far side is faked (clock, bus); the charts, their networking and the
 * trace lines are the real ones.
 */
import { randomUUID } from 'node:crypto';
import { NetworkedActiveObject } from '../../../server/net/charts/NetworkedActiveObject.ts';
import { NetworkedFactory } from '../../../server/net/charts/NetworkedFactory.ts';
import { InProcessBroker, InProcessBus } from '../../../server/net/transport/InProcessBus.ts';
import { VirtualClock } from '../../../server/statechart/VirtualClock.ts';
import { buildSeedFactory } from '../../../examples/seedChartFactory.ts';
import { seedChartStates } from '../../../examples/seedChartStates.ts';

const KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';
/** 2026-01-02 03:04:05 UTC: the runs' first trace line. */
export const SEED_RUN_START = Date.UTC(2026, 0, 2, 3, 4, 5);

export interface SeedRunPeriods {
  /** Seconds of every timer of the `_ao` chart. */
  ao: number;
  /** Seconds of every timer of the `_fo` chart. */
  fo: number;
}

/** Lets every queued bus delivery and chart step run (each hop is one event-loop turn). */
async function drain(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** Runs the pair for `seconds` virtual seconds; returns their trace lines in the order they were made. */
export async function recordSeedRun(periods: SeedRunPeriods, seconds: number): Promise<string> {
  const broker = new InProcessBroker();
  const clock = new VirtualClock(SEED_RUN_START);
  const prefix = () => randomUUID().slice(0, 5);
  const options = (node: string) => ({
    transport: new InProcessBus({ broker }),
    meshEncryptionKey: KEY,
    txRoutingKey: 'heya.man',
    rxRoutingKey: '#.man',
    clock,
    node,
    print: () => {},
  });
  const ao = new NetworkedActiveObject(`${prefix()}_ao`, options('seed-ao'));
  const fo = new NetworkedFactory(`${prefix()}_fo`, options('seed-fo'));
  const lines: string[] = [];
  for (const chart of [ao, fo]) {
    chart.observe((o) => {
      if (o.type === 'trace') lines.push(o.line);
    });
  }
  ao.startAt(seedChartStates(() => periods.ao, { echo: false }).outer);
  await drain();
  fo.startAt(buildSeedFactory(fo, () => periods.fo, { echo: false }));
  await drain();
  for (let second = 0; second < seconds; second++) {
    clock.advance(1);
    await drain();
  }
  await Promise.all([ao.stop(), fo.stop()]);
  return lines.join('\n') + '\n';
}
