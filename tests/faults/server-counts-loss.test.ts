/**
 * Loss that is seen (issue 9, item 6): the broker restarts under load and the
 * number of lost messages the server counts (`missed`, from each sender's
 * x-miroscope-seq) equals the loss found from the sequence numbers: what the
 * sender numbered minus what reached the server's records.
 *
 *   sender ── 150 mesh + 150 spy msgs/s ──▶ private broker ──▶ serve
 *                       stop_app … start_app
 *   lost: publishes dropped by the sender's small buffer during the outage (drop-oldest),
 *   in flight when the link died, and flushed before the server's queues
 *   were bound again
 *
 * Each message carries its number in its content too (mesh payload, spy
 * line), so what arrived is read from the records, not from the header the
 * server counts with. Reconnect timings and the loss are printed.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HealthReport } from '../../server/http/LiveSession.ts';
import { resolveServeConfig, SEED_DEMO_KEY } from '../../server/config/serveConfig.ts';
import { startServe, type RunningServe } from '../../server/cli/startServe.ts';
import { MirosNets } from '../../server/net/MirosNets.ts';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { waitFor } from '../net/waitFor.ts';
import { RelayTestClient } from '../server/support/RelayTestClient.ts';
import { faultBroker } from './faultBroker.ts';

describe('the server across a broker restart under load', () => {
  it('counts exactly the messages that never reached it, per network and sender', async () => {
    const broker = faultBroker();
    const id = randomUUID().slice(0, 8);
    const chart = `loss${id}`;
    const node = `sender-${id}`;
    const recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-loss-'));
    const config = resolveServeConfig({ amqp: broker.url, port: 0, recordings, meshBinding: `loss${id}.#` }, {});
    let running: RunningServe | undefined;
    const transport = new AmqpTransport({ url: broker.url, backoff: { initialMs: 100, maxMs: 500 }, heartbeatSec: 5, bufferLimit: 150 });
    const sender = new MirosNets({ transport, meshKey: SEED_DEMO_KEY, txRoutingKey: `loss${id}.man`, node });
    const sent = { mesh: 0, spy: 0 };
    let timer: NodeJS.Timeout | undefined;
    const client: RelayTestClient[] = [];
    try {
      running = await startServe({ config, say: () => {}, log: () => {}, server: { capacity: 100_000 } });
      const server = running.server;
      await transport.whenConnected();
      // The k-th publish on a network carries x-miroscope-seq k; k is also in its content.
      timer = setInterval(() => {
        for (let i = 0; i < 3; i++) {
          sender.transmit({ signal: 'tick', payload: ++sent.mesh }, { chart });
          sender.publishSpy(chart, `tick ${++sent.spy}`);
        }
      }, 20);
      const arrived = () => {
        const mesh = new Set<number>();
        const spy = new Set<number>();
        for (const r of server.recentRecords()) {
          if (r.kind === 'mesh' && r.chart === chart) mesh.add(r.payload as number);
          if (r.kind === 'spy' && r.chart === chart) spy.add(Number(r.line.split(' ')[1]));
        }
        return { mesh, spy };
      };
      await waitFor(() => expect(arrived().spy.size).toBeGreaterThan(100), 10_000);

      const stoppedAt = Date.now();
      let returnedAt = 0;
      try {
        await broker.stopApp();
        await waitFor(() => expect(transport.state).not.toBe('connected'), 10_000);
        await new Promise((resolve) => setTimeout(resolve, 2_500));
      } finally {
        await broker.startApp();
        returnedAt = Date.now();
      }
      const sentAtReturn = sent.mesh;
      const senderBack = await waitFor(() => (expect(transport.state).toBe('connected'), Date.now() - returnedAt), 10_000, 5);
      const serverBack = await waitFor(() => (expect(server.health().transport.connected).toBe(true), Date.now() - returnedAt), 10_000, 5);
      const heardAgain = await waitFor(() => (expect(Math.max(...arrived().mesh)).toBeGreaterThan(sentAtReturn), Date.now() - returnedAt), 10_000, 5);
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // more load after the return
      clearInterval(timer);
      await waitFor(() => expect([Math.max(...arrived().mesh), Math.max(...arrived().spy)]).toEqual([sent.mesh, sent.spy]), 10_000);

      // The loss by sequence numbers: numbered 1..sent, minus what the server's records hold.
      const got = arrived();
      const lost = { mesh: sent.mesh - got.mesh.size, spy: sent.spy - got.spy.size };
      const health = (await (await fetch(`http://127.0.0.1:${server.port}/api/health`)).json()) as HealthReport;
      client.push(new RelayTestClient(`http://127.0.0.1:${server.port}`));
      const hello = await client[0]!.connected();
      const missedRecords = server.recentRecords().filter((r): r is Extract<MirosRecord, { kind: 'meta' }> => r.kind === 'meta' && r.event === 'missed');
      const { overflow = 0, unconfirmed = 0 } = transport.counters().dropped;
      console.log(
        `[server-counts-loss] broker down ${returnedAt - stoppedAt} ms; after start_app returned: sender connected ${senderBack} ms, ` +
          `server connected ${serverBack} ms, first new mesh message at the server ${heardAgain} ms; sent ${JSON.stringify(sent)}; ` +
          `lost by sequence numbers ${JSON.stringify(lost)} (the sender dropped ${overflow} from its full buffer, ${unconfirmed} unconfirmed); ` +
          `server counted ${health.counters.missed} ${JSON.stringify(health.counters.missedBy)}; sender transport ${JSON.stringify(transport.counters())}`,
      );
      expect([got.mesh.has(1), got.spy.has(1)]).toEqual([true, true]); // the baseline is the first message
      expect([overflow > 0, lost.mesh + lost.spy >= overflow + unconfirmed]).toEqual([true, true]);
      expect(health.counters.missedBy).toEqual({ [`mesh ${chart}@${node}`]: lost.mesh, [`spy ${chart}@${node}`]: lost.spy });
      expect([health.counters.missed, hello.counters.missed]).toEqual([lost.mesh + lost.spy, lost.mesh + lost.spy]);
      expect(missedRecords.reduce((n, r) => n + r.count!, 0)).toBe(lost.mesh + lost.spy);
    } finally {
      clearInterval(timer);
      client.forEach((c) => c.close());
      await sender.close();
      await transport.close();
      await running?.stop();
      rmSync(recordings, { recursive: true, force: true });
    }
  });
});
