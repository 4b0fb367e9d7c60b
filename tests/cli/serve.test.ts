import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayTestClient } from '../server/support/RelayTestClient.ts';
import { repoRoot, runCli, spawnCli } from './support/runCli.ts';

// Keys that must never reach a browser, a log or the terminal.
const MESH_KEY = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';
const TRACE_KEY = 'V4qoLrEMLOWkDQjyeCjxXeIMIpEd7-3kaRbRI0PZEBk=';

interface Served {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  recordings: string;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-cli-'));
  cleanups.push(() => rmSync(recordings, { recursive: true, force: true }));
  const child = spawnCli(['serve', '--no-build', '--port', '0', '--recordings', recordings, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stdout}\n${stderr}`)), 15_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /miroscope is running: open (\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { child, url, stdout: () => stdout, stderr: () => stderr, exited, recordings };
}

describe('miroscope serve', () => {
  it('prints the URL, serves health, and on SIGTERM flushes the recording and exits 0', async () => {
    const served = await serve(['--in-process']);
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?live$/);
    const health = await (await fetch(new URL('/api/health', served.url))).json();
    expect([health.status, health.transport]).toEqual(['ok', { kind: 'in-process', connected: true, state: 'connected' }]);
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    expect(served.stdout()).toContain('miroscope: SIGTERM, shutting down\nmiroscope: stopped\n');
    const [file] = readdirSync(served.recordings);
    const lines = readFileSync(path.join(served.recordings, file!), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ seq: 1, kind: 'meta', event: 'status', detail: 'listening on the in-process bus' }),
    ]);
  });

  it('comes up with the whole demo when the broker it was given is not up yet, and says it keeps retrying', async () => {
    // A port nothing listens on: the charger demo waits for its mesh, the server must not.
    const served = await serve(['--demo', '--amqp', 'amqp://guest:guest@127.0.0.1:1/']);
    expect(served.stdout()).toContain('not reachable yet');
    const health = await (await fetch(new URL('/api/health', served.url))).json();
    expect(health.transport).toMatchObject({ kind: 'amqp', connected: false });
    expect(served.stdout()).toContain('charts: started the charger demo');
  });

  it('never sends keys to the browser, and never prints keys or the broker password', async () => {
    const served = await serve(['--amqp', 'amqp://guest:guest@127.0.0.1:5672/'], {
      MIROS_MESH_KEY: MESH_KEY,
      MIROS_TRACE_KEY: TRACE_KEY,
    });
    const health = await (await fetch(new URL('/api/health', served.url))).text();
    const page = await (await fetch(served.url)).text();
    const client = new RelayTestClient(served.url);
    cleanups.push(() => client.close());
    const hello = JSON.stringify(await client.connected());
    await client.until(() => client.records.length > 0);
    const records = JSON.stringify(client.records);
    for (const text of [health, page, hello, records, served.stdout(), served.stderr()]) {
      for (const secret of [MESH_KEY, TRACE_KEY, MESH_KEY.slice(0, 20), 'guest:guest']) {
        expect(text).not.toContain(secret);
      }
    }
    expect(JSON.parse(health).transport).toEqual({ kind: 'amqp', broker: '127.0.0.1:5672', connected: true, state: 'connected' });
    expect(served.stdout()).toContain('transport: RabbitMQ at amqp://***@127.0.0.1:5672/');
  });

  it('refuses a bad key with exit code 2 and a message that does not quote it', async () => {
    const result = await runCli(['serve'], { env: { MIROS_MESH_KEY: 'not-a-real-key-at-all' } });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'miroscope serve: the mesh key is not a Fernet key (32 bytes in url-safe base64, 44 characters)\n',
    });
  });

  // Issue 9: a command line is visible to every user of the machine in ps.
  it('refuses a key on the command line, pointing to the key file and the environment', async () => {
    const result = await runCli(['serve', '--no-build', '--trace-key', TRACE_KEY]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'miroscope serve: --trace-key is refused: a key on the command line is visible to every user of this machine (ps). ' +
        'Put the key in a file readable only by you and give --trace-key-file PATH, or set MIROS_TRACE_KEY.\n',
    });
  });

  it('takes the mesh key from --mesh-key-file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'miroscope-key-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'mesh.key'), `${MESH_KEY}\n`, { mode: 0o600 });
    const served = await serve(['--in-process', '--mesh-key-file', path.join(dir, 'mesh.key')]);
    expect(served.stdout()).not.toContain('keys: the seed demo key');
    expect(served.stdout() + served.stderr()).not.toContain(MESH_KEY);
  });

  it('runs the chart module example from docs/cli.md', async () => {
    const docs = readFileSync(path.join(repoRoot, 'docs/cli.md'), 'utf8');
    const example = /```ts\n(\/\/ my-charts\.mts\n[\s\S]*?)```/.exec(docs)![1]!;
    const dir = mkdtempSync(path.join(tmpdir(), 'miroscope-mod-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'my-charts.mts'), example);
    const served = await serve(['--in-process', '--charts', path.join(dir, 'my-charts.mts')]);
    expect(served.stdout()).toContain(`charts: started ${path.join(dir, 'my-charts.mts')}`);
    const client = new RelayTestClient(served.url);
    cleanups.push(() => client.close());
    const wake = () => client.records.find((r) => r.kind === 'trace' && r.signal === 'wake');
    await client.until(() => wake() !== undefined, 8000);
    expect(wake()).toMatchObject({ from: 'idle', to: 'busy', chart: expect.stringMatching(/^[0-9a-f]{5}_ao$/) });
  });

  it('explains that a .ts chart module outside an ES module package should be .mts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'miroscope-mod-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'charts.ts'), 'export default function start() {}\n');
    const result = await runCli(['serve', '--in-process', '--no-build', '--port', '0', '--recordings', dir, '--charts', path.join(dir, 'charts.ts')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^miroscope: chart module .*charts\.ts failed to load: .*\(name it \.mts, or put it in a package with "type": "module"\)\n$/);
  });

  it('has --help describing every option', async () => {
    const result = await runCli(['serve', '--help']);
    expect(result.code).toBe(0);
    for (const option of ['--amqp', '--in-process', '--mesh-key-file', '--trace-key-file', '--spy-key-file', '--demo', '--charts', '--port', '--host', '--token', '--recordings']) {
      expect(result.stdout).toContain(option);
    }
  });
});
