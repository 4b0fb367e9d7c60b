/**
 * Failover under load on a real two-node RabbitMQ cluster (issue 11).
 *
 *   chart a ─┐  ~1,200 pings/s in all     ┌─ node x ─┐  one cluster
 *   chart b ─┼─ each given both URLs ────▶│          │
 *   serve   ─┘  (a child process)         └─ node y ─┘
 *
 *   1. all three on x (first in their lists)  ── stop_app x ──▶ each fails
 *      over to y, redeclares its queues there (they died with x), and
 *      resumes: every chart hears the other again and the dashboard hears
 *      both, within 10 s of the stop.
 *   2. start_app x: nothing changes for anyone (no reconnect, no new loss).
 *   3. the reverse: stop_app y ─▶ all back on x; start_app y.
 *
 * After each step the load pauses until every message has landed, and the
 * loss is found from the ping numbers alone (what each chart sent minus the
 * numbers that reached the dashboard's socket and the other chart). It must
 * equal what the code under test counted from x-miroscope-seq: the server's
 * `missedBy` (/api/health) and `missed` records, each chart's `missed` per
 * sender. No record twice, the server never exits. Timings and losses are
 * printed.
 *
 * Loss is expected and is what this test counts: publishes in flight when
 * a node stopped, and a sender's buffered publishes flushed into the
 * exchange on the new node before a receiver's queue was redeclared there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../server/http/LiveSession.ts';
import { NetworkedActiveObject } from '../../server/net/charts/NetworkedActiveObject.ts';
import { redactUrl } from '../../server/net/transport/redactUrl.ts';
import type { MeshRecord, MetaRecord } from '../../shared/records/MirosRecord.ts';
import { RabbitCluster } from '../support/RabbitCluster.ts';
import type { RabbitNode } from '../support/RabbitNode.ts';
import { waitFor } from '../net/waitFor.ts';
import { RelayTestClient } from '../server/support/RelayTestClient.ts';
import { pause, pingLoad, pingState, rate, resume } from './pingChart.ts';

const KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';
const BIN = fileURLToPath(new URL('../../bin/miroscope.mjs', import.meta.url));
const RATE_PER_CHART = 600;

let cluster: RabbitCluster | undefined;

beforeAll(async () => {
  const orphans = await RabbitCluster.removeOrphans('miroscope-cluster-');
  if (orphans.length > 0) console.log(`[cluster-failover] removed clusters left by killed runs: ${orphans.join(', ')}`);
  const startedAt = Date.now();
  cluster = await RabbitCluster.start();
  console.log(`[cluster-failover] cluster ${cluster.a.nodeName} + ${cluster.b.nodeName} up in ${Date.now() - startedAt} ms`);
}, 240_000);

afterAll(async () => {
  await cluster?.remove();
}, 120_000);

describe('two charts and serve on a two-node RabbitMQ cluster under load', () => {
  it('fail over to the other node within 10 s, both ways, and count exactly what was lost', async () => {
    const { a: x, b: y } = cluster!;
    const tag = randomUUID().slice(0, 8);
    const recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-cluster-'));
    const load = pingLoad(RATE_PER_CHART);
    const charts: NetworkedActiveObject[] = [];
    const chart = (id: 'a' | 'b', peer: 'a' | 'b') => {
      const ao = new NetworkedActiveObject(`${id}_${tag.slice(0, 4)}`, {
        amqpUrl: cluster!.urls,
        amqp: { backoff: { initialMs: 100, maxMs: 1_000 }, heartbeatSec: 5 },
        meshEncryptionKey: KEY,
        txRoutingKey: `${id}.${tag}.man`,
        rxRoutingKey: `${peer}.${tag}.man`,
        node: `${id}-${tag}`,
        print: () => undefined,
      });
      charts.push(ao);
      return ao;
    };
    const a = chart('a', 'b');
    const b = chart('b', 'a');
    const peerOf = new Map([
      [a, b],
      [b, a],
    ]);
    let serve: Serve | undefined;
    let client: RelayTestClient | undefined;
    try {
      serve = await startServeProcess([...cluster!.urls].join(','), recordings, `*.${tag}.man`);
      client = new RelayTestClient(serve.url);
      await client.connected();

      const state = pingState(load);
      a.startAt(state);
      b.startAt(state);
      await Promise.all([a.network.ready(), b.network.ready()]);
      resume(load);
      await waitFor(() => expect(charts.map((c) => load.heard.get(c.name!)!.length > 200)).toEqual([true, true]), 30_000, 50);

      // What the dashboard's socket received, and each chart's tally of its peer's numbers.
      const seen = new DashboardTally(client);
      const missedRecords = () => seen.update().meta.filter((r) => r.event === 'missed');
      const peerTally = (c: NetworkedActiveObject) => peerOf.get(c)!.networkCounters().heard[`mesh ${c.name}@${c.name![0]}-${tag}`];

      /** Pause the load until everything sent has landed; then the loss by numbers. */
      const settle = async (): Promise<Settled> => {
        pause(load);
        await waitFor(() => {
          for (const c of charts) {
            const sent = load.sent.get(c.name!)!;
            // Landed: the last number reached the dashboard, and the other chart's network, and nothing waits in its inbox.
            expect([c.name, seen.update().max.get(c.name!), peerTally(c)?.last, peerOf.get(c)!.networkCounters().inbox.waiting]).toEqual([c.name, sent, sent, 0]);
          }
        }, 30_000, 50);
        // And the other chart has run what it was given (a burst may still be in its queue).
        await Promise.all(charts.map((c) => c.whenIdle()));
        const health = await serve!.health();
        const loss = charts.map((c): Loss => {
          const sent = load.sent.get(c.name!)!;
          const atDashboard = seen.numbers.get(c.name!)!.size;
          const atPeer = new Set(load.heard.get(peerOf.get(c)!.name!)!.map((h) => h.n)).size;
          return {
            chart: c.name!,
            sent,
            dashboard: { bySeq: sent - atDashboard, counted: health.counters.missedBy?.[`mesh ${c.name}@${c.name![0]}-${tag}`] ?? 0 },
            peer: { bySeq: sent - atPeer, counted: peerTally(c)?.missed ?? 0, overflowed: overflowed(peerOf.get(c)!) },
          };
        });
        return { health, loss };
      };

      /**
       * Stop `down`'s app under load; everyone must resume on `up`. Times
       * count from the moment the node closed our connections (the first
       * client to see it): rabbitmqctl itself needs seconds to boot on a
       * loaded machine before it even asks the node to stop.
       */
      const failover = async (down: RabbitNode, up: RabbitNode) => {
        const upBroker = redactUrl(up.url);
        for (const c of charts) expect([c.name, c.network.broker]).toEqual([c.name, redactUrl(down.url)]);
        expect((await serve!.health()).transport.broker).toBe(`127.0.0.1:${down.port}`);
        const before = charts.map((c) => c.networkCounters());
        const metaBefore = seen.update().meta.length;
        const commandAt = Date.now();
        const stopping = down.stopApp();
        const outage = (event: 'disconnected' | 'reconnected') => () => {
          const r = seen.update().meta.slice(metaBefore).find((x) => x.event === event);
          expect(r).toBeDefined();
          return r!;
        };
        const [charted, dashboard] = await Promise.all([
          Promise.all(
            charts.map(async (c, i) => {
              const lost = await waitFor(() => (expect(c.networkCounters().disconnects).toBe(before[i]!.disconnects + 1), Date.now()), 120_000, 5);
              const back = await waitFor(() => {
                expect([c.networkCounters().state, c.network.broker, c.networkCounters().reconnects]).toEqual(['connected', upBroker, before[i]!.reconnects + 1]);
                return Date.now();
              }, 30_000, 5);
              const heard = await waitFor(() => {
                const h = load.heard.get(c.name!)!.at(-1)!;
                expect(h.at).toBeGreaterThan(back);
                return h.at;
              }, 30_000, 5);
              return { lost, back, heard };
            }),
          ),
          (async () => {
            // The dashboard's own view: the server's disconnected and reconnected records, then fresh pings of both charts.
            const lost = (await waitFor(outage('disconnected'), 120_000, 5)).received;
            const reconnected = await waitFor(outage('reconnected'), 30_000, 5);
            const back = reconnected.received;
            const heard = await waitFor(() => {
              const latest = charts.map((c) => seen.update().lastMeshAt.get(c.name!)!);
              expect(latest.map((t) => t > back)).toEqual([true, true]);
              return Math.max(...latest);
            }, 30_000, 5);
            const { transport } = await serve!.health();
            expect([transport.connected, transport.broker, reconnected.detail]).toEqual([true, `127.0.0.1:${up.port}`, expect.stringContaining(`reconnected to ${upBroker}`)]);
            return { lost, back, heard };
          })(),
        ]);
        await stopping;
        const stoppedAt = Math.min(...charted.map((t) => t.lost), dashboard.lost);
        const since = (t: { lost: number; back: number; heard: number }) => ({ lost: t.lost - stoppedAt, back: t.back - stoppedAt, heard: t.heard - stoppedAt });
        await new Promise((resolve) => setTimeout(resolve, 1_000)); // more load on the surviving node
        return { charts: charted.map(since), dashboard: since(dashboard), command: stoppedAt - commandAt };
      };

      /** Start `returning` again under load: nobody moves or reconnects, nothing is lost. */
      const nodeReturns = async (returning: RabbitNode, up: RabbitNode, lossBefore: Loss[]) => {
        resume(load);
        const reconnectsBefore = charts.map((c) => c.networkCounters().reconnects);
        const serverEventsBefore = seen.update().meta.filter((r) => /connected/.test(r.event)).length;
        await returning.startApp();
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        const { health, loss } = await settle();
        expect(charts.map((c) => [c.network.broker, c.networkCounters().reconnects])).toEqual(charts.map((_, i) => [redactUrl(up.url), reconnectsBefore[i]]));
        expect([health.transport.connected, health.transport.broker]).toEqual([true, `127.0.0.1:${up.port}`]);
        expect(seen.update().meta.filter((r) => /connected/.test(r.event)).length).toBe(serverEventsBefore);
        // No new loss on the way (what a chart's full mesh inbox refused is its own matter: see overflowed()).
        expect(loss.map((l) => [l.dashboard.bySeq, l.peer.counted])).toEqual(lossBefore.map((l) => [l.dashboard.bySeq, l.peer.counted]));
        checkLoss({ health, loss }, missedRecords());
        return loss;
      };

      // Everyone listened before the first ping: a receiver's baseline is number 1, so all loss is seen.
      expect(charts.map((c) => peerOf.get(c)!.networkCounters().heard[`mesh ${c.name}@${c.name![0]}-${tag}`]?.first)).toEqual([1, 1]);
      expect(charts.map((c) => seen.update().numbers.get(c.name!)!.has(1))).toEqual([true, true]);
      const calm = await settle();
      checkLoss(calm, missedRecords());
      resume(load);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const first = await failover(x, y);
      const afterFirst = await settle();
      checkLoss(afterFirst, missedRecords());
      const afterXBack = await nodeReturns(x, y, afterFirst.loss);
      resume(load);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const second = await failover(y, x);
      const afterSecond = await settle();
      checkLoss(afterSecond, missedRecords());
      const afterYBack = await nodeReturns(y, x, afterSecond.loss);

      // Nothing twice: each message id once, each (chart, number) once, at the dashboard and at each chart.
      seen.update();
      const heardTwice = charts.map((c) => load.heard.get(c.name!)!.length - new Set(load.heard.get(c.name!)!.map((h) => h.n)).size);
      const relayDrops = client.batches.filter((batch) => batch.dropped).length;
      const step = (name: string, to: string, t: Awaited<ReturnType<typeof failover>>) =>
        `stop_app ${name} (rabbitmqctl took ${t.command} ms to close our connections): charts on ${to} ${t.charts.map((c) => c.back).join(' / ')} ms after, ` +
        `hear each other ${t.charts.map((c) => c.heard).join(' / ')} ms; dashboard reconnected ${t.dashboard.back} ms, hears both ${t.dashboard.heard} ms`;
      const health = await serve.health();
      console.log(
        `[cluster-failover] load ${rate(load).toFixed(0)} pings/s while on (2 charts, ${(load.onMs / 1000).toFixed(1)} s); before any failover: ${lossText(calm.loss)}\n` +
          `  ${step(x.name, y.name, first)}; lost so far: ${lossText(afterFirst.loss)}\n` +
          `  after start_app ${x.name}: ${lossText(afterXBack)}\n` +
          `  ${step(y.name, x.name, second)}; lost so far: ${lossText(afterSecond.loss)}\n` +
          `  after start_app ${y.name}: ${lossText(afterYBack)}\n` +
          `  dashboard: ${client.records.length} records, missed ${health.counters.missed}; chart a's transport ${JSON.stringify(a.networkCounters().transport)}`,
      );
      expect(rate(load)).toBeGreaterThanOrEqual(1_000);
      for (const t of [first, second]) expect(Math.max(...t.charts.map((c) => c.heard), t.dashboard.heard)).toBeLessThan(10_000);
      expect([relayDrops, seen.idsTwice, seen.numbersTwice, heardTwice]).toEqual([0, 0, 0, [0, 0]]);
      expect([serve.exited(), charts.map((c) => [c.isRunning, c.failure])]).toEqual([null, [[true, undefined], [true, undefined]]]);
    } finally {
      pause(load);
      client?.close();
      await Promise.allSettled(charts.map((c) => c.stop()));
      const code = await serve?.stop();
      rmSync(recordings, { recursive: true, force: true });
      if (serve) expect(code).toBe(0);
    }
  }, 480_000);
});

