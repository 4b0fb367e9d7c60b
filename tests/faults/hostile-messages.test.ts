/**
 * Issue 9's acceptance for hostile messages, end to end: a running server
 * (startServe: listener, pipeline, recorder, relay) on the private RabbitMQ
 * node this fault run starts (never the machine's shared broker), with a fresh key; a hostile publisher (amqplib, the far side) sends
 * each message that once took the server down. After each one the server
 * must still be up, relay a canary to a browser connected all along and to
 * one that connects afterwards, and count the rejection by its reason. The
 * process's RSS stays under RSS_BOUND throughout, including a flood of 700 kB
 * events that once filled the ring buffer (10,000 slots, no byte limit).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type RunningServe } from '../../server/cli/startServe.ts';
import { resolveServeConfig } from '../../server/config/serveConfig.ts';
import { encodeBody } from '../../server/net/encodeBody.ts';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { MIROS_EXCHANGES, TRACE_ROUTING_KEY, SPY_ROUTING_KEY, type MirosNetwork } from '../../server/net/mirosTopology.ts';
import type { HealthReport } from '../../server/http/LiveSession.ts';
import { RelayTestClient } from '../server/support/RelayTestClient.ts';
import { hostileMessages, meshEventWithSignal } from '../abuse/hostileMessages.ts';
import { faultBroker } from './faultBroker.ts';

/** The bound stated for issue 9: the whole test process (vitest worker + server) stays under it. */
const RSS_BOUND = 1024 * 1024 * 1024;

const key = Fernet.generateKey();
const fernet = new Fernet(key);
let running: RunningServe;
let recordings: string;
let base: string;
let connection: amqp.ChannelModel;
let channel: amqp.ConfirmChannel;
const clients: RelayTestClient[] = [];
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

beforeAll(async () => {
  recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-abuse-'));
  const url = faultBroker().url;
  const config = resolveServeConfig({ amqp: url, meshKey: key, port: 0, recordings }, {});
  running = await startServe({ config, say: () => {}, log: () => {} });
  base = `http://127.0.0.1:${running.server.port}`;
  connection = await amqp.connect(url);
  channel = await connection.createConfirmChannel();
}, 60_000);

afterAll(async () => {
  process.stdout.write(`abuse: peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (bound ${RSS_BOUND / 2 ** 20} MiB)\n`);
  for (const c of clients) c.close();
  await connection?.close().catch(() => {});
  await running?.stop();
  rmSync(recordings, { recursive: true, force: true });
}, 60_000);

const ROUTING_KEY: Record<MirosNetwork, string> = { trace: TRACE_ROUTING_KEY, spy: SPY_ROUTING_KEY, mesh: 'abuse.man' };

async function publish(network: MirosNetwork, plaintext: Buffer): Promise<void> {
  channel.publish(MIROS_EXCHANGES[network], ROUTING_KEY[network], fernet.encryptToBuffer(plaintext));
  await channel.waitForConfirms();
}

async function health(): Promise<HealthReport> {
  return (await (await fetch(`${base}/api/health`)).json()) as HealthReport;
}

function client(): RelayTestClient {
  const c = new RelayTestClient(base);
  clients.push(c);
  return c;
}

let canaries = 0;
/** Publishes a small valid mesh event and waits until each client has it. */
async function canaryReaches(...receivers: RelayTestClient[]): Promise<void> {
  const signal = `canary${++canaries}`;
  await publish('mesh', meshEventWithSignal(signal, canaries));
  for (const c of receivers) {
    await c.until(() => c.records.some((r) => r.kind === 'mesh' && r.signal === signal), 15_000);
  }
}

describe('hostile messages against a running server', () => {
  it('starts with a client attached and relaying', async () => {
    const early = client();
    await early.connected();
    await canaryReaches(early);
  });

  it.each(hostileMessages())('$name: counted as $outcome; both clients still get records', async (message) => {
    const early = clients[0]!;
    const before = await health();
    await publish(message.network, message.plaintext);
    await canaryReaches(early);
    const late = client();
    await canaryReaches(early, late);
    late.close();
    const after = await health();
    sampleRss();
    if (message.outcome === 'accepted') {
      expect(after.counters.rejected).toEqual(before.counters.rejected);
    } else {
      expect((after.counters.rejected[message.outcome] ?? 0) - (before.counters.rejected[message.outcome] ?? 0)).toBe(1);
    }
    expect(after.status).toBe('ok');
    expect(after.recording?.state).toBe('open');
    expect(peakRss).toBeLessThan(RSS_BOUND);
  }, 60_000);

  it('holds a flood of 60 events of 700 kB within the ring budget and the RSS bound', async () => {
    const early = clients[0]!;
    const big = meshEventWithSignal('flood', 'x'.repeat(700_000));
    for (let i = 0; i < 60; i++) {
      channel.publish(MIROS_EXCHANGES.mesh, ROUTING_KEY.mesh, fernet.encryptToBuffer(big));
      if (i % 10 === 9) {
        await channel.waitForConfirms();
        sampleRss();
      }
    }
    await canaryReaches(early, client());
    const after = await health();
    sampleRss();
    expect(after.relay!.chars).toBeLessThanOrEqual(after.budgets!.ringChars);
    expect(after.relay!.records).toBeLessThan(60);
    expect(peakRss).toBeLessThan(RSS_BOUND);
    // The browser connected all along got every record in order, with what it missed (if anything) as a range.
    const seqs = early.records.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  }, 120_000);

  it('refuses the 14,000-line trace message whole instead of flushing the ring', async () => {
    const before = (await health()).lastSeq;
    await publish('trace', encodeBody(Array.from({ length: 14_000 }, () => '[2026-12-06 11:00:00.000000] [flood] e->t() a->b').join('\n')));
    await canaryReaches(clients[0]!);
    // The rejection and the canary: two records, not 14,000.
    expect((await health()).lastSeq - before).toBe(2);
  }, 60_000);
});
