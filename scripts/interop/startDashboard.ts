/**
 * Starts `miroscope serve` on a free port of the private vhost and connects a
 * DashboardClient to it, as the page would. Checks (b) and (d) both read the
 * dashboard this way; a dashboard that does not come up is one failure line
 * with the server's stderr, the same in both.
 */
import { join } from 'node:path';
import { tail, type Child } from './ChildGroup.ts';
import { DashboardClient } from './DashboardClient.ts';
import type { CheckResult, InteropContext, NetKeys } from './InteropContext.ts';

const STARTUP_MS = 60_000;
const HELLO_MS = 10_000;

export interface DashboardOptions {
  /** What the run calls the server process. */
  label: string;
  /** Its recordings folder, inside the run's scratch space. */
  recordings: string;
  /**
   * Wait for /api/health to report the broker connection up before the
   * client connects: (b) looks for every caused transition in the
   * dashboard, so the server must hear the broker before the charts start;
   * (d) waits for what it needs to show in the dashboard anyway.
   */
  waitForBroker: boolean;
  /** The broker it consumes from (default: the run's vhost). */
  amqpUrl?: string;
}

export type DashboardStart = { ok: true; serve: Child; url: string; dashboard: DashboardClient } | { ok: false; failure: CheckResult };

export async function startDashboard(ctx: InteropContext, keys: NetKeys, options: DashboardOptions): Promise<DashboardStart> {
  const serve = ctx.startMiroscope(['serve', '--no-build', '--port', '0', '--amqp', options.amqpUrl ?? ctx.amqpUrl, '--recordings', join(ctx.scratch, options.recordings)], keys, options.label);
  try {
    const url = await serve.waitFor((out) => /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1], STARTUP_MS, 'dashboard URL');
    if (options.waitForBroker) await untilConnected(url, STARTUP_MS);
    const dashboard = new DashboardClient(url);
    await dashboard.connected(HELLO_MS);
    return { ok: true, serve, url, dashboard };
  } catch (error) {
    return { ok: false, failure: { ok: false, line: 'the dashboard did not come up', details: [(error as Error).message, tail(serve.stderr)] } };
  }
}

/** Waits until the server's /api/health says its broker connection is up. */
async function untilConnected(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const health = (await (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) })).json()) as { transport?: { connected?: boolean } };
      if (health.transport?.connected) return;
      last = JSON.stringify(health.transport);
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the dashboard's broker connection did not come up within ${ms / 1000} s (${last})`);
}
