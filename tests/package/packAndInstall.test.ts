/**
 * Issue 12's acceptance for the runtime as a package, the way a user gets it:
 *
 *   npm pack (prepack: npm run build) ─▶ miroscope-x.y.z.tgz
 *        ─▶ npm install into an empty folder outside the repository
 *             ├─ chart.mjs: docs/package.md's first chart (`import … from 'miroscope'`) on RabbitMQ
 *             ├─ node_modules/.bin/miroscope serve ─▶ the dashboard, same vhost and key
 *             └─ check.ts and the README's charts: tsc against the installed types
 *
 * The chart and the server run on a private vhost with a fresh key, so the
 * shared broker's other charts neither reach them nor are reached. The
 * install takes the package's dependencies from npm's cache where it can
 * (`npm ci` filled it), so the test stays fast; it never uses the
 * repository's node_modules, which would hide a dependency the package
 * forgot to declare.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayTestClient } from '../server/support/RelayTestClient.ts';
import { PrivateVhost } from '../support/PrivateVhost.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const vhost = PrivateVhost.named('miroscope-pack');
const amqpUrl = vhost.url;
// A Fernet key: 32 random bytes, URL-safe base64 with padding.
const meshKey = randomBytes(32).toString('base64url') + '=';
/** The name docs/package.md's chart gives itself; the private vhost keeps it apart from any other. */
const chartName = 'my_chart';

let work: string;
let app: string;
let installed: string;
const children: ChildProcessWithoutNullStreams[] = [];
const clients: RelayTestClient[] = [];

/** npm with the environment of a user's shell: not the npm_* variables of an enclosing `npm test`. */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcessWithoutNullStreams; output: () => string } {
  const child = spawn(command, args, { cwd: app, env: { ...npmEnv(), NO_COLOR: '1', ...env } });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function until<T>(probe: () => T | undefined, what: string, output: () => string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'miroscope-pack-'));
  const { stdout } = await run('npm', ['pack', '--pack-destination', work, '--json'], {
    cwd: repoRoot,
    env: npmEnv(),
    maxBuffer: 64 * 1024 * 1024,
  });
  // prepack's own output (tsc, vite, typedoc) comes first on stdout; the JSON report is last.
  const [report] = JSON.parse(stdout.slice(stdout.lastIndexOf('\n[') + 1)) as { filename: string }[];
  const tarball = path.join(work, report!.filename);

  app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'pack-test-app', private: true, type: 'module' }));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: app, env: npmEnv() });
  installed = path.join(app, 'node_modules/miroscope');

  vhost.create();
}, 480_000); // the build (tsc, vite, typedoc) took 2–3 minutes on a busy 2-core machine

