import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEED_DEMO_KEY } from '../../server/config/serveConfig.ts';
import { runPeer } from '../interop/pythonPeer.ts';
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
});
