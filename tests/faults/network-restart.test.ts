/**
 * The broker restarted under a running two-chart network (the seed chart,
 * timers sped up): `rabbitmqctl -n <private node> stop_app`, a few seconds down, `start_app`.
 *
 *   both charts ── exchanging ──▶ broker down: each keeps transitioning on its
 *   own timers, its publishes buffered (counted) ──▶ broker back: each
 *   reconnects, rebinds, flushes, and hears the other again (< 10 s)
 *
 * Then every message one chart numbered on the mesh and trace networks is
 * accounted for at the other: heard before, heard, or counted as missed
 * (messages flushed into an exchange before the peer's queue was rebound
 * are lost — and counted). Timings are printed.
 *
 * Drives the fault run's private broker (never the shared one) and always
 * restarts its app in a finally.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NetworkedActiveObject } from '../../server/net/charts/NetworkedActiveObject.ts';
import type { ChartNetworkCounters } from '../../server/net/charts/ChartNetwork.ts';
import { seedChartStates } from '../../examples/seedChartStates.ts';
import { waitFor } from '../net/waitFor.ts';
import { faultBroker } from './faultBroker.ts';

const KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';

const total = (c: ChartNetworkCounters, network: 'mesh' | 'trace') => c.published[network].sent + c.published[network].buffered + c.published[network].dropped;

describe('a two-chart network across a broker restart', () => {
  it('carries on, reconnects, exchanges events again within 10 s and accounts for every message', async () => {
    const broker = faultBroker();
    const AMQP_URL = broker.url;
    const tag = randomUUID().slice(0, 8);
    const charts: NetworkedActiveObject[] = [];
    const moves: Record<string, { at: number; signal: string }[]> = {};
    const chart = (node: string) => {
      const ao = new NetworkedActiveObject(`${node}_${tag.slice(0, 4)}`, {
        amqpUrl: AMQP_URL,
        amqp: { backoff: { initialMs: 100, maxMs: 1_000 }, heartbeatSec: 5 },
        meshEncryptionKey: KEY,
        txRoutingKey: `${node}.${tag}.man`,
        rxRoutingKey: `#.${tag}.man`,
        node: `${node}-${tag}`,
        print: () => undefined,
      });
      moves[node] = [];
      ao.observe((o) => void (o.type === 'trace' && moves[node]!.push({ at: Date.now(), signal: o.signal })));
      ao.enableSnoopTrace();
      charts.push(ao);
      return ao;
    };
    const a = chart('a');
    const b = chart('b');
    const { outer } = seedChartStates(() => 0.3 + Math.random() * 0.7);
    let stoppedAt = 0;
    let returnedAt = 0;
    try {
      a.startAt(outer);
      b.startAt(outer);
      await Promise.all([a.network.ready(), b.network.ready()]);
      await waitFor(() => expect([a.networkCounters().posted > 0, b.networkCounters().posted > 0]).toEqual([true, true]), 15_000);

      stoppedAt = Date.now();
      let movedWhileDown: number[] = [];
      try {
        await broker.stopApp();
        await waitFor(() => expect([a.networkCounters().state, b.networkCounters().state].includes('connected')).toBe(false), 10_000);
        const downAt = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        movedWhileDown = ['a', 'b'].map((n) => moves[n]!.filter((m) => m.at >= downAt).length);
      } finally {
        await broker.startApp();
        returnedAt = Date.now();
      }
      const receivedAtReturn = [a, b].map((c) => c.networkCounters().received.mesh);
      const heardAgain = await Promise.all(
        [a, b].map(async (c, i) => {
          await waitFor(() => expect(c.networkCounters().received.mesh).toBeGreaterThan(receivedAtReturn[i]!), 15_000, 20);
          return Date.now() - returnedAt;
        }),
      );
      const followedAgain = await Promise.all(
        ['a', 'b'].map(async (n) => {
          const m = await waitFor(() => {
            const found = moves[n]!.find((x) => x.at > returnedAt && x.signal.startsWith('other_'));
            expect(found).toBeDefined();
            return found!;
          }, 15_000, 20);
          return m.at - returnedAt;
        }),
      );
      await waitFor(() => expect([a.networkCounters().state, b.networkCounters().state]).toEqual(['connected', 'connected']), 10_000);

      // Stop a, let its last messages land, then account for all of a's numbered messages at b.
      await a.stop();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const [ca, cb] = [a.networkCounters(), b.networkCounters()];
      const accounted = (network: 'mesh' | 'trace') => {
        const t = cb.heard[`${network} ${a.name}@a-${tag}`]!;
        return t.first - 1 + t.received + t.missed;
      };
      console.log(
        `[network-restart] broker down ${returnedAt - stoppedAt} ms; transitions while down a=${movedWhileDown[0]} b=${movedWhileDown[1]}; ` +
          `first mesh message heard again ${heardAgain[0]} / ${heardAgain[1]} ms after start_app returned; first other_ transition again ${followedAgain[0]} / ${followedAgain[1]} ms; ` +
          `a published ${JSON.stringify(ca.published)}; b missed ${cb.missed} of a's messages (${JSON.stringify(cb.heard)}); a missed ${ca.missed}; ` +
          `transport a ${JSON.stringify(ca.transport)}`,
      );
      expect(movedWhileDown.map((n) => n > 0)).toEqual([true, true]);
      expect([Math.max(...heardAgain) < 10_000, Math.max(...followedAgain) < 10_000]).toEqual([true, true]);
      expect([ca.disconnects, ca.reconnects, cb.disconnects, cb.reconnects]).toEqual([1, 1, 1, 1]);
      expect([ca.published.mesh.buffered > 0, ca.published.trace.buffered > 0, ca.transport!.dropped.overflow ?? 0, ca.transport!.buffered]).toEqual([true, true, 0, 0]);
      // Every message a numbered reached b, was sent before b listened, or is counted missed.
      expect([accounted('mesh'), accounted('trace')]).toEqual([total(ca, 'mesh'), total(ca, 'trace')]);
    } finally {
      await Promise.allSettled(charts.map((c) => c.stop()));
    }
  });
});
