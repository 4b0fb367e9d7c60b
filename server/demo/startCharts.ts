/**
 * Runs chart modules inside the server: the built-in demos (`--demo seed`,
 * `charger` or `all`) and the user's modules (`--charts a.ts b.ts`), all
 * through the same ChartContext. Returns a RecordSource so the server stops
 * the charts first when it shuts down.
 */
import type { DemoChoice, NetworkKeys } from '../config/serveConfig.ts';
import type { RecordSource } from '../http/MiroscopeServer.ts';
import type { Transport } from '../net/transport/Transport.ts';
import startChargerDemo from './chargerDemo.ts';
import { createChartContext, type ChartModuleStart } from './ChartContext.ts';
import { loadChartModule } from './loadChartModule.ts';
import startSeedDemo from './seedDemo.ts';

export interface StartChartsOptions {
  transport: Transport;
  keys: NetworkKeys;
  demo: DemoChoice | null;
  modules: string[];
  timeScale?: number;
  say: (line: string) => void;
  log: (line: string) => void;
}

const DEMOS: Record<Exclude<DemoChoice, 'all'>, ChartModuleStart> = { seed: startSeedDemo, charger: startChargerDemo };

export async function startCharts(options: StartChartsOptions): Promise<RecordSource> {
  const { ctx, stopAll } = createChartContext({
    transport: options.transport,
    keys: options.keys,
    log: options.log,
    ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
  });
  const runs: [string, ChartModuleStart][] = [];
  if (options.demo === 'seed' || options.demo === 'all') runs.push(['the seed demo', DEMOS.seed]);
  if (options.demo === 'charger' || options.demo === 'all') runs.push(['the charger demo', DEMOS.charger]);
  // Load every module before starting any: a typo fails fast, with nothing half-started.
  for (const file of options.modules) runs.push([file, await loadChartModule(file)]);
  try {
    for (const [name, start] of runs) {
      await start(ctx);
      options.say(`charts: started ${name}`);
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { stop: stopAll };
}