afterAll(async () => {
  for (const c of clients) c.close();
  for (const child of children) child.kill('SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
  vhost.delete(); // best effort: a leftover private vhost harms no other test
}, 60_000);

describe('the packed and installed package', () => {
  it('is installed in a folder outside the repository', () => {
    expect(path.relative(repoRoot, app).startsWith('..')).toBe(true);
    expect(JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')).name).toBe('miroscope');
  });

  it('holds compiled JavaScript, declarations, source maps, the built dashboard and the API docs, and no TypeScript source', () => {
    for (const file of ['index.js', 'index.d.ts', 'statechart/index.js', 'statechart/index.d.ts', 'net/index.js', 'net/index.d.ts', 'cli/main.js']) {
      expect(existsSync(path.join(installed, 'dist/server', file)), file).toBe(true);
    }
    const map = JSON.parse(readFileSync(path.join(installed, 'dist/server/statechart/ActiveObject.js.map'), 'utf8')) as { sourcesContent?: string[] };
    expect(map.sourcesContent?.[0]).toContain('class ActiveObject');
    expect(readFileSync(path.join(installed, 'dist/web/dist/index.html'), 'utf8')).toContain('<script');
    expect(existsSync(path.join(installed, 'docs/api/index.html'))).toBe(true);
    expect(existsSync(path.join(installed, 'server'))).toBe(false);
  });

  it('needs neither vite nor tsx at run time: the install has neither', () => {
    const modules = readdirSync(path.join(app, 'node_modules'));
    expect(modules).toContain('amqplib');
    expect(modules).not.toContain('vite');
    expect(modules).not.toContain('tsx');
    expect(modules).not.toContain('typescript');
  });

  it('documents ActiveObject with its miros names in the generated API docs', () => {
    const page = readFileSync(path.join(installed, 'docs/api/classes/miroscope.ActiveObject.html'), 'utf8');
    const text = page.replace(/<[^>]+>/g, '');
    expect(text).toContain('ActiveObject');
    expect(text).toContain('miros: ActiveObject.post_fifo');
  });

  it('gives TypeScript users the types of miroscope, miroscope/statechart and miroscope/net; the README charts compile against them', async () => {
    const checked = path.join(app, 'typed');
    mkdirSync(checked);
    writeFileSync(
      path.join(checked, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          types: ['node'],
          typeRoots: [path.join(repoRoot, 'node_modules/@types')],
        },
        include: ['*.ts'],
      }),
    );
    // Each @ts-expect-error fails the check if its line compiles, so types that were `any` would fail too.
    writeFileSync(
      path.join(checked, 'check.ts'),
      [
        `import { ActiveObject, Event, ReturnStatus, signals, spyOn, type StateHandler } from 'miroscope/statechart';`,
        `import { NetworkedActiveObject, type NetworkedChartOptions } from 'miroscope/net';`,
        `import * as miroscope from 'miroscope';`,
        `const idle: StateHandler<ActiveObject> = spyOn(function idle(chart: ActiveObject, e: Event): number {`,
        `  return e.signal === signals.ENTRY_SIGNAL ? ReturnStatus.HANDLED : chart.super(chart.top);`,
        `});`,
        `const ao: ActiveObject = new miroscope.ActiveObject('typed');`,
        `ao.startAt(idle);`,
        `const options: NetworkedChartOptions = { meshEncryptionKey: miroscope.Fernet.generateKey(), txRoutingKey: 'a.b' };`,
        `const net: miroscope.NetworkedActiveObject = new NetworkedActiveObject('typed_net', options);`,
        `net.transmit(new Event(signals.ping, net.name));`,
        `// @ts-expect-error a chart's name is a string`,
        `new ActiveObject(42);`,
        `// @ts-expect-error a networked chart needs its mesh key`,
        `new NetworkedActiveObject('typed_net', { txRoutingKey: 'a.b' });`,
        `export {};`,
      ].join('\n'),
    );
    // The README's "Writing a chart" listings, from the installed package's README, checked alongside.
    const readme = readFileSync(path.join(installed, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Writing a chart'), readme.indexOf('### miros names and ours'));
    const listings = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(listings).toHaveLength(2);
    expect(listings.every((listing) => listing.includes(`from 'miroscope'`))).toBe(true);
    listings.forEach((listing, i) => writeFileSync(path.join(checked, `readme${i + 1}.ts`), listing));
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', checked]).then(
      () => 'no errors',
      (error: { stdout?: string; stderr?: string; message: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}` || error.message,
    );
    expect(result).toBe('no errors');
  }, 180_000);

  it('runs a chart that imports miroscope on the broker, and the dashboard started from the installed bin shows it', async () => {
    const recordings = path.join(work, 'recordings');
    const serve = start(
      process.execPath,
      [path.join(app, 'node_modules/.bin/miroscope'), 'serve', '--amqp', amqpUrl, '--port', '0', '--recordings', recordings],
      { MIROS_MESH_KEY: meshKey },
    );
    const base = await until(() => /open (http:\/\/127\.0\.0\.1:\d+)/.exec(serve.output())?.[1], 'serve to listen', serve.output);
    expect(serve.output()).not.toMatch(/building the dashboard|cannot be built/);
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<script');

    const client = new RelayTestClient(base);
    clients.push(client);
    await client.connected();

    // The first chart of docs/package.md, as the installed package ships it: the page's example must run.
    const page = readFileSync(path.join(installed, 'docs/package.md'), 'utf8');
    const listing = /## A first chart[\s\S]*?```js\n([\s\S]*?)```/.exec(page)?.[1];
    expect(listing).toContain(`from 'miroscope'`);
    writeFileSync(path.join(app, 'chart.mjs'), listing!);
    const chart = start(process.execPath, ['chart.mjs'], { AMQP_URL: amqpUrl, MIROS_MESH_KEY: meshKey });
    const both = () => `chart:\n${chart.output()}\nserve:\n${serve.output()}`;
    await until(
      () =>
        client.records.some((r) => r.kind === 'trace' && r.chart === chartName && r.signal === 'tick' && r.from === 'outer' && r.to === 'inner') &&
        client.records.some((r) => r.kind === 'mesh' && r.signal === 'ping' && r.payload === chartName)
          ? true
          : undefined,
      `${chartName}'s trace and mesh records at the dashboard`,
      both,
    );
    // The chart itself ran the compiled package: its snoop trace printed its own transitions.
    const plain = () => chart.output().replace(/\x1b\[[0-9;]*m/g, '');
    await until(() => (plain().includes(`[${chartName}] e->tick() outer->inner`) ? true : undefined), 'the chart to print its trace', both);
    chart.child.kill('SIGTERM');
    serve.child.kill('SIGTERM');
  }, 90_000);
});
