import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_DEMO_KEY } from '../../server/config/serveConfig.ts';
import { mirosMessageProperties } from '../../server/net/correlationHeaders.ts';
import { MessageCodec } from '../../server/net/MessageCodec.ts';
import { spyNameEnd } from '../../server/net/mirosItems.ts';
import { MIROS_EXCHANGES, SPY_ROUTING_KEY, TRACE_ROUTING_KEY } from '../../server/net/mirosTopology.ts';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import { runPeer } from '../interop/pythonPeer.ts';
import { waitFor } from '../net/waitFor.ts';
import { spawnCli } from './support/runCli.ts';

interface SentItem {
  network: 'trace' | 'spy' | 'mesh';
  item: string;
}

/** Runs `tail` for `seconds`, publishing with Python's reference publisher once it listens. */
async function tailWhilePublishing(args: string[], charts: string[]): Promise<{ stdout: string; stderr: string; code: number | null; sent: SentItem[] }> {
  const child = spawnCli(['tail', '--seconds', '6', ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const listening = new Promise<void>((resolve) =>
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('tail: listening to RabbitMQ')) resolve();
    }),
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await listening;
  const out = await runPeer(['publish', '--key', SEED_DEMO_KEY, '--networks', 'trace,spy', '--charts', charts.join(','), '--count', '2']);
  const code = await exited;
  return { stdout, stderr, code, sent: (JSON.parse(out) as { sent: SentItem[] }).sent };
}

const linesOf = (stdout: string, charts: string[]) =>
  stdout.split('\n').filter((line) => charts.some((chart) => line.includes(chart)));

describe('miroscope tail', () => {
  it('prints trace and spy lines as miros-rabbitmq’s snoop output does, without colour when asked', async () => {
    const charts = [`tl${randomUUID().slice(0, 6)}_a`];
    const { stdout, stderr, code, sent } = await tailWhilePublishing(['--spy', '--no-color'], charts);
    expect(code).toBe(0);
    const expected = sent.map(({ network, item }) => (network === 'trace' ? ` [+t] ${item.trim()}` : ` [+s] ${item}`));
    // Trace and spy are separate queues: each keeps its order, not their interleaving.
    const ours = linesOf(stdout, charts);
    expect(ours.filter((l) => l.startsWith(' [+t] '))).toEqual(expected.filter((l) => l.startsWith(' [+t] ')));
    expect(ours.filter((l) => l.startsWith(' [+s] '))).toEqual(expected.filter((l) => l.startsWith(' [+s] ')));
    expect(stderr).toContain('tail: listening to RabbitMQ at amqp://***@127.0.0.1:5672/ (trace and spy)');
  });

  it('colours the --name chart blue and others purple, and prints no spy lines without --spy', async () => {
    const id = randomUUID().slice(0, 6);
    const charts = [`tl${id}_me`, `tl${id}_other`];
    const { stdout } = await tailWhilePublishing(['--name', charts[0]!], charts);
    const ours = linesOf(stdout, charts);
    expect(ours).toHaveLength(4);
    expect(ours.every((l) => l.startsWith(' [+t] '))).toBe(true);
    expect(ours[0]).toMatch(new RegExp(`^ \\[\\+t\\] \\[[^\\]]+\\] \\[\\x1b\\[34m${charts[0]}\\x1b\\[0m\\] e->to_inner\\(\\) outer->inner$`));
    expect(ours[1]).toMatch(new RegExp(`^ \\[\\+t\\] \\[[^\\]]+\\] \\[\\x1b\\[35m${charts[1]}\\x1b\\[0m\\] e->to_inner\\(\\) outer->inner$`));
  });

  it('prints what a Python node sends byte for byte as the library prints it, control characters escaped (issues 8, 9)', async () => {
    // The items the library's printers were recorded with (tests/fixtures/snoop), sent as a Python node sends
    // them (no miroscope headers), under a fresh key so no one else's message is printed.
    const fixtures = new URL('../fixtures/snoop/', import.meta.url);
    const items = readFileSync(new URL('items.jsonl', fixtures), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: 'trace' | 'spy'; item: string });
    // Spy items with no "<name> <line>" shape (`lonely`) are refused by our decoder, counted and noted on
    // stderr, where the library prints them anyway: those lines are left out.
    const shaped = items.map(({ kind, item }) => kind === 'trace' || spyNameEnd(item) > 0);
    const library = readFileSync(new URL('ao1.colour.txt', fixtures), 'utf8').slice(0, -1).split('\n').filter((_, i) => shaped[i]);
    expect(shaped.filter((ok) => !ok)).toHaveLength(3);
    // The library's rule makes the name run to the last "]" of the line, which here is inside the OSC sequence.
    const evil = { kind: 'trace' as const, item: '\n[2018-05-04 09:23:34.256485] [evil_ao] e->x\x1b]0;pwned\x07() a->b\n' };
    const key = randomBytes(32).toString('base64url') + '=';
    const child = spawnCli(['tail', '--seconds', '5', '--spy', '--name', 'ao1'], { env: { MIROS_MESH_KEY: key } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => (stderr += d.toString()).includes('tail: listening') && resolve()));
    const transport = new AmqpTransport({ url: process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672/' });
    await transport.whenConnected(5_000);
    for (const { kind, item } of [...items, evil]) {
      const body = new MessageCodec({ network: kind, key }).encode(item);
      transport.publish(MIROS_EXCHANGES[kind], kind === 'trace' ? TRACE_ROUTING_KEY : SPY_ROUTING_KEY, body, mirosMessageProperties());
    }
    await waitFor(() => expect(transport.counters().published).toBe(items.length + 1));
    await transport.close('sent');
    expect(await exited).toBe(0);
    const lines = stdout.slice(0, -1).split('\n');
    // Trace and spy are separate queues: each keeps its order, not their interleaving.
    const of = (prefix: string, list: string[]) => list.filter((l) => l.startsWith(prefix));
    expect(of(' [+s] ', lines)).toEqual(of(' [+s] ', library));
    expect(of(' [+t] ', lines)).toEqual([...of(' [+t] ', library), ' [+t] [2018-05-04 09:23:34.256485] [\x1b[35mevil_ao] e->x\\x1b\x1b[0m]0;pwned\\x07() a->b']);
  });
  it('refuses a key on the command line, where ps would show it, and names the file option (issue 9)', async () => {
    const child = spawnCli(['tail', '--seconds', '1', '--mesh-key', 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--mesh-key-file');
    expect(stderr).not.toContain('u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51');
  });
});
