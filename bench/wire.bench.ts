/**
 * `npm run bench -- wire [--count N] [--rounds K] [--seconds S] [--rate R]`
 *
 * Encrypted trace lines (~90 bytes, pickled and Fernet-encrypted like
 * miros-rabbitmq's) published and consumed through RabbitMQ by our stack
 * (MessageCodec + one AmqpTransport that publishes and consumes, as a chart
 * node does; publisher confirms on) against raw amqplib (one connection,
 * a publishing and a consuming channel) sending bodies of the same size, in
 * the same run:
 *
 * - throughput: N messages as fast as they go, first publish → last receipt
 *   (median of K interleaved rounds per stack);
 * - latency: p50/p99 at a paced rate (default 2,000 msgs/s) in K interleaved
 *   windows of S/K seconds per stack, each after a short warm-up; the median
 *   of the windows' p99s is the figure, the pooled p99 is printed beside it;
 * - the ratio ours/raw (goal ≥ 0.7× raw throughput, publisher confirms on);
 * - Fernet tokens/s (encrypt and decrypt of one item).
 *
 * Why interleaved windows: on a shared machine the broker or the OS now
 * and then stalls every connection for 20–400 ms. Measured in one 5-second
 * window per stack, whichever stack was being measured took the whole stall
 * into its p99 (raw amqplib showed 441 ms in one run, ours 139 ms in
 * another). Spread over K windows, a stall lands in one window of one stack;
 * the median of the windows' p99s ignores it and the per-window list shows it.
 *
 * Each run uses its own exchanges on AMQP_URL (default guest@127.0.0.1) and
 * deletes them afterwards.
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as amqp from 'amqplib';
import { mirosMessageProperties } from '../server/net/correlationHeaders.ts';
import { Fernet } from '../server/net/fernet/Fernet.ts';
import { MessageCodec } from '../server/net/MessageCodec.ts';
import { traceItem } from '../server/net/mirosItems.ts';
import { pickleDumps } from '../server/net/pickle/pickleDumps.ts';
import { AmqpTransport } from '../server/net/transport/AmqpTransport.ts';
import type { BenchStack } from './support/BenchStack.ts';
import { numberArg } from './support/numberArg.ts';
import { median, percentile } from './support/percentile.ts';
import { rawAmqpStack } from './support/rawAmqpStack.ts';
import { measureThroughput } from './support/measureThroughput.ts';
import { sendPaced } from './support/sendPaced.ts';
import { waitUntil } from './support/waitUntil.ts';

const AMQP_URL = process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672/';
const KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';

/** A live trace line (~90 bytes as an item) carrying `seq` as its payload. */
function traceLine(seq: number): string {
  return `[2018-05-04 09:23:34.178157] [04ccc_ao] e->other_to_inner(${seq}) outer->inner_state`;
}

function rawStack(bodyBytes: number): Promise<BenchStack> {
  return rawAmqpStack({ url: AMQP_URL, name: 'raw amqplib', exchangePrefix: 'bench.wire.raw', routingKey: 'snoop.trace', bodyBytes });
}

async function ourStack(confirm: boolean): Promise<BenchStack> {
  const exchange = `bench.wire.ours.${randomUUID()}`;
  // One transport publishing and consuming, as a chart's MirosNets uses it.
  const node = new AmqpTransport({ url: AMQP_URL, confirm });
  await node.whenConnected();
  const codec = new MessageCodec({ network: 'trace', key: KEY });
  return {
    name: `ours (codec + AmqpTransport, confirm ${confirm ? 'on' : 'off'})`,
    send(seq) {
      // What MirosNets.publishTrace does: miros-rabbitmq's properties plus our correlation headers.
      const props = mirosMessageProperties({ messageId: randomUUID(), chart: '04ccc_ao', seq, node: 'bench' });
      node.publish(exchange, 'snoop.trace', codec.encode(traceItem(traceLine(seq))), props);
    },
    async onReceive(handler) {
      await node.subscribe(exchange, '#', (d) => {
        // What MirosNets does with a delivery: the headers' correlation goes into the records.
        const result = codec.decode(d.body, { received: d.received, routingKey: d.routingKey, ...(d.props.headers ? { headers: d.props.headers } : {}) });
        if (!result.ok) return { rejected: result.rejection.reason };
        const record = result.records[0]!;
        handler(record.kind === 'trace' ? Number(record.payload ?? -1) : -1);
        return undefined;
      }).ready;
    },
    async close() {
      await node.close();
      const connection = await amqp.connect(AMQP_URL);
      const channel = await connection.createChannel();
      await channel.deleteExchange(exchange).catch(() => undefined);
      await connection.close();
    },
  };
}

interface Window {
  samples: number[];
  lost: number;
  /** Event-loop delay p99 in this process during the window (ms): our own stalls. */
  loopP99: number;
}

