/**
 * `npm run bench -- relay [--count N] [--seconds S] [--rate R] [--rounds K]`
 *
 * Records from RabbitMQ to a browser through the whole server: a publisher
 * sends Fernet-encrypted pickled mesh events (miros-rabbitmq's bytes, made
 * beforehand); the server's listener decodes them, numbers them,
 * records them to disk and relays them over socket.io to a client that acks
 * each batch, as the dashboard does. Baseline, in the same run: raw amqplib
 * publishing and consuming bodies of the same size (no decoding, no server,
 * no socket.io).
 *
 * - throughput: N records as fast as they go, first publish → last receipt;
 * - latency: p50/p99 at a paced rate (default 2,000 records/s), publish →
 *   the client's handler;
 * - the ratio to the baseline. Goal: ≥ 10,000 records/s and p99 < 20 ms.
 *
 * Rounds alternate the two stacks and the medians are reported, so load from
 * other work on a shared machine hits both alike.
 *
 * The mesh network is used with a routing key unique to the run, so other
 * consumers on the shared broker are not flooded (the snoop networks have
 * fixed routing keys every listener hears).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as amqp from 'amqplib';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './support/projectShared.ts';
import { resolveServeConfig, SEED_DEMO_KEY } from '../server/config/serveConfig.ts';
import { startServe } from '../server/cli/startServe.ts';
import { MessageCodec } from '../server/net/MessageCodec.ts';
import { meshItem } from '../server/net/mirosItems.ts';
import { MIROS_EXCHANGES } from '../server/net/mirosTopology.ts';
import type { BenchStack } from './support/BenchStack.ts';
import { numberArg } from './support/numberArg.ts';
import { median, percentile } from './support/percentile.ts';
import { rawAmqpStack } from './support/rawAmqpStack.ts';
import { measureThroughput } from './support/measureThroughput.ts';
import { sendPaced } from './support/sendPaced.ts';
import { waitUntil } from './support/waitUntil.ts';

const AMQP_URL = process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672/';

interface Stack extends BenchStack {
  /** Records the stack reported as dropped (the relay's "dropped N"). */
  dropped(): number;
}

async function rawStack(bodyBytes: number): Promise<Stack> {
  const raw = await rawAmqpStack({ url: AMQP_URL, name: 'baseline: raw amqplib publish → consume', exchangePrefix: 'bench.relay.raw', routingKey: 'x', bodyBytes });
  return { ...raw, dropped: () => 0 };
}

/**
 * The server under test. The publisher sends bodies encoded beforehand with
 * the wire layer's codec (exactly what a miros-rabbitmq node or our
 * MirosNets puts on the wire) through a plain amqplib channel, so the
 * numbers are the server's and not the publisher's encryption cost.
 */
async function serverStack(count: number): Promise<Stack> {
  const id = randomUUID().slice(0, 8);
  const recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-bench-'));
  const config = resolveServeConfig({ port: 0, recordings, meshBinding: `bench${id}.#` }, {});
  const running = await startServe({ config, say: () => {}, log: (line) => console.error(line) });
  const codec = new MessageCodec({ network: 'mesh', key: SEED_DEMO_KEY });
  const bodies = Array.from({ length: count + 1 }, (_, seq) => codec.encode(meshItem('127.0.0.1', { signal: 'tick', payload: seq })));
  const connection = await amqp.connect(AMQP_URL, { noDelay: true });
  const pub = await connection.createChannel();
  const properties = { appId: 'miros-rabbitmq-publisher', contentType: 'application/json', headers: { version: '1.0' } };
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  let dropped = 0;
  return {
    name: 'ours: AMQP → listener → relay (+recorder) → socket.io',
    send(seq) {
      pub.publish(MIROS_EXCHANGES.mesh, `bench${id}.x`, bodies[seq]!, properties);
    },
    onReceive(handler) {
      return new Promise((resolve) => {
        socket = io(`http://127.0.0.1:${running.server.port}`, { transports: ['websocket'], reconnection: false });
        socket.on('hello', (hello) => {
          socket!.emit('resume', { afterSeq: hello.lastSeq, session: hello.session });
          resolve();
        });
        socket.on('records', (batch) => {
          if (batch.dropped) dropped += batch.dropped.count;
          for (const record of batch.records) {
            if (record.kind === 'mesh' && typeof record.payload === 'number') handler(record.payload);
          }
          socket!.emit('ack', { lastSeq: batch.records.at(-1)?.seq ?? batch.lastSeq });
        });
      });
    },
    dropped: () => dropped,
    async close() {
      (socket as Socket | null)?.close();
      await connection.close();
      await running.stop();
      rmSync(recordings, { recursive: true, force: true });
    },
  };
}

