/**
 * `npm run bench -- soak [--minutes 60] [--rate 1000] [--every 60]`: a live
 * session left running, to show the server's memory stays bounded.
 *
 * One process runs `serve` on the in-process bus with the demo charts, a
 * publisher ingesting trace records at a fixed rate (as a busy network
 * would), and one dashboard (a socket.io client that acknowledges every
 * batch, as the page does). The recording rolls over every 32 MB and
 * retention keeps 128 MB, so rotation and pruning run many times an hour.
 * Every `--every` seconds it prints the process's RSS and heap, records
 * ingested and relayed, and the recordings folder; at the end, the RSS
 * range over the second half of the run (what a leak would make grow).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { resolveServeConfig } from '../server/config/serveConfig.ts';
import { startServe } from '../server/cli/startServe.ts';
import { numberArg } from './support/numberArg.ts';

const MB = 1024 * 1024;

export async function main(args: string[]): Promise<void> {
  const minutes = numberArg(args, 'minutes', 60);
  const rate = numberArg(args, 'rate', 1000);
  const everyS = numberArg(args, 'every', 60);
  const folder = mkdtempSync(path.join(tmpdir(), 'miroscope-soak-'));
  const config = resolveServeConfig({ demo: true, port: 0, recordings: folder }, {});
  const running = await startServe({
    config,
    inProcess: true,
    say: () => {},
    log: (line) => process.stderr.write(`  [server] ${line}\n`),
    server: { recording: { rotateBytes: 32 * MB, keepBytes: 128 * MB, pruneEveryMs: 60_000 } },
  });
  const { server } = running;

  let relayed = 0;
  let lastSeq = 0;
  const socket = io(server.url.replace(/\/$/, ''), { transports: ['websocket'], forceNew: true });
  socket.on('hello', (info: { session: string }) => socket.emit('resume', { afterSeq: lastSeq, session: info.session }));
  socket.on('records', (batch: { records: { seq: number }[]; dropped?: { toSeq: number } }) => {
    relayed += batch.records.length;
    lastSeq = batch.records.at(-1)?.seq ?? batch.dropped?.toSeq ?? lastSeq;
    socket.emit('ack', { lastSeq });
  });

  let ingested = 0;
  const started = performance.now();
  const publisher = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; ingested < due; ingested++) {
      const k = ingested % 50;
      server.ingest({
        v: 1, kind: 'trace', chart: `soak${k}`, node: 'bench', time: Date.now() / 1000, received: Date.now(),
        raw: `[soak${k}] e->tick${ingested % 7}() s${ingested % 3}->s${(ingested + 1) % 3}`,
        signal: `tick${ingested % 7}`, from: `s${ingested % 3}`, to: `s${(ingested + 1) % 3}`,
      });
    }
  }, 5);

  console.log(`soak: ${minutes} min, ${rate} records/s, demo charts, one dashboard; folder ${folder}`);
  console.log('  min   rss MB  heap MB  ingested   relayed  parts  folder MB');
  const samples: { at: number; rss: number }[] = [];
  const sample = () => {
    const at = (performance.now() - started) / 60_000;
    const { rss, heapUsed } = process.memoryUsage();
    const files = readdirSync(folder);
    const folderBytes = files.reduce((sum, f) => sum + statSync(path.join(folder, f)).size, 0);
    samples.push({ at, rss });
    console.log(
      `${at.toFixed(1).padStart(5)} ${(rss / MB).toFixed(0).padStart(8)} ${(heapUsed / MB).toFixed(0).padStart(8)} ` +
        `${String(ingested).padStart(9)} ${String(relayed).padStart(9)} ${String(server.recorder.part).padStart(6)} ${(folderBytes / MB).toFixed(0).padStart(10)}`,
    );
  };
  sample();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      sample();
      if (performance.now() - started >= minutes * 60_000) {
        clearInterval(timer);
        resolve();
      }
    }, everyS * 1000);
  });
  clearInterval(publisher);
  socket.disconnect();
  await running.stop();
  rmSync(folder, { recursive: true, force: true });

  const secondHalf = samples.filter((s) => s.at >= minutes / 2).map((s) => s.rss / MB);
  const peak = Math.max(...samples.map((s) => s.rss / MB));
  console.log(
    `rss: peak ${peak.toFixed(0)} MB; second half ${Math.min(...secondHalf).toFixed(0)}–${Math.max(...secondHalf).toFixed(0)} MB ` +
      `(${secondHalf.length} samples); relayed ${relayed} of ${ingested} records`,
  );
}
