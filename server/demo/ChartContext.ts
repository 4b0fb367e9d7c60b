/**
 * The contract between `miroscope serve` and a chart module: the demo's
 * charts and the user's own (`--charts ./my-charts.ts`) are written the same
 * way.
 *
 *   // my-charts.ts
 *   export default function start(ctx) {
 *     const { NetworkedActiveObject, Event, signals, spyOn, ReturnStatus } = ctx.runtime;
 *     const ao = new NetworkedActiveObject(ctx.makeName('ao'), ctx.options({ txRoutingKey: 'a.b', rxRoutingKey: '#.b' }));
 *     ctx.instrument(ao);        // its trace and spy reach the dashboard
 *     ctx.track(ao);             // stopped when the server stops
 *     ao.startAt(myState);
 *   }
 *
 * A module may also export `start` instead of a default. `start` may be
 * async. It runs once, after the server is listening; anything it returns is
 * ignored. Charts get the server's transport (the broker it watches, or its
 * in-process bus) and keys through `ctx.options()`, so they never need a URL
 * or a key of their own, and everything they do is heard by the server like
 * any other node's traffic.
 */
import { randomUUID } from 'node:crypto';
import { NetworkedActiveObject } from '../net/charts/NetworkedActiveObject.ts';
import type { NetworkedChartOptions } from '../net/charts/NetworkedChartOptions.ts';
import { NetworkedFactory } from '../net/charts/NetworkedFactory.ts';
import type { Transport } from '../net/transport/Transport.ts';
import { Event, ReturnStatus, signals, spyOn } from '../statechart/index.ts';
import type { NetworkKeys } from '../config/serveConfig.ts';

/** What a chart module gets without importing anything from miroscope. */
export const chartRuntime = { NetworkedActiveObject, NetworkedFactory, Event, signals, spyOn, ReturnStatus };

export type NetworkedChart = NetworkedActiveObject | NetworkedFactory;

export interface ChartContext {
  runtime: typeof chartRuntime;
  /** Options for a networked chart on the server's transport and keys; add your routing keys. */
  options(extra?: Partial<NetworkedChartOptions>): NetworkedChartOptions;
  /**
   * Publish the chart's live trace and spy (and its topology) to the snoop
   * networks, without printing what those networks carry to the server's
   * terminal.
   */
  instrument<C extends NetworkedChart>(chart: C): C;
  /** Stop this chart (and close its networks) when the server stops. */
  track<C extends { stop(): Promise<void> }>(chart: C): C;
  /** The seed's make_name: five characters of a uuid, `_`, and `post`. */
  makeName(post: string): string;
  /** Multiply your timer periods by this (tests run the demo faster); 1 normally. */
  timeScale: number;
  /** A line in the server's log. */
  log(line: string): void;
}

export type ChartModuleStart = (ctx: ChartContext) => unknown;

export interface ChartContextOptions {
  transport: Transport;
  keys: NetworkKeys;
  timeScale?: number;
  log: (line: string) => void;
}

/** A context, and the function that stops everything modules tracked through it. */
export function createChartContext(options: ChartContextOptions): { ctx: ChartContext; stopAll(): Promise<void> } {
  const tracked: { stop(): Promise<void> }[] = [];
  const ctx: ChartContext = {
    runtime: chartRuntime,
    options: (extra = {}) => ({
      transport: options.transport,
      meshEncryptionKey: options.keys.mesh,
      snoopTraceEncryptionKey: options.keys.trace,
      snoopSpyEncryptionKey: options.keys.spy,
      node: 'miroscope-charts',
      // A failing step is the module's problem, not the server's: log it, keep serving.
      onError: (error: unknown) => options.log(`chart error: ${(error as Error)?.stack ?? String(error)}`),
      ...extra,
    }),
    instrument(chart) {
      chart.enableSnoopTraceNoColor();
      chart.enableSnoopSpyNoColor();
      chart.registerNetworkTraceCallback(() => {});
      chart.registerNetworkSpyCallback(() => {});
      return chart;
    },
    track(chart) {
      tracked.push(chart);
      return chart;
    },
    makeName: (post) => `${randomUUID().slice(0, 5)}_${post}`,
    timeScale: options.timeScale ?? 1,
    log: options.log,
  };
  return {
    ctx,
    async stopAll() {
      const results = await Promise.allSettled(tracked.splice(0).map((chart) => chart.stop()));
      for (const result of results) {
        if (result.status === 'rejected') options.log(`stopping a chart failed: ${(result.reason as Error)?.message}`);
      }
    },
  };
}
