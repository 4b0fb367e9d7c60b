/**
 * Uploads within a budget (issue 9, item 3): streamed with bounded memory,
 * a few at a time, decompression bounded by its output, a quota on the
 * recordings folder, written under a temporary name, refused early when the
 * declared size is too big, ended when the body stalls — each refusal with a
 * clear error, counted by reason in /api/health.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MiroscopeServer } from '../../server/http/MiroscopeServer.ts';
import { generatedLog, traceLine } from './support/generatedLog.ts';
import { startTestServer, type TestServer } from './support/startTestServer.ts';

const MB = 1024 * 1024;
/**
 * Slowest /api/health answer allowed during uploads (it was 8 s for one 50 MB
 * upload). Measured 90–630 ms on the shared 2-core machine at load 12–16 —
 * the server, the upload client and the probe share one process there, and
 * the process is sometimes not scheduled for a few hundred ms.
 */
const HEALTH_BOUND_MS = 1000;

const servers: TestServer[] = [];
async function start(options?: Parameters<typeof startTestServer>[0]) {
  const s = await startTestServer(options);
  servers.push(s);
  return s;
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

interface Answer {
  status: number;
  headers: Headers;
  body: { error?: string; name?: string; records?: number; lines?: number };
}

async function upload(base: string, body: Readable | string | Buffer, query = '', headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Answer> {
  const stream = body instanceof Readable;
  const res = await fetch(`${base}/api/recordings${query}`, {
    method: 'POST',
    body: stream ? (Readable.toWeb(body) as ReadableStream) : body,
    headers: { 'content-type': 'text/plain', ...headers },
    signal,
    ...(stream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, headers: res.headers, body: await res.json() };
}

async function health(base: string) {
  return (await fetch(`${base}/api/health`)).json();
}

/** Asks /api/health every `everyMs` until stopped; resolves to the slowest answer's time. */
function probeHealth(base: string, everyMs = 100) {
  let stop = false;
  let slowest = 0;
  let answers = 0;
  const done = (async () => {
    while (!stop) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/health`);
      await res.json();
      slowest = Math.max(slowest, performance.now() - t0);
      answers++;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    stop = true;
    await done;
    return { slowest, answers };
  };
}

/** A request whose body is declared with Content-Length but only partly sent; resolves when answered. */
function partialBody(base: string, declared: number, sent: Buffer, headers: Record<string, string> = {}, route = '/api/recordings?name=partial', method = 'POST') {
  return new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
    const t0 = performance.now();
    const req = request(`${base}${route}`, {
      method,
      headers: { 'content-type': 'text/plain', 'content-length': String(declared), ...headers },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.write(sent);
    // Never ended: the rest of the declared body never comes.
  });
}

async function gzipped(bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of generatedLog(bytes).pipe(createGzip())) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Files in the folder other than the live session's recording. */
function otherFiles(s: TestServer): string[] {
  const live = path.basename(s.server.recorder.file);
  return readdirSync(s.recordings).filter((f) => f !== live).sort();
}

describe('a large upload', () => {
  it('is streamed: 50 MB raise RSS by less than 250 MB, the event loop keeps turning, /api/health answers within 1 s, storage under 4×', async () => {
    const s = await start({ uploadLimit: 60 * MB });
    const size = 50 * MB;
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const stopProbe = probeHealth(s.base);
    const answer = await upload(s.base, generatedLog(size), '?name=big');
    const probe = await stopProbe();
    loop.disable();
    const loopP99 = loop.percentile(99) / 1e6;
    clearInterval(sampler);

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ name: 'big', errorCount: 0, notes: 0 });
    expect(answer.body.records).toBe(answer.body.lines);
    expect(answer.body.records).toBeGreaterThan(size / 100);
    const growthMb = (peak - before) / MB;
    console.log(
      `50 MB upload: RSS +${growthMb.toFixed(0)} MB, event loop delay p99 ${loopP99.toFixed(0)} ms, ` +
        `slowest /api/health ${probe.slowest.toFixed(0)} ms of ${probe.answers}, ` +
        `stored ${(statSync(path.join(s.recordings, 'big.jsonl')).size / size).toFixed(2)}×`,
    );
    expect(growthMb).toBeLessThan(250);
    // The upload yields every 16 kB of text: the loop is never held long.
    expect(loopP99).toBeLessThan(100);
    expect(probe.answers).toBeGreaterThan(3);
    expect(probe.slowest).toBeLessThan(HEALTH_BOUND_MS);
    expect(statSync(path.join(s.recordings, 'big.jsonl')).size / size).toBeLessThan(4);
    expect((await health(s.base)).uploads).toEqual({ accepted: 1, active: 0, rejected: {} });
  }, 180_000);
});

describe('uploads at the same time', () => {
  it('takes two at a time, answers the others 503 with Retry-After, and stays responsive', async () => {
    const s = await start({ uploadLimit: 60 * MB, uploads: { concurrent: 2 } });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const stopProbe = probeHealth(s.base);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => upload(s.base, generatedLog(10 * MB, 2), `?name=par${i}`).catch((e: Error) => e)),
    );
    const probe = await stopProbe();
    clearInterval(sampler);
    expect((peak - before) / MB).toBeLessThan(250);
    const statuses = answers.map((a) => (a instanceof Error ? `${a.message} ${String((a as Error & { cause?: Error }).cause)}` : a.status));
    expect(statuses.filter((x) => x === 201)).toHaveLength(2);
    expect(statuses.filter((x) => x === 503)).toHaveLength(6);
    const busy = answers.find((a): a is Answer => !(a instanceof Error) && a.status === 503)!;
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(busy.body.error).toBe('the server is already receiving 2 uploads (its limit); try again in 5 s');
    expect(probe.slowest).toBeLessThan(HEALTH_BOUND_MS);
    expect((await health(s.base)).uploads).toEqual({ accepted: 2, active: 0, rejected: { busy: 6 } });
  }, 120_000);
});

describe('refused before the body is read', () => {
  it('answers a declared 2 GB body with 413 at once, though only 3 bytes were sent', async () => {
    const s = await start({ uploadLimit: 50 * MB });
    const answer = await partialBody(s.base, 2 * 1024 * MB, Buffer.from('abc'));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'request body too large: the limit is 50 MB' });
    expect(answer.ms).toBeLessThan(1000);
    expect(otherFiles(s)).toEqual([]);
    expect((await health(s.base)).uploads.rejected).toEqual({ 'too-large': 1 });
  }, 10_000);

  it('ends an upload that takes longer than its timeout with 408, though data keeps coming', async () => {
    const s = await start({ uploads: { timeoutMs: 400, idleTimeoutMs: 5000 } });
    const t0 = performance.now();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${s.base}/api/recordings?name=slow`, { method: 'POST', headers: { 'content-type': 'text/plain' } });
      let i = 0;
      const drip = setInterval(() => req.write(traceLine(i++)), 50);
      req.on('response', (res) => {
        clearInterval(drip);
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', (error) => {
        clearInterval(drip);
        reject(error);
      });
    });
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toEqual({ error: 'the upload took longer than 400 ms (the limit); send a smaller file or raise the limit' });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(otherFiles(s)).toEqual([]);
    expect((await health(s.base)).uploads.rejected).toEqual({ timeout: 1 });
  }, 10_000);

  it('ends a chunked body (no Content-Length) at the byte that passes the limit, with 413', async () => {
    const s = await start({ uploadLimit: MB });
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${s.base}/api/recordings?name=chunked`, { method: 'POST', headers: { 'content-type': 'text/plain' } });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      generatedLog(3 * MB).pipe(req);
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'request body too large: the limit is 1 MB' });
    expect(otherFiles(s)).toEqual([]);
    expect((await health(s.base)).uploads.rejected).toEqual({ 'too-large': 1 });
  }, 10_000);

  it('answers any other API request declaring a body over 64 kB with 413 at once', async () => {
    const s = await start();
    const answer = await partialBody(s.base, 2 * 1024 * MB, Buffer.from('{"a'), { 'content-type': 'application/json' }, '/api/recordings/x', 'DELETE');
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'request body too large: the limit is 64 kB' });
    expect(answer.ms).toBeLessThan(1000);
  }, 10_000);

  it('ends a body that stalls with 408 after the idle timeout and keeps nothing', async () => {
    const s = await start({ uploadLimit: 50 * MB, uploads: { idleTimeoutMs: 300 } });
    const answer = await partialBody(s.base, 10 * MB, Buffer.from('[20'));
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toEqual({ error: 'the upload stalled: nothing arrived for 300 ms; send the file again' });
    expect(answer.ms).toBeGreaterThanOrEqual(290);
    expect(answer.ms).toBeLessThan(3000);
    expect(otherFiles(s)).toEqual([]);
    expect((await health(s.base)).uploads).toEqual({ accepted: 0, active: 0, rejected: { stalled: 1 } });
  }, 10_000);

  it('reads a JSON-lines upload sent as application/json (not as a 64 kB JSON command)', async () => {
    const s = await start();
    const line = JSON.stringify({ v: 1, kind: 'meta', event: 'status', raw: 'x', detail: 'y'.repeat(200) }) + '\n';
    const answer = await upload(s.base, line.repeat(500), '?name=json', { 'content-type': 'application/json' });
    expect(answer).toMatchObject({ status: 201, body: { name: 'json', records: 500, errorCount: 0 } });
  });
});

describe('a file that is not a log', () => {
  it('is refused at its first line longer than 4 MB, before it is read whole', async () => {
    const s = await start({ uploadLimit: 20 * MB });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const endless = Readable.from((function* () {
      for (let i = 0; i < (10 * MB) / chunk.length; i++) yield chunk;
    })());
    const answer = await upload(s.base, endless, '?name=oneline');
    expect(answer).toMatchObject({ status: 413, body: { error: 'line 1 is longer than 4 MB (the limit for one line); is this a log file?' } });
    expect(otherFiles(s)).toEqual([]);
    expect((await health(s.base)).uploads.rejected).toEqual({ 'line-too-long': 1 });
  }, 30_000);
});

describe('a record too deep to store', () => {
  it('is kept as a note with its line in errors, and the rest of the upload is stored', async () => {
    const s = await start();
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const body = `${traceLine(0)}{"v":1,"kind":"mesh","signal":"x","sender":null,"raw":"deep","payload":${deep}}\n${traceLine(1)}`;
    const answer = await upload(s.base, body, '?name=deep');
    expect(answer).toMatchObject({
      status: 201,
      body: { name: 'deep', records: 2, notes: 1, lines: 3, errorCount: 1, errors: [{ line: 2, message: 'a value nested too deeply to keep; kept as a note', text: 'deep' }] },
    });
    const { recordings } = await (await fetch(`${s.base}/api/recordings`)).json();
    expect(recordings.find((r: { name: string }) => r.name === 'deep')).toMatchObject({ records: 3 });
  });
});

describe('compressed uploads', () => {
  it('reads a gzip upload', async () => {
    const s = await start();
    const body = await gzipped(100_000);
    const answer = await upload(s.base, body, '?name=gz', { 'content-encoding': 'gzip' });
    expect(answer).toMatchObject({ status: 201, body: { name: 'gz', errorCount: 0, notes: 0 } });
    expect(answer.body.records).toBeGreaterThan(1000);
  });

  it('refuses a gzip that unpacks past the limit with 413 after the limit, and stores nothing', async () => {
    const s = await start({ uploadLimit: 5 * MB });
    const body = await gzipped(40 * MB);
    expect(body.length).toBeLessThan(5 * MB);
    const answer = await upload(s.base, body, '?name=bomb', { 'content-encoding': 'gzip' });
    expect(answer).toMatchObject({
      status: 413,
      body: { error: 'the upload unpacks to more than 5 MB (the limit applies to the unpacked log); nothing was stored' },
    });
    expect(otherFiles(s)).toEqual([]);
    expect((await health(s.base)).uploads.rejected).toEqual({ 'inflated-too-large': 1 });
  }, 60_000);

  it('refuses an encoding it cannot read with 415', async () => {
    const s = await start();
    const answer = await upload(s.base, 'abc', '?name=zstd', { 'content-encoding': 'zstd' });
    expect(answer).toMatchObject({ status: 415, body: { error: expect.stringMatching(/^unsupported Content-Encoding "zstd"/) } });
    expect((await health(s.base)).uploads.rejected).toEqual({ 'bad-encoding': 1 });
  });
});

describe('the recordings quota', () => {
  it('refuses an upload that would pass the quota with 507, keeps nothing of it, and takes one again after a delete', async () => {
    const s = await start({ uploads: { quotaBytes: 300_000 } });
    const log = Array.from({ length: 800 }, (_, i) => traceLine(i)).join('');
    expect((await upload(s.base, log, '?name=first')).status).toBe(201);
    const refused = await upload(s.base, log, '?name=second');
    expect(refused.status).toBe(507);
    expect(refused.body.error).toMatch(
      /^the recordings folder is full: this upload would take it past its quota of 293 kB \(\d+(\.\d)? kB used\); delete recordings or raise the quota \(serve --upload quotaBytes=N\)$/,
    );
    expect(otherFiles(s)).toEqual(['first.jsonl']);
    expect((await fetch(`${s.base}/api/recordings/first`, { method: 'DELETE' })).status).toBe(204);
    expect((await upload(s.base, log, '?name=third')).status).toBe(201);
    expect((await health(s.base)).uploads).toEqual({ accepted: 2, active: 0, rejected: { quota: 1 } });
  });

  it('refuses a gzip upload past the quota with the same 507', async () => {
    const s = await start({ uploads: { quotaBytes: 300_000 } });
    const answer = await upload(s.base, await gzipped(1 * MB), '?name=packed', { 'content-encoding': 'gzip' });
    expect(answer.status).toBe(507);
    expect(answer.body.error).toMatch(/^the recordings folder is full/);
    expect(otherFiles(s)).toEqual([]);
    expect((await health(s.base)).uploads.rejected).toEqual({ quota: 1 });
  });
});

describe('a recording being uploaded', () => {
  it('is written under a hidden temporary name, not listed, and removed when the client goes away', async () => {
    const s = await start({ uploadLimit: 60 * MB });
    const abort = new AbortController();
    const pending = upload(s.base, generatedLog(50 * MB, 20), '?name=slow', {}, abort.signal).catch((e: Error) => e);
    await waitFor(() => otherFiles(s).some((f) => /^\.upload-\d+-[0-9a-f]+\.part$/.test(f)));
    const { recordings } = await (await fetch(`${s.base}/api/recordings`)).json();
    expect(recordings.map((r: { name: string }) => r.name)).toEqual([s.server.recorder.name]);
    abort.abort();
    expect(await pending).toBeInstanceOf(Error);
    await waitFor(() => otherFiles(s).length === 0);
    await waitFor(async () => (await health(s.base)).uploads.active === 0);
    expect((await health(s.base)).uploads).toEqual({ accepted: 0, active: 0, rejected: { aborted: 1 } });
  }, 30_000);

  it('left half-written by a killed server is removed when the next server starts', async () => {
    const s = await start();
    const folder = s.recordings;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support/uploadServerChild.ts'), folder], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<number>((resolve) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /port (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
    });
    const pending = upload(`http://127.0.0.1:${port}`, generatedLog(50 * MB, 20), '?name=crashed').catch((e: Error) => e);
    const part = () => readdirSync(folder).filter((f) => f.startsWith('.upload-'));
    await waitFor(() => part().length === 1 && statSync(path.join(folder, part()[0]!)).size > 0);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    await pending;
    expect(readdirSync(folder).filter((f) => f.startsWith('crashed'))).toEqual([]);
    expect(part()).toHaveLength(1);

    const next = await MiroscopeServer.start({
      config: { host: '127.0.0.1', port: 0, token: null, recordings: folder, uploadLimit: MB },
      log: () => {},
    });
    await next.close();
    expect(part()).toEqual([]);
  }, 30_000);
});

async function waitFor(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