/** One chart's messages lost so far: found from the numbers (`bySeq`) and counted by the code under test. */
interface Loss {
  chart: string;
  sent: number;
  /** At the dashboard (its socket's records; counted: /api/health's missedBy). */
  dashboard: { bySeq: number; counted: number };
  /**
   * At the other chart: counted, its `missed` for this sender (lost on the
   * way); overflowed, what reached it while its mesh inbox was full.
   */
  peer: { bySeq: number; counted: number; overflowed: number };
}

interface Settled {
  health: HealthReport;
  loss: Loss[];
}

/** What was counted equals what the numbers say, at the dashboard (health and records) and at each chart. */
function checkLoss({ health, loss }: Settled, missed: MetaRecord[]): void {
  expect(loss.map((l) => [l.chart, l.dashboard.counted, l.peer.counted + l.peer.overflowed])).toEqual(loss.map((l) => [l.chart, l.dashboard.bySeq, l.peer.bySeq]));
  const total = loss.reduce((n, l) => n + l.dashboard.bySeq, 0);
  expect([health.counters.missed, missed.reduce((n, r) => n + r.count!, 0)]).toEqual([total, total]);
}

function lossText(loss: Loss[]): string {
  return loss
    .map((l) => `${l.chart}: sent ${l.sent}, dashboard missed ${l.dashboard.bySeq} (counted ${l.dashboard.counted}), peer missed ${l.peer.bySeq} (counted ${l.peer.counted} + ${l.peer.overflowed} over its full inbox)`)
    .join('; ');
}

