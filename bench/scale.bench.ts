/**
 * `npm run bench -- scale [--charts 10,100,500] [--seconds 30] [--rate 1000] [--workers 4] [--warmup 5] [--lockstep] [--profile DIR] [--trace]`
 *
 * Cost as charts grow. For each N: N networked ping charts in `--workers`
 * processes (one AMQP connection each, as a process hosting many charts
 * runs them) on a private vhost with a fresh key, sending `--rate` records
 * per second IN TOTAL (so each chart sends rate/N); `miroscope serve` in
 * its own process; one socket.io client of the relay; one Chromium page on
 * the dashboard. After `--warmup` seconds, over `--seconds`:
 *
 *   - server CPU per 1,000 records relayed (/proc/<pid>/stat utime+stime);
 *   - relay latency p50/p99: from the server's receipt of a ping (the
 *     record's `received`) to the socket.io client getting it; and chart to
 *     client, from the ping's payload (the sender's Date.now()), which adds
 *     the chart process and the broker;
 *   - the page's longest frame gap (requestAnimationFrame) with every
 *     chart in its charts panel;
 *   - server RSS and the page's JS heap (CDP Performance.getMetrics) at the end;
 *   - to tell causes apart: serve's event-loop delay p99/max over the window
 *     (support/loopDelayProbe.ts, loaded into serve) and this process's, where
 *     the client runs; how bursty the arrivals were (the busiest 10 ms of
 *     server receipts against the mean); chart → server receipt p99 (the
 *     worker and the broker); and batches per second to the client.
 *
 * Each chart sends on its own phase (see support/scaleWorker.ts);
 * `--lockstep` restores the old schedule in which all charts fell due
 * together. `--profile DIR` runs serve with --cpu-prof into DIR. `--trace`
 * records a Chromium trace of the page over the window, keeps it for
 * DevTools, and prints the longest frame gaps with the tasks that filled
 * them and what ran in those (support/traceSummary.ts). Tracing slows the
 * page: read the frame gap from a run without it.
 *
 * Goals: CPU per record at the largest N within 1.5× of the smallest;
 * p99 < 50 ms; no frame gap over 100 ms. serve runs from a private copy of
 * the tree with its own built dashboard (others may rebuild web/dist).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Page } from '@playwright/test';
import { io } from 'socket.io-client';
import { Fernet } from '../server/net/fernet/Fernet.ts';
import type { MirosRecord } from './support/projectShared.ts';
import { numberArg } from './support/numberArg.ts';
import { percentile } from './support/percentile.ts';
import { cpuMs, rssBytes } from './support/procStats.ts';
import { privateTree } from './support/privateTree.ts';
import { TRACE_CATEGORIES, summariseTrace, type FrameGap, type LongTask, type WindowTotals } from './support/traceSummary.ts';
import { waitUntil } from './support/waitUntil.ts';
import { PrivateVhost } from '../tests/support/PrivateVhost.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Result {
  n: number;
  records: number;
  cpuPer1000: number;
  p50: number;
  p99: number;
  relayP50: number;
  relayP99: number;
  maxGap: number;
  /** Frame gaps over 50 ms in the window: [start (ms into the window), length (ms)]. */
  longGaps: [number, number][];
  /** The longest frame gap over 3 s before the charts start sending. */
  idleGap: number;
  listed: string;
  serverMB: number;
  pageMB: number;
  sent: number;
  /** serve's event-loop delay over the window (ms). */
  serveLoop: LoopDelay;
  /** This process's (the socket.io client's) event-loop delay over the window (ms). */
  clientLoop: LoopDelay;
  /** Most pings the server received in any 10 ms of the window, and the mean per 10 ms. */
  busiest10ms: number;
  mean10ms: number;
  /** The chart's send → the server's receipt (worker + broker), p99 in ms. */
  toServerP99: number;
  batchesPerS: number;
  /** With --trace: the page's longest main-thread tasks in the window. */
  longTasks: LongTask[];
  /** With --trace: the longest frame gaps and the tasks in them. */
  gaps: FrameGap[];
  totals: WindowTotals | null;
}

interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

interface Options {
  seconds: number;
  rate: number;
  workers: number;
  warmup: number;
  lockstep: boolean;
  profile: string | null;
  trace: boolean;
}

function stringArg(args: string[], name: string): string | null {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : null;
}

function chartsArg(args: string[]): number[] {
  const i = args.indexOf('--charts');
  return (i >= 0 && args[i + 1] ? args[i + 1]! : '10,100,500').split(',').map(Number);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Resolves with the first stdout line matching `pattern`. */
function lineFrom(child: ChildProcess, pattern: RegExp, timeoutMs: number, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      if (!pattern.test(line)) return;
      clearTimeout(timer);
      rl.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`${what}: exited with ${code}`)));
  });
}

async function startServe(tree: string, amqp: string, key: string, recordings: string, probe: string, profile: string | null): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const nodeArgs = ['--import', 'tsx', '--import', path.join(repoRoot, 'bench/support/loopDelayProbe.ts'), ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [])];
  const child = spawn(process.execPath, [...nodeArgs, path.join(tree, 'bin/miroscope.mjs'), 'serve', '--no-build', '--port', String(port), '--amqp', amqp, '--recordings', recordings], {
    env: { ...process.env, AMQP_URL: '', MIROS_MESH_KEY: key, SCALE_LOOP_PROBE: probe },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => void (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited (${child.exitCode}):\n${output}`);
    try {
      const health = (await (await fetch(`${url}/api/health`)).json()) as { transport?: { connected?: boolean } };
      if (health.transport?.connected) return { child, url };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`serve did not come up:\n${output}`);
    }
    await sleep(250);
  }
}

function startWorker(settings: object): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/support/scaleWorker.ts')], {
    env: { ...process.env, SCALE_WORKER: JSON.stringify(settings) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

/** A dashboard's socket: hello → resume → ack every batch; notes each ping's latency while `measuring`. */
function relayClient(url: string) {
  // end to end: the sender's Date.now() → here; relay: the server's receipt (`received`) → here.
  const state = { records: 0, batches: 0, measuring: false, latencies: [] as number[], relay: [] as number[], receipts: [] as number[], toServer: [] as number[] };
  let lastSeq = 0;
  const socket = io(url, { transports: ['websocket'], forceNew: true });
  socket.on('hello', (info: { session: string }) => socket.emit('resume', { afterSeq: lastSeq, session: info.session }));
  socket.on('records', (batch: { records: MirosRecord[]; dropped?: { toSeq: number } }) => {
    const now = Date.now();
    state.records += batch.records.length;
    if (state.measuring) {
      state.batches++;
      for (const r of batch.records) {
        if (r.kind !== 'mesh' || r.signal !== 'ping' || typeof r.payload !== 'number') continue;
        state.latencies.push(now - r.payload);
        state.relay.push(now - r.received);
        state.receipts.push(r.received);
        state.toServer.push(r.received - r.payload);
      }
    }
    lastSeq = batch.records.at(-1)?.seq ?? batch.dropped?.toSeq ?? lastSeq;
    socket.emit('ack', { lastSeq });
  });
  return { state, close: () => socket.disconnect() };
}

/** Longest gap between animation frames since the last call (the page's main thread blocked). */
async function installFrameGaps(page: Page): Promise<void> {
  // A string, not a function: tsx's name helper (__name) does not exist in the page.
  await page.evaluate(`(() => {
    const g = (window.__gap = { max: 0, last: performance.now(), since: performance.now(), long: [] });
    const frame = (t) => {
      g.max = Math.max(g.max, t - g.last);
      if (t - g.last > 50) {
        // A user-timing span a trace (--trace) lines up with the tasks that filled it.
        performance.measure('miroscope:frame-gap', { start: g.last, end: t });
        g.long.push([g.last - g.since, t - g.last]);
      }
      g.last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })()`);
}
/** The longest frame gap since the last call, and the gaps over 50 ms: [start (ms after that call), length]. */
const takeGaps = (page: Page) =>
  page.evaluate(() => {
    const g = (window as unknown as { __gap: { max: number; since: number; long: [number, number][] } }).__gap;
    const got = { max: g.max, long: g.long };
    g.max = 0;
    g.long = [];
    g.since = performance.now();
    return got;
  });
const takeMaxGap = async (page: Page) => (await takeGaps(page)).max;

/** serve's event-loop delay since the previous call (support/loopDelayProbe.ts answers SIGUSR2 in a file). */
async function takeServeLoop(serve: ChildProcess, probe: string, reads: number): Promise<LoopDelay> {
  serve.kill('SIGUSR2');
  const read = () => (existsSync(probe) ? (JSON.parse(readFileSync(probe, 'utf8') || '{}') as LoopDelay & { reads?: number }) : null);
  await waitUntil(() => read()?.reads === reads, 5000);
  const got = read();
  if (got?.reads !== reads) throw new Error('serve did not report its event-loop delay');
  return got;
}

/** The most timestamps in any `binMs` window (bins aligned to the first), and the mean per bin. */
function burstiness(times: number[], binMs: number): { busiest: number; mean: number } {
  if (times.length === 0) return { busiest: 0, mean: 0 };
  let first = Infinity;
  let last = -Infinity;
  for (const t of times) {
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  const bins = new Map<number, number>();
  for (const t of times) {
    const b = Math.floor((t - first) / binMs);
    bins.set(b, (bins.get(b) ?? 0) + 1);
  }
  return { busiest: Math.max(...bins.values()), mean: times.length / (Math.floor((last - first) / binMs) + 1) };
}

async function runOne(tree: string, n: number, opts: Options, browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<Result> {
  const vhost = PrivateVhost.named(`miroscope-scale-${n}`);
  const key = Fernet.generateKey();
  const amqp = vhost.url;
  const tag = Math.random().toString(36).slice(2, 6);
  const recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-scale-rec-'));
  const probe = path.join(recordings, 'loop-delay.json');
  vhost.create();
  const workers: ChildProcess[] = [];
  let serve: ChildProcess | undefined;
  let client: ReturnType<typeof relayClient> | undefined;
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    const started = await startServe(tree, amqp, key, recordings, probe, opts.profile);
    serve = started.child;
    client = relayClient(started.url);
    const w = Math.min(opts.workers, n);
    for (let i = 0, first = 0; i < w; i++) {
      const count = Math.floor(n / w) + (i < n % w ? 1 : 0);
      workers.push(startWorker({ url: amqp, key, first, count, perChart: opts.rate / n, tag, lockstep: opts.lockstep }));
      first += count;
    }
    await Promise.all(workers.map((c, i) => lineFrom(c, /^ready$/, 120_000, `worker ${i} ready`)));
    await page.goto(started.url);
    // Baseline: the same page with the charts quiet, so the machine's own stalls show apart from ours.
    await installFrameGaps(page);
    await sleep(3000);
    const idleGap = await takeMaxGap(page);
    for (const c of workers) c.stdin!.write('go\n');
    await sleep(opts.warmup * 1000);
    if (opts.trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await takeMaxGap(page);

    await takeServeLoop(serve, probe, 1);
    const clientLoop = monitorEventLoopDelay({ resolution: 10 });
    clientLoop.enable();
    const cpu0 = cpuMs(serve.pid!);
    const records0 = client.state.records;
    client.state.measuring = true;
    await sleep(opts.seconds * 1000);
    const { max: maxGap, long: longGaps } = await takeGaps(page);
    const trace = opts.trace ? (await browser.stopTracing()).toString('utf8') : null;
    if (trace) {
      // Kept for DevTools' Performance panel (Load profile…).
      const file = path.join(tmpdir(), `miroscope-scale-trace-${n}-${tag}.json`);
      writeFileSync(file, trace);
      console.log(`          trace of the page over the window: ${file}`);
    }
    const cpu1 = cpuMs(serve.pid!);
    clientLoop.disable();
    const serveLoop = await takeServeLoop(serve, probe, 2);
    const msOf = (ns: number) => Math.round(ns / 1e5) / 10;
    const records = client.state.records - records0;
    client.state.measuring = false;
    const listed = (await page.getByTestId('charts-count').textContent({ timeout: 5000 }).catch(() => null)) ?? '?';
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    const serverRss = rssBytes(serve.pid!);
    const sentLines = await Promise.all(
      workers.map((c, i) => {
        const line = lineFrom(c, /^sent \d+$/, 60_000, `worker ${i} stop`);
        c.stdin!.write('stop\n');
        return line;
      }),
    );
    const lat = client.state.latencies.sort((a, b) => a - b);
    const relay = client.state.relay.sort((a, b) => a - b);
    const toServer = client.state.toServer.sort((a, b) => a - b);
    const bursts = burstiness(client.state.receipts, 10);
    return {
      n,
      records,
      cpuPer1000: ((cpu1 - cpu0) / records) * 1000,
      p50: percentile(lat, 0.5),
      p99: percentile(lat, 0.99),
      relayP50: percentile(relay, 0.5),
      relayP99: percentile(relay, 0.99),
      maxGap,
      longGaps,
      idleGap,
      listed,
      serverMB: serverRss / MB,
      pageMB: heap / MB,
      sent: sentLines.reduce((s, l) => s + Number(l.split(' ')[1]), 0),
      serveLoop,
      clientLoop: { p50: msOf(clientLoop.percentile(50)), p99: msOf(clientLoop.percentile(99)), max: msOf(clientLoop.max) },
      busiest10ms: bursts.busiest,
      mean10ms: bursts.mean,
      toServerP99: percentile(toServer, 0.99),
      batchesPerS: client.state.batches / opts.seconds,
      ...(trace ? await summariseTrace(trace, 50, path.join(tree, 'web/dist')) : { longTasks: [], gaps: [], totals: null }),
    };
  } finally {
    await page.close();
    client?.close();
    for (const c of workers) if (c.exitCode === null) c.kill('SIGTERM');
    if (serve && serve.exitCode === null) {
      serve.kill('SIGTERM');
      await new Promise((r) => serve!.once('exit', r));
    }
    vhost.delete();
    rmSync(recordings, { recursive: true, force: true });
  }
}

function printTask(t: LongTask, indent: string): void {
  console.log(`${indent}${t.ms.toFixed(0)} ms task at +${(t.startMs / 1000).toFixed(2)} s: ${t.parts.map(([k, v]) => `${k} ${v}`).join('; ')}`);
  if (t.files.length === 0) return;
  console.log(`${indent}  by source file: ${t.files.map(([k, v]) => `${k} ${v}`).join('; ')}`);
  console.log(`${indent}  top functions (self): ${t.functions.slice(0, 6).map(([k, v]) => `${k} ${v}`).join('; ')}`);
}

function printTrace(tasks: LongTask[], gaps: FrameGap[], totals: WindowTotals | null): void {
  if (totals) {
    console.log(`          traced ${totals.seconds.toFixed(1)} s: page main thread busy ${totals.busyMs.toFixed(0)} ms (${((totals.busyMs / totals.seconds) / 10).toFixed(0)}%), ${totals.frames} frames`);
    console.log(`            script + GC by source file (ms): ${totals.files.map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
    console.log(`            layout forced inside scripts (ms): ${totals.forced.map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
  }
  const total = tasks.reduce((s, t) => s + t.ms, 0);
  console.log(`          traced: ${tasks.length} page tasks ≥ 50 ms in the window, ${total.toFixed(0)} ms in all. The longest frame gaps and the tasks (≥ 5 ms) in them:`);
  for (const g of gaps.slice(0, 3)) {
    console.log(`            gap ${g.ms.toFixed(0)} ms at +${(g.startMs / 1000).toFixed(2)} s:`);
    for (const t of g.tasks) printTask(t, '              ');
  }
  console.log('          the longest tasks:');
  for (const t of tasks.slice(0, 3)) printTask(t, '            ');
}

export async function main(args: string[]): Promise<void> {
  const chartCounts = chartsArg(args);
  const opts = {
    seconds: numberArg(args, 'seconds', 30),
    rate: numberArg(args, 'rate', 1000),
    workers: numberArg(args, 'workers', 4),
    warmup: numberArg(args, 'warmup', 5),
    lockstep: args.includes('--lockstep'),
    profile: stringArg(args, 'profile'),
    trace: args.includes('--trace'),
  };
  if (opts.profile) opts.profile = path.resolve(opts.profile);
  console.log(
    `scale bench: charts ${chartCounts.join(', ')}; ${opts.rate} records/s in total; ${opts.workers} chart processes; ${opts.warmup} s warm-up, ${opts.seconds} s measured; ` +
      (opts.lockstep ? 'charts in LOCKSTEP (all due at the same instants)' : 'each chart on its own phase'),
  );
  console.log('building the dashboard in a private copy of the tree…');
  const tree = await privateTree(repoRoot, 'miroscope-scale-tree-');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results: Result[] = [];
  try {
    for (const n of chartCounts) {
      const load = loadavg().map((l) => l.toFixed(1)).join(' ');
      const r = await runOne(tree, n, opts, browser);
      results.push(r);
      console.log(
        `  N=${String(n).padStart(4)}  relayed ${r.records} in the window (${r.sent} sent in all, warm-up included)  cpu ${r.cpuPer1000.toFixed(1)} ms/1000 records  ` +
          `relay (server receipt → socket) p50 ${r.relayP50} ms p99 ${r.relayP99} ms, chart → socket p50 ${r.p50} ms p99 ${r.p99} ms  longest frame gap ${r.maxGap.toFixed(0)} ms (quiet page: ${r.idleGap.toFixed(0)} ms; page lists "${r.listed}")  ` +
          `server RSS ${r.serverMB.toFixed(0)} MB  page heap ${r.pageMB.toFixed(0)} MB  [load before: ${load}]`,
      );
      console.log(
        `          to tell causes apart: serve event-loop delay p99 ${r.serveLoop.p99} ms max ${r.serveLoop.max} ms; bench client's p99 ${r.clientLoop.p99} ms max ${r.clientLoop.max} ms; ` +
          `arrivals: busiest 10 ms ${r.busiest10ms} pings (mean ${r.mean10ms.toFixed(1)}); chart → server receipt p99 ${r.toServerP99} ms; ${r.batchesPerS.toFixed(0)} batches/s to the client (${(r.records / opts.seconds / Math.max(1, r.batchesPerS)).toFixed(1)} records each)`,
      );
      const worst = [...r.longGaps].sort((a, b) => b[1] - a[1]).slice(0, 5);
      console.log(`          frame gaps over 50 ms: ${r.longGaps.length} (${(r.longGaps.length / opts.seconds).toFixed(1)}/s); the longest at ${worst.map(([at, ms]) => `+${(at / 1000).toFixed(2)} s ${ms.toFixed(0)} ms`).join(', ')}`);
      if (opts.trace) printTrace(r.longTasks, r.gaps, r.totals);
    }
  } finally {
    await browser.close();
    rmSync(tree, { recursive: true, force: true });
  }
  const first = results[0]!;
  const last = results.at(-1)!;
  const ratio = last.cpuPer1000 / first.cpuPer1000;
  console.log(`\ncpu per record at ${last.n} vs ${first.n} charts: ${ratio.toFixed(2)}× (goal ≤ 1.5×) ${ratio <= 1.5 ? 'ok' : 'MISSED'}`);
  const worstP99 = Math.max(...results.map((r) => r.relayP99));
  const worstGap = Math.max(...results.map((r) => r.maxGap));
  console.log(`worst relay p99 ${worstP99} ms (goal < 50) ${worstP99 < 50 ? 'ok' : 'MISSED'}; longest frame gap ${worstGap.toFixed(0)} ms (goal ≤ 100) ${worstGap <= 100 ? 'ok' : 'MISSED'}`);
  console.log(`load average now: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores)`);
}
