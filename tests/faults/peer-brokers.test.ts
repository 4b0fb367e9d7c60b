/**
 * miros-rabbitmq's own deployment, a broker per machine (issue 11): two
 * independent RabbitMQ nodes (not clustered) at two loopback addresses,
 * standing for two machines, and one of our charts on each. A chart
 * consumes from its own broker and publishes to both (`peerAmqpUrls`), so
 * each broker carries the whole network:
 *
 *   machine 127.0.0.1                        machine 127.0.0.2
 *   chart a ── consumes ── broker p          broker q ── consumes ── chart b
 *        └──── publishes ──▶ p and q         p and q ◀── publishes ────┘
 *   serve on p: hears a and b                serve on q: hears a and b
 *
 * Each chart reacts to the other's events (the seed chart, timers sped
 * up), and a dashboard on either broker shows both charts, each message
 * once, nothing missed. A Python node per machine (../shared/interop's
 * py_seed_chart.py) is the interop runner's part: a fresh clone has no
 * ../shared.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveServeConfig, SEED_DEMO_KEY } from '../../server/config/serveConfig.ts';
import { startServe, type RunningServe } from '../../server/cli/startServe.ts';
import { NetworkedActiveObject } from '../../server/net/charts/NetworkedActiveObject.ts';
import type { MeshRecord } from '../../shared/records/MirosRecord.ts';
import { MirosNets } from '../../server/net/MirosNets.ts';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import { FanOutTransport } from '../../server/net/transport/FanOutTransport.ts';
import { seedChartStates } from '../../examples/seedChartStates.ts';
import { RabbitNode } from '../support/RabbitNode.ts';
import { waitFor } from '../net/waitFor.ts';

const nodes: RabbitNode[] = [];

beforeAll(async () => {
  for (const prefix of ['miroscope-peers-p-', 'miroscope-peers-q-']) await RabbitNode.removeOrphans(prefix);
  const startedAt = Date.now();
  const started = await Promise.allSettled([
    RabbitNode.start({ name: `miroscope-peers-p-${process.pid}`, host: '127.0.0.1' }),
    RabbitNode.start({ name: `miroscope-peers-q-${process.pid}`, host: '127.0.0.2' }),
  ]);
  for (const s of started) if (s.status === 'fulfilled') nodes.push(s.value);
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  console.log(`[peer-brokers] brokers at ${nodes.map((n) => `${n.host}:${n.port}`).join(' and ')} up in ${Date.now() - startedAt} ms`);
}, 180_000);

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.remove()));
}, 120_000);

describe('a broker per machine, charts publishing to every broker', () => {
  it('lets each chart react to the other, and a dashboard on either broker hears both', async () => {
    const [p, q] = nodes as [RabbitNode, RabbitNode];
    const tag = randomUUID().slice(0, 8);
    const recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-peers-'));
    const servers: RunningServe[] = [];
    const charts: NetworkedActiveObject[] = [];
    try {
      for (const broker of [p, q]) {
        const config = resolveServeConfig({ amqp: broker.url, port: 0, recordings: path.join(recordings, broker.host), meshBinding: `#.${tag}.man` }, {});
        servers.push(await startServe({ config, say: () => {}, log: () => {}, server: { capacity: 100_000 } }));
      }
      const chart = (id: string, home: RabbitNode, peer: RabbitNode) => {
        const ao = new NetworkedActiveObject(`${id}_${tag.slice(0, 4)}`, {
          amqpUrl: home.url,
          peerAmqpUrls: [peer.url],
          meshEncryptionKey: SEED_DEMO_KEY,
          txRoutingKey: `${id}.${tag}.man`,
          rxRoutingKey: `#.${tag}.man`,
          node: `${id}-${tag}`,
          print: () => undefined,
        });
        ao.enableSnoopTrace();
        charts.push(ao);
        return ao;
      };
      const a = chart('a', p, q);
      const b = chart('b', q, p);
      const { outer } = seedChartStates(() => 0.2 + Math.random() * 0.3);
      a.startAt(outer);
      b.startAt(outer);
      await Promise.all(charts.map((c) => c.network.ready()));

      // Reacting to the other: an other_* transition (a chart's own transmits carry its name and are skipped).
      const followed = (c: NetworkedActiveObject) => (c.trace() ?? '').split('\n').filter((line) => /e->other_to_(inner|outer)\(/.test(line));
      await waitFor(() => expect(charts.map((c) => followed(c).length >= 3)).toEqual([true, true]), 30_000, 50);
      // Each heard the other on its own broker only: the other's numbers, once each, none missed.
      expect(charts.map((c) => c.networkCounters().heard[`mesh ${(c === a ? b : a).name}@${c === a ? 'b' : 'a'}-${tag}`]?.missed)).toEqual([0, 0]);
      expect(charts.map((c) => c.network.broker)).toEqual([`amqp://***@127.0.0.1:${p.port}/`, `amqp://***@127.0.0.2:${q.port}/`]);

      // Let the last messages land, then read both dashboards.
      await Promise.all(charts.map((c) => c.stop()));
      const sent = charts.map((c) => c.networkCounters().published);
      const dashboards = await Promise.all(
        servers.map((s) =>
          waitFor(() => {
            const records = s.server.recentRecords();
            const mesh = records.filter((r): r is MeshRecord => r.kind === 'mesh');
            const of = (c: NetworkedActiveObject) => ({
              mesh: mesh.filter((r) => r.chart === c.name).length,
              trace: records.filter((r) => r.kind === 'trace' && r.chart === c.name).length,
              senders: [...new Set(mesh.filter((r) => r.chart === c.name).map((r) => r.sender))],
            });
            const seen = charts.map(of);
            // Every mesh message and trace line of both charts, whichever broker the chart lives on.
            expect(seen.map((x) => [x.mesh, x.trace])).toEqual(sent.map((x) => [x.mesh.sent + x.mesh.buffered, x.trace.sent + x.trace.buffered]));
            return { seen, ids: mesh.map((r) => r.correlation?.messageId), health: s.server.health() };
          }, 15_000, 50),
        ),
      );
      console.log(
        `[peer-brokers] a followed b ${followed(a).length}×, b followed a ${followed(b).length}×; ` +
          dashboards.map((d, i) => `dashboard on ${nodes[i]!.host}: ${JSON.stringify(d.seen)}, missed ${d.health.counters.missed}`).join('; '),
      );
      for (const d of dashboards) {
        // Each machine's charts carry its own address in their mesh tuples, as Python nodes do.
        expect(d.seen.map((x) => x.senders)).toEqual([['127.0.0.1'], ['127.0.0.2']]);
        expect([d.ids.length - new Set(d.ids).size, d.health.counters.missed, d.health.transport.broker]).toEqual([0, 0, expect.stringMatching(/^127\.0\.0\.[12]:/)]);
      }
      expect(sent.map((x) => [x.mesh.sent > 0, x.trace.sent > 0, x.mesh.dropped, x.trace.dropped])).toEqual([
        [true, true, 0, 0],
        [true, true, 0, 0],
      ]);
    } finally {
      await Promise.allSettled(charts.map((c) => c.stop()));
      for (const s of servers) await s.stop();
      rmSync(recordings, { recursive: true, force: true });
    }
  }, 120_000);

  it('keeps publishing home while a peer broker is down, and catches the peer up when it returns', async () => {
    const [p, q] = nodes as [RabbitNode, RabbitNode];
    const tag = randomUUID().slice(0, 8);
    const chart = `fan${tag.slice(0, 4)}`;
    const recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-peers-'));
    const servers: RunningServe[] = [];
    const amqp = { backoff: { initialMs: 100, maxMs: 500 }, heartbeatSec: 5 };
    const links = [new AmqpTransport({ ...amqp, url: p.url }), new AmqpTransport({ ...amqp, url: q.url })] as const;
    const fan = new FanOutTransport(links[0], [links[1]]);
    const sender = new MirosNets({ transport: fan, meshKey: SEED_DEMO_KEY, txRoutingKey: `fan.${tag}.man`, node: `fan-${tag}` });
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    let appStopped = false;
    try {
      for (const broker of [p, q]) {
        const config = resolveServeConfig({ amqp: broker.url, port: 0, recordings: path.join(recordings, broker.host), meshBinding: `#.${tag}.man` }, {});
        servers.push(await startServe({ config, say: () => {}, log: () => {}, server: { capacity: 100_000 } }));
      }
      await Promise.all(links.map((l) => l.whenConnected()));
      const heard = (s: RunningServe) => new Set(s.server.recentRecords().flatMap((r) => (r.kind === 'mesh' && r.chart === chart ? [r.payload as number] : [])));
      timer = setInterval(() => sender.transmit({ signal: 'tick', payload: ++sent }, { chart }), 10);
      await waitFor(() => expect(servers.map((s) => heard(s).size > 50)).toEqual([true, true]), 15_000, 50);

      await q.stopApp();
      appStopped = true;
      const whileDown = sent;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const held = fan.peerCounters()[0]!.counters.buffered;
      const homeHeardWhileDown = [...heard(servers[0]!)].filter((n) => n > whileDown).length;
      await q.startApp();
      appStopped = false;
      await waitFor(() => expect(Math.max(...heard(servers[1]!))).toBeGreaterThan(sent - 20), 30_000, 50);
      clearInterval(timer);
      await waitFor(() => expect(servers.map((s) => Math.max(...heard(s)))).toEqual([sent, sent]), 15_000, 50);

      const [atP, atQ] = servers.map((s) => ({ heard: heard(s), health: s.server.health() }));
      const peer = fan.peerCounters()[0]!;
      console.log(
        `[peer-brokers] a peer broker down ~1 s under 100 msgs/s: held ${held} for it meanwhile; home heard ${homeHeardWhileDown} of them live; ` +
          `sent ${sent}; home missed ${sent - atP!.heard.size} (counted ${atP!.health.counters.missed}); peer missed ${sent - atQ!.heard.size} (counted ${atQ!.health.counters.missed}); ` +
          `home ${JSON.stringify(fan.counters())}; peer ${JSON.stringify(peer)}`,
      );
      // Home never noticed: everything arrived, nothing held, no reconnect.
      expect([atP!.heard.size, atP!.health.counters.missed, fan.counters().reconnects, fan.counters().buffered, homeHeardWhileDown > 50]).toEqual([sent, 0, 0, 0, true]);
      // The peer held its share while its broker was down, reconnected, and what it lost is counted by the dashboard there.
      expect([held > 0, peer.counters.reconnects, peer.counters.buffered, peer.broker]).toEqual([true, 1, 0, `amqp://***@127.0.0.2:${q.port}/`]);
      expect(atQ!.health.counters.missed).toBe(sent - atQ!.heard.size);
    } finally {
      clearInterval(timer);
      if (appStopped) await q.startApp();
      await sender.close();
      await fan.close();
      for (const s of servers) await s.stop();
      rmSync(recordings, { recursive: true, force: true });
    }
  }, 180_000);
});
