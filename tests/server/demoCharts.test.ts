import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { resolveServeConfig } from '../../server/config/serveConfig.ts';
import { startServe, type RunningServe } from '../../server/cli/startServe.ts';
import { ChartModuleError, loadChartModule } from '../../server/demo/loadChartModule.ts';

const runs: { running: RunningServe; recordings: string }[] = [];
afterEach(async () => {
  for (const { running, recordings } of runs.splice(0)) {
    await running.stop();
    rmSync(recordings, { recursive: true, force: true });
  }
});

async function serve(options: { demo?: string; charts?: string[] }): Promise<RunningServe> {
  const recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-demo-'));
  const config = resolveServeConfig({ port: 0, recordings, ...options }, {});
  const running = await startServe({ config, inProcess: true, demoTimeScale: 0.02, say: () => {}, log: () => {} });
  runs.push({ running, recordings });
  return running;
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const suffix = (chart: string | null) => chart?.replace(/^[0-9a-f]{5}_/, '') ?? null;

describe('the in-process demo', () => {
  it('runs the seed charts and the five charger charts, each announcing its topology', async () => {
    const running = await serve({ demo: 'all' });
    const records = () => running.server.recentRecords();
    const traced = () => new Set(records().filter((r) => r.kind === 'trace').map((r) => r.chart));
    await until(() => traced().size === 7 && records().some((r) => r.kind === 'trace' && /^other_/.test(r.signal) && suffix(r.chart) === 'ao'));
    expect([...traced()].map(suffix).sort()).toEqual(['ao', 'battery', 'charger', 'charger', 'fan', 'fo', 'site']);

    const topology = (name: string) =>
      records().find((r): r is Extract<MirosRecord, { kind: 'meta' }> => r.kind === 'meta' && r.event === 'topology' && suffix(r.chart) === name);
    expect(topology('charger')!.states!.slice().sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'absorption', parent: 'charging' },
      { name: 'bulk', parent: 'charging' },
      { name: 'charging', parent: 'powered' },
      { name: 'cooling', parent: 'powered' },
      { name: 'float', parent: 'charging' },
      { name: 'powered', parent: null },
      { name: 'standby', parent: null },
    ]);
    expect(topology('fo')!.states).toEqual([
      { name: 'outer', parent: null },
      { name: 'inner', parent: 'outer' },
    ]);
    await until(() => ['ao', 'site', 'battery', 'fan'].every((name) => topology(name) !== undefined));
  });

  it('makes the charts drive each other over the mesh', async () => {
    const running = await serve({ demo: 'charger' });
    const records = () => running.server.recentRecords();
    const traceOf = (name: string, signal: string) =>
      records().some((r) => r.kind === 'trace' && suffix(r.chart) === name && r.signal === signal);
    await until(() => traceOf('charger', 'other_sun_strong') && traceOf('fan', 'other_battery_hot') && traceOf('charger', 'other_battery_hot'));
    const meshSignals = new Set(records().filter((r) => r.kind === 'mesh').map((r) => (r as { signal: string }).signal));
    expect([...meshSignals].filter((s) => ['other_day', 'other_sun_strong', 'other_charger_stage', 'other_battery_hot'].includes(s)).sort()).toEqual([
      'other_battery_hot',
      'other_charger_stage',
      'other_day',
      'other_sun_strong',
    ]);
  });
});

describe('user chart modules', () => {
  it('runs a module given with --charts on the server transport', async () => {
    const running = await serve({ charts: [path.join(import.meta.dirname, 'support/pingChartModule.ts')] });
    const records = () => running.server.recentRecords().filter((r) => r.chart === 'pinger' || (r.kind === 'mesh' && r.signal === 'other_ping'));
    await until(() => records().filter((r) => r.kind === 'trace').length >= 3 && records().some((r) => r.kind === 'mesh'));
    const traces = records().filter((r) => r.kind === 'trace') as Extract<MirosRecord, { kind: 'trace' }>[];
    expect(traces.slice(0, 3).map((t) => [t.signal, t.from, t.to])).toEqual([
      ['start_at', 'top', 'waiting'],
      ['tick', 'waiting', 'ticked'],
      ['tick', 'ticked', 'waiting'],
    ]);
  });

  it('explains a missing module and a module without a start function', async () => {
    await expect(loadChartModule('no/such/module.ts')).rejects.toThrow(ChartModuleError);
    await expect(loadChartModule('no/such/module.ts')).rejects.toThrow(/^chart module no\/such\/module\.ts not found/);
    await expect(loadChartModule(path.join(import.meta.dirname, 'support/notAChartModule.ts'))).rejects.toThrow(
      /must export a start function: export default function start\(ctx\)/,
    );
  });
});
