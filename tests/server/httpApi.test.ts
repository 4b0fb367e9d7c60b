import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MirosRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { MiroscopeServer } from '../../server/http/MiroscopeServer.ts';
import { startTestServer, type TestServer } from './support/startTestServer.ts';

const servers: TestServer[] = [];
async function start(options?: Parameters<typeof startTestServer>[0]) {
  const s = await startTestServer(options);
  servers.push(s);
  return s;
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

const trace = (signal: string): UnnumberedRecord => ({
  v: 1,
  kind: 'trace',
  chart: 'ao',
  node: 'local',
  time: 1525425814178.157,
  received: 1000,
  raw: `[2018-05-04 09:23:34.178157] [ao] e->${signal}() outer->inner`,
  signal,
  from: 'outer',
  to: 'inner',
  stamp: '2018-05-04 09:23:34.178157',
});

/** A request with full control over Host and Origin (fetch does not allow setting Host). */
function raw(
  base: string,
  pathName: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(pathName, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.once('error', reject);
    req.end();
  });
}

describe('GET /api/health', () => {
  it('reports counters, transport and the recording', async () => {
    const { server, base } = await start();
    server.ingest(trace('a'));
    server.ingest(trace('b'));
    server.note({ event: 'rejected', reason: 'bad-token', network: 'trace' });
    server.note({ event: 'reconnected' });
    const health = await (await fetch(`${base}/api/health`)).json();
    expect({ ...health, uptimeMs: 0 }).toEqual({
      status: 'ok',
      session: server.session,
      uptimeMs: 0,
      lastSeq: 4,
      counters: { received: 2, rejected: { 'bad-token': 1 }, reconnects: 1, dropped: 0, clients: 0, missed: 0, missedBy: {} },
      transport: { kind: 'in-process', connected: true },
      // Nothing flushed yet: `written` counts only lines on disk (issue 9).
      recording: { name: server.recorder.name, written: 0, buffered: 4, state: 'open' },
      uploads: { accepted: 0, active: 0, rejected: {} },
      relay: { records: 4, chars: expect.any(Number) },
      send: { messages: 0, sent: 0, refused: {} },
      budgets: server.budgets,
    });
    server.flushRecording();
    const flushed = await (await fetch(`${base}/api/health`)).json();
    expect(flushed.recording).toEqual({ name: server.recorder.name, written: 4, buffered: 0, state: 'open' });
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/api/nothing-here`);
    expect([res.status, await res.json()]).toEqual([404, { error: 'no such API endpoint' }]);
  });
});

describe('/api/recordings', () => {
  it('lists the live recording with its record count, flushed up to now', async () => {
    const { server, base } = await start({ recorderFlushMs: 60_000 });
    server.ingest(trace('a'));
    server.ingest(trace('b'));
    const { recordings } = await (await fetch(`${base}/api/recordings`)).json();
    expect(recordings).toEqual([
      {
        name: server.recorder.name,
        bytes: expect.any(Number),
        records: 2,
        firstReceived: 1000,
        lastReceived: 1000,
        modified: expect.any(Number),
        live: true,
      },
    ]);
  });

  it('downloads a recording as JSON lines, every record as it was numbered', async () => {
    const { server, base } = await start({ recorderFlushMs: 60_000 });
    const numbered = [server.ingest(trace('a')), server.ingest(trace('b'))];
    const res = await fetch(`${base}/api/recordings/${server.recorder.name}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=${server.recorder.name}.jsonl`);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as MirosRecord);
    expect(lines).toEqual(numbered);
  });

  it('refuses to delete the recording being written and deletes another one', async () => {
    const { server, base, recordings } = await start();
    writeFileSync(path.join(recordings, 'old.jsonl'), '');
    const live = await fetch(`${base}/api/recordings/${server.recorder.name}`, { method: 'DELETE' });
    expect(live.status).toBe(409);
    const old = await fetch(`${base}/api/recordings/old`, { method: 'DELETE' });
    expect(old.status).toBe(204);
    const missing = await fetch(`${base}/api/recordings/old`, { method: 'DELETE' });
    expect([missing.status, await missing.json()]).toEqual([404, { error: 'no recording named old' }]);
  });

  it('refuses names that would leave the recordings folder', async () => {
    const { base, recordings } = await start();
    const outside = path.join(path.dirname(recordings), `${path.basename(recordings)}-secret.jsonl`);
    writeFileSync(outside, 'secret\n');
    for (const name of ['..%2F' + path.basename(outside, '.jsonl'), '.hidden', 'a..b', '%2Fetc%2Fpasswd']) {
      const res = await fetch(`${base}/api/recordings/${name}`);
      expect(res.status).toBe(400);
      const del = await fetch(`${base}/api/recordings/${name}`, { method: 'DELETE' });
      expect(del.status).toBe(400);
    }
    expect(readFileSync(outside, 'utf8')).toBe('secret\n');
  });

  it('caps JSON bodies with a clear 413', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/api/recordings/whatever`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(100_000) }),
    });
    expect([res.status, await res.json()]).toEqual([413, { error: 'request body too large: the limit is 64 kB' }]);
  });
});

describe('the page', () => {
  it('says how to build the dashboard when web/dist is missing', async () => {
    const { base } = await start({ webDist: '/nonexistent/dist' });
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('The dashboard has not been built');
  });

  it('serves the built dashboard and its index for client-side routes', async () => {
    const s = await start();
    const dist = path.join(s.recordings, 'dist');
    mkdirSync(path.join(dist, 'assets'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    const { base } = await start({ webDist: dist });
    expect(await (await fetch(`${base}/`)).text()).toBe('<!doctype html><div id="root"></div>');
    expect(await (await fetch(`${base}/recordings/x`)).text()).toBe('<!doctype html><div id="root"></div>');
    expect(await (await fetch(`${base}/assets/app.js`)).text()).toBe('console.log(1)');
  });
});

describe('without a token (loopback only)', () => {
  it('refuses a Host that is not a loopback name (DNS rebinding)', async () => {
    const { base } = await start();
    const res = await raw(base, '/api/health', { host: 'attacker.example:4477' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error).toMatch(/not a loopback name/);
  });

  it('refuses a request from another web site but accepts one from a loopback page', async () => {
    const { base } = await start();
    const evil = await raw(base, '/api/health', { origin: 'https://attacker.example' });
    expect(evil.status).toBe(403);
    const dev = await raw(base, '/api/health', { origin: 'http://localhost:5173' });
    expect(dev.status).toBe(200);
  });
});

describe('starting', () => {
  it('fails on a port in use without leaving an empty recording behind', async () => {
    const first = await start();
    const folder = mkdtempSync(path.join(tmpdir(), 'miroscope-port-'));
    await expect(
      MiroscopeServer.start({
        config: { host: '127.0.0.1', port: first.server.port, token: null, recordings: folder, uploadLimit: 1000 },
        log: () => {},
      }),
    ).rejects.toThrow(/EADDRINUSE/);
    expect(readdirSync(folder)).toEqual([]);
    rmSync(folder, { recursive: true });
  });
});