/**
 * Mesh events that reached chart `c` but never entered it. A peer's
 * publishes held during the failover arrive in one burst, faster than the
 * chart runs them; they wait in its mesh inbox for room in its event queue
 * (miros's 500), so only past the inbox's 10,000 are any refused, each
 * counted as `queue-full` — never as a handler error of the transport.
 */
function overflowed(c: NetworkedActiveObject): number {
  const n = c.networkCounters();
  const count = n.received.mesh - n.posted - n.ignored.own - n.ignored.reserved - n.inbox.waiting;
  expect([n.transport!.rejected['handler-error'] ?? 0, n.rejected['queue-full'] ?? 0]).toEqual([0, count]);
  return count;
}

/**
 * What the dashboard's socket received, tallied as it arrives: scanning
 * tens of thousands of records on every poll would starve the charts
 * sharing this process.
 */
class DashboardTally {
  private cursor = 0;
  /** Per chart: the ping numbers received, the highest, when the latest arrived at the server. */
  readonly numbers = new Map<string, Set<number>>();
  readonly max = new Map<string, number>();
  readonly lastMeshAt = new Map<string, number>();
  /** The server's own records: connected, disconnected, reconnected, missed … */
  readonly meta: MetaRecord[] = [];
  private readonly ids = new Set<string>();
  idsTwice = 0;
  numbersTwice = 0;

