/**
 * What both networked seed examples read from the command line and the
 * environment, and the seed's `make_name`:
 *
 *   AMQP_URL         broker (comma-separated for a cluster; default amqp://guest:guest@127.0.0.1:5672/)
 *   MIROS_MESH_KEY   Fernet key of the mesh (default: the seed page's demo key)
 *   MIROS_TRACE_KEY  key of the snoop trace network (default: the mesh key)
 *   MIROS_SPY_KEY    key of the snoop spy network (default: the mesh key)
 *   --seconds N      run N seconds, then stop cleanly (default 20, as the seed's sleep)
 *   --spy            enable the snoop spy too (the seed's enable_snoop_spy)
 *   --no-color       print the snoop lines without ANSI colours
 *   --time-scale F   multiply every timer period by F (tests run the chart faster)
 *   --period S       a fixed period of S seconds instead of the random 2–7 s
 *                    (tests give two charts different fixed paces)
 *   --no-echo        transmit only after moves the chart's own timer made
 *                    (see seedChartStates.ts; the page's design echoes)
 *   --tx KEY         mesh tx routing key (default the seed's `heya.man`)
 *   --rx PATTERN     mesh rx binding pattern (default the seed's `#.man`);
 *                    tests pick their own pair so parallel runs stay apart
 */
import { randomUUID } from 'node:crypto';
import { SEED_DEMO_KEY } from '../server/config/serveConfig.ts';
import type { NetworkedChartOptions } from '../server/net/charts/NetworkedChartOptions.ts';
import { seedPeriod } from './seedChartStates.ts';

export interface SeedRun {
  seconds: number;
  spy: boolean;
  colour: boolean;
  period: () => number;
  /** The page's design re-transmits after moves a peer caused (`--no-echo` turns it off). */
  echo: boolean;
  chart: NetworkedChartOptions;
}

/** The seed's `make_name`: five characters of a uuid4, `_`, and `post`. */
export function makeName(post: string): string {
  return `${randomUUID().slice(0, 5)}_${post}`;
}

export function seedChartOptions(args: readonly string[], env: NodeJS.ProcessEnv = process.env): SeedRun {
  const number = (flag: string, fallback: number): number => {
    const i = args.indexOf(flag);
    if (i < 0) return fallback;
    const value = Number(args[i + 1]);
    if (!(value > 0)) throw new RangeError(`${flag} needs a positive number, not ${JSON.stringify(args[i + 1])}`);
    return value;
  };
  const text = (flag: string, fallback: string): string => {
    const i = args.indexOf(flag);
    if (i < 0) return fallback;
    const value = args[i + 1];
    if (!value || value.startsWith('--')) throw new RangeError(`${flag} needs a value`);
    return value;
  };
  const scale = number('--time-scale', 1);
  const fixed = args.includes('--period') ? number('--period', 1) : null;
  const meshKey = env.MIROS_MESH_KEY || SEED_DEMO_KEY;
  return {
    seconds: number('--seconds', 20),
    spy: args.includes('--spy'),
    colour: !args.includes('--no-color'),
    period: () => (fixed ?? seedPeriod()) * scale,
    echo: !args.includes('--no-echo'),
    chart: {
      txRoutingKey: text('--tx', 'heya.man'),
      rxRoutingKey: text('--rx', '#.man'),
      meshEncryptionKey: meshKey,
      ...(env.MIROS_TRACE_KEY ? { snoopTraceEncryptionKey: env.MIROS_TRACE_KEY } : {}),
      ...(env.MIROS_SPY_KEY ? { snoopSpyEncryptionKey: env.MIROS_SPY_KEY } : {}),
    },
  };
}