/** Latency percentiles at a paced rate. */
async function latency(stack: Stack, rate: number, seconds: number): Promise<{ p50: number; p99: number; lost: number }> {
  const sentAt = new Map<number, number>();
  const samples: number[] = [];
  await stack.onReceive((seq) => {
    const t = sentAt.get(seq);
    if (t !== undefined) samples.push(performance.now() - t);
  });
  const total = Math.round(rate * seconds);
  await sendPaced(rate, total, (n) => stack.send(n), (n) => sentAt.set(n, performance.now()));
  await waitUntil(() => samples.length >= total, 5_000);
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), lost: total - samples.length };
}

interface Row {
  rate: number;
  p50: number;
  p99: number;
  lost: number;
  dropped: number;
}

async function measure(make: () => Promise<Stack>, count: number, rate: number, seconds: number): Promise<Row & { name: string }> {
  const a = await make();
  const fast = await measureThroughput(a, count);
  const droppedFast = a.dropped();
  await a.close();
  const b = await make();
  const paced = await latency(b, rate, seconds);
  const dropped = droppedFast + b.dropped();
  await b.close();
  return { name: a.name, rate: fast.rate, p50: paced.p50, p99: paced.p99, lost: fast.lost + paced.lost, dropped };
}

export async function main(args: string[]): Promise<void> {
  const count = numberArg(args, 'count', 50_000);
  const rate = numberArg(args, 'rate', 2_000);
  const seconds = numberArg(args, 'seconds', 5);
  const rounds = numberArg(args, 'rounds', 3);
  const sample = new MessageCodec({ network: 'mesh', key: SEED_DEMO_KEY }).encode(
    meshItem('127.0.0.1', { signal: 'tick', payload: 12345 }),
  );
  console.log(
    `mesh event tick(12345) → AMQP body ${sample.length} B; per round ${count.toLocaleString('en')} records, ` +
      `then ${rate}/s for ${seconds} s; ${rounds} interleaved rounds, medians reported`,
  );
  const stacks = {
    raw: () => rawStack(sample.length),
    ours: () => serverStack(Math.max(count, Math.round(rate * seconds))),
  };
  const rows: Record<keyof typeof stacks, (Row & { name: string })[]> = { raw: [], ours: [] };
  for (let round = 1; round <= rounds; round++) {
    // Alternate the order so load on the shared machine hits both alike.
    const order = (round % 2 === 1 ? ['raw', 'ours'] : ['ours', 'raw']) as (keyof typeof stacks)[];
    for (const key of order) {
      const row = await measure(stacks[key], count, rate, seconds);
      rows[key].push(row);
      console.log(
        `  round ${round} ${key.padEnd(4)} ${Math.round(row.rate).toLocaleString('en').padStart(8)} records/s` +
          `   p50 ${row.p50.toFixed(2)} ms  p99 ${row.p99.toFixed(2)} ms   lost ${row.lost} (relay dropped ${row.dropped})`,
      );
    }
  }
  const summary = (key: keyof typeof stacks) => {
    const list = rows[key];
    return {
      name: list[0]!.name,
      rate: median(list.map((r) => r.rate)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      lost: list.reduce((n, r) => n + r.lost, 0),
      dropped: list.reduce((n, r) => n + r.dropped, 0),
    };
  };
  const raw = summary('raw');
  const ours = summary('ours');
  for (const row of [raw, ours]) {
    console.log(
      `${row.name.padEnd(56)} ${Math.round(row.rate).toLocaleString('en').padStart(8)} records/s` +
        `   at ${rate}/s: p50 ${row.p50.toFixed(2)} ms  p99 ${row.p99.toFixed(2)} ms   lost ${row.lost} (relay dropped ${row.dropped})`,
    );
  }
  console.log(`ratio ours/raw: throughput ${(ours.rate / raw.rate).toFixed(2)}×, p99 ${(ours.p99 / raw.p99).toFixed(1)}× the baseline's`);
  console.log(
    `goals: ≥ 10,000 records/s ${ours.rate >= 10_000 ? 'met' : 'NOT met'}; p99 < 20 ms ${ours.p99 < 20 ? 'met' : 'NOT met'}`,
  );
}