  constructor(private readonly client: RelayTestClient) {}

  update(): this {
    const records = this.client.records;
    for (; this.cursor < records.length; this.cursor++) {
      const r = records[this.cursor]!;
      if (r.kind === 'meta') this.meta.push(r);
      if (r.kind !== 'mesh' || r.chart === null) continue;
      const id = (r as MeshRecord).correlation?.messageId ?? '';
      if (this.ids.has(id)) this.idsTwice++;
      this.ids.add(id);
      const n = r.payload as number;
      const numbers = this.numbers.get(r.chart) ?? new Set<number>();
      if (numbers.has(n)) this.numbersTwice++;
      this.numbers.set(r.chart, numbers.add(n));
      this.max.set(r.chart, Math.max(n, this.max.get(r.chart) ?? 0));
      this.lastMeshAt.set(r.chart, r.received);
    }
    return this;
  }
}

/** Polls an async check until it passes; resolves with the ms it took. */
async function poll(check: () => Promise<void>, timeoutMs: number): Promise<number> {
  const startedAt = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - startedAt;
    } catch (error) {
      if (Date.now() - startedAt > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

interface Serve {
  url: string;
  health(): Promise<HealthReport>;
  /** The exit code, or null while it runs. */
  exited(): number | null;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** `miroscope serve` as users run it, in its own process, on both nodes' URLs. */
async function startServeProcess(amqp: string, recordings: string, meshBinding: string): Promise<Serve> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--no-build', '--port', String(port), '--amqp', amqp, '--recordings', recordings, '--mesh-binding', meshBinding], {
    env: { ...process.env, AMQP_URL: '', MIROS_MESH_KEY: KEY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => void (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const health = async () => {
    const response = await fetch(`${url}/api/health`);
    if (!response.ok) throw new Error(`/api/health answered ${response.status}`);
    return (await response.json()) as HealthReport;
  };
  try {
    await poll(async () => {
      if (child.exitCode !== null) throw Object.assign(new Error(`serve exited (${child.exitCode}): ${output}`), { fatal: true });
      expect((await health()).transport.connected).toBe(true);
    }, 60_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`serve did not come up: ${(error as Error).message}\n${output}`);
  }
  return {
    url,
    health,
    exited: () => child.exitCode,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exit;
      if (code !== 0) console.log(`[cluster-failover] serve output:\n${output}`);
      return code;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