/** Latency of each message at a paced rate, after `warmup` unmeasured ones. */
async function latencyWindow(stack: BenchStack, rate: number, seconds: number, warmup: number): Promise<Window> {
  const sentAt = new Map<number, number>();
  const samples: number[] = [];
  await stack.onReceive((seq) => {
    const t = sentAt.get(seq);
    if (t !== undefined && seq > warmup) samples.push(performance.now() - t);
  });
  const total = warmup + Math.round(rate * seconds);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  await sendPaced(rate, total, (seq) => stack.send(seq), (seq) => {
    if (seq === warmup + 1) loop.enable();
    sentAt.set(seq, performance.now());
  });
  await waitUntil(() => samples.length >= total - warmup, 5_000);
  loop.disable();
  return { samples, lost: total - warmup - samples.length, loopP99: loop.percentile(99) / 1e6 };
}

function fernetRate(): { encrypt: number; decrypt: number } {
  const fernet = new Fernet(KEY);
  const plain = pickleDumps(traceItem(traceLine(1)));
  const measure = (fn: () => void) => {
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < 1_000) {
      for (let i = 0; i < 100; i++) fn();
      n += 100;
    }
    return n / ((performance.now() - started) / 1000);
  };
  const token = fernet.encrypt(plain);
  return { encrypt: measure(() => fernet.encrypt(plain)), decrypt: measure(() => fernet.decrypt(token)) };
}

export async function main(args: string[]): Promise<void> {
  const count = numberArg(args, 'count', 30_000);
  const rate = numberArg(args, 'rate', 2_000);
  const seconds = numberArg(args, 'seconds', 6);
  const codec = new MessageCodec({ network: 'trace', key: KEY });
  const sample = codec.encode(traceItem(traceLine(1)));
  console.log(`trace line ${traceLine(1).length} chars → pickle ${pickleDumps(traceItem(traceLine(1))).length} B → AMQP body ${sample.length} B`);

  const f = fernetRate();
  console.log(`fernet: ${Math.round(f.encrypt).toLocaleString('en')} tokens/s encrypt, ${Math.round(f.decrypt).toLocaleString('en')} tokens/s decrypt`);

  const makers: [string, () => Promise<BenchStack>][] = [
    ['raw', () => rawStack(sample.length)],
    ['ours', () => ourStack(true)],
    ['ours-noconfirm', () => ourStack(false)],
  ];
  // Throughput rounds are interleaved (raw, ours, …) and the median kept:
  // the machine is shared, and load that comes and goes should hit all stacks alike.
  const rounds = numberArg(args, 'rounds', 5);
  const runs: Record<string, number[]> = Object.fromEntries(makers.map(([key]) => [key, []]));
  const names: Record<string, string> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [key, make] of makers) {
      const stack = await make();
      names[key] = stack.name;
      const round = await measureThroughput(stack, count);
      if (round.lost > 0) console.warn(`${stack.name}: ${round.lost} of ${count} messages never arrived`);
      runs[key]!.push(round.rate);
      await stack.close();
    }
  }
  // Latency: K windows per stack, interleaved the same way, samples pooled.
  const windows: Record<string, Window[]> = Object.fromEntries(makers.map(([key]) => [key, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [key, make] of makers) {
      const stack = await make();
      windows[key]!.push(await latencyWindow(stack, rate, seconds / rounds, Math.round(rate / 10)));
      await stack.close();
    }
  }
  const rows: Record<string, { msgs: number; p50: number; p99: number; lost: number }> = {};
  for (const [key] of makers) {
    const ws = windows[key]!;
    const p99s = ws.map((w) => percentile([...w.samples].sort((a, b) => a - b), 0.99));
    const p50s = ws.map((w) => percentile([...w.samples].sort((a, b) => a - b), 0.5));
    const pooled = ws.flatMap((w) => w.samples).sort((a, b) => a - b);
    const lost = ws.reduce((n, w) => n + w.lost, 0);
    const loop = Math.max(...ws.map((w) => w.loopP99));
    const msgs = median(runs[key]!);
    rows[key] = { msgs, p50: median(p50s), p99: median(p99s), lost };
    console.log(
      `${names[key]!.padEnd(42)} ${Math.round(msgs).toLocaleString('en').padStart(7)} msgs/s (median of ${rounds}: ${runs[key]!.map((x) => Math.round(x)).join(', ')})` +
        `   at ${rate}/s: p50 ${rows[key]!.p50.toFixed(2)} ms  p99 ${rows[key]!.p99.toFixed(2)} ms  lost ${lost}` +
        `  (p99 per window: ${p99s.map((x) => x.toFixed(1)).join(', ')}; pooled p99 ${percentile(pooled, 0.99).toFixed(1)} ms; our event-loop delay p99 ≤ ${loop.toFixed(1)} ms)`,
    );
  }
  const ratio = rows.ours!.msgs / rows.raw!.msgs;
  console.log(
    `ratio ours/raw throughput: ${ratio.toFixed(2)}× (goal ≥ 0.7×); without confirms ${(rows['ours-noconfirm']!.msgs / rows.raw!.msgs).toFixed(2)}×; ` +
      `p99 ours − raw at ${rate}/s: ${(rows.ours!.p99 - rows.raw!.p99).toFixed(2)} ms (medians of the per-window p99s)`,
  );
}
