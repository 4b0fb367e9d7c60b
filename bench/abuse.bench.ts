/**
 * `npm run bench -- abuse [--seconds S] [--rate R] [--hostile-every N]`
 *
 * The soak behind issue 9: a whole server (startServe: listener, pipeline,
 * recorder, relay) hears `rate` mesh events a second (default 2,000) for
 * `seconds` (default 60; the goal is 30 minutes: --seconds 1800)
 * with a browser-like client attached that acks every batch. Every
 * `hostile-every`-th message (default 200) is one of the messages that once
 * took the server down, in turn (tests/abuse/hostileMessages.ts: nested
 * 5,000 deep, 700,000 items, a 500 kB signal name, a 700 kB event …).
 *
 * Prints, once a second: RSS, heap, records the client got, what the ring
 * holds, rejections and drops; then first/peak/last RSS and its slope over
 * the second half of the run. Flat RSS and `dropped 0` are the goal.
 *
 * Mesh messages only, with a routing key unique to the run, so other
 * listeners on a shared broker hear nothing of it.
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
import { Fernet } from '../server/net/fernet/Fernet.ts';
import { MIROS_EXCHANGES } from '../server/net/mirosTopology.ts';
import { hostileMessages, meshEventWithSignal } from '../tests/abuse/hostileMessages.ts';
import { numberArg } from './support/numberArg.ts';
import { sendPaced } from './support/sendPaced.ts';

const AMQP_URL = process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672/';
const MiB = 2 ** 20;

export async function main(args: string[]): Promise<void> {
  const seconds = numberArg(args, 'seconds', 60);
  const rate = numberArg(args, 'rate', 2_000);
  const hostileEvery = numberArg(args, 'hostile-every', 200);
  const id = randomUUID().slice(0, 8);
  const recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-abuse-bench-'));
  const config = resolveServeConfig({ port: 0, recordings, meshBinding: `abuse${id}.#` }, {});
  const running = await startServe({ config, say: () => {}, log: (line) => console.error(line) });
  const fernet = new Fernet(SEED_DEMO_KEY);
  // Bodies made beforehand: the numbers are the server's, not the publisher's encryption.
  const normal = Array.from({ length: 1_000 }, (_, i) => fernet.encryptToBuffer(meshEventWithSignal('tick', i)));
  const hostile = hostileMessages().map((m) => ({ name: m.name, body: fernet.encryptToBuffer(m.network === 'mesh' ? m.plaintext : meshEventWithSignal('stand-in', m.name)) }));
  const connection = await amqp.connect(AMQP_URL);
  const channel = await connection.createChannel();

  let received = 0;
  let dropped = 0;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`http://127.0.0.1:${running.server.port}`, { transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve) => {
    socket.on('hello', (hello) => {
      socket.emit('resume', { afterSeq: hello.lastSeq, session: hello.session });
      resolve();
    });
  });
  socket.on('records', (batch) => {
    received += batch.records.length;
    if (batch.dropped) dropped += batch.dropped.count;
    socket.emit('ack', { lastSeq: batch.records.at(-1)?.seq ?? batch.lastSeq });
  });

  console.log(`abuse soak: ${rate.toLocaleString('en')} msgs/s for ${seconds} s, every ${hostileEvery}th hostile (${hostile.map((h) => h.name).join('; ')})`);
  console.log('   t s   RSS MiB  heap MiB   client got  ring recs  ring MiB  rejected  dropped');
  const rss: { t: number; mib: number }[] = [];
  const started = performance.now();
  const sample = () => {
    const t = (performance.now() - started) / 1000;
    const mem = process.memoryUsage();
    const health = running.server.health();
    const rejected = Object.values(health.counters.rejected).reduce((a, b) => a + b, 0);
    rss.push({ t, mib: mem.rss / MiB });
    console.log(
      `${t.toFixed(0).padStart(6)}  ${(mem.rss / MiB).toFixed(0).padStart(8)}  ${(mem.heapUsed / MiB).toFixed(0).padStart(8)}  ${received.toLocaleString('en').padStart(11)}  ` +
        `${String(health.relay?.records ?? '?').padStart(9)}  ${((health.relay?.chars ?? 0) / MiB).toFixed(1).padStart(8)}  ${String(rejected).padStart(8)}  ${String(health.counters.dropped + dropped).padStart(7)}`,
    );
  };
  const timer = setInterval(sample, 1000);
  let hostileSent = 0;
  await sendPaced(rate, Math.round(rate * seconds), (n) => {
    const body = n % hostileEvery === 0 ? hostile[hostileSent++ % hostile.length]!.body : normal[n % normal.length]!;
    channel.publish(MIROS_EXCHANGES.mesh, `abuse${id}.x`, body);
  });
  await new Promise((r) => setTimeout(r, 2_000));
  clearInterval(timer);
  sample();

  // Least squares over the second half: RSS saws up and down with each GC, so two end points say little.
  const second = rss.filter((s) => s.t >= rss.at(-1)!.t / 2);
  const slope = leastSquaresSlope(second.map((s) => [s.t, s.mib] as const)) * 60;
  console.log(
    `RSS first ${rss[0]!.mib.toFixed(0)} MiB, peak ${Math.max(...rss.map((s) => s.mib)).toFixed(0)} MiB, last ${rss.at(-1)!.mib.toFixed(0)} MiB; ` +
      `least-squares slope over the second half ${slope.toFixed(1)} MiB/min; hostile messages sent ${hostileSent}; client got ${received.toLocaleString('en')} records, dropped ${dropped}`,
  );
  socket.close();
  await connection.close();
  await running.stop();
  rmSync(recordings, { recursive: true, force: true });
}

function leastSquaresSlope(points: readonly (readonly [number, number])[]): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
