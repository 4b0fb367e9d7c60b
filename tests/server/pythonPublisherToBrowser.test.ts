/**
 * The acceptance test: Python's reference publisher (pika,
 * cryptography, pickle — miros-rabbitmq's wire format) sends trace, spy and
 * mesh messages into the real RabbitMQ; a socket.io client of the running
 * server receives the matching records in order, resumes after a disconnect
 * without a gap, and finds the same records in the recording.
 *
 * The broker is shared with other tests, and the snoop networks have fixed
 * routing keys, so this test knows its own records by unique chart names
 * and a unique mesh routing key.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { resolveServeConfig, SEED_DEMO_KEY } from '../../server/config/serveConfig.ts';
import { startServe, type RunningServe } from '../../server/cli/startServe.ts';
import { runPeer } from '../interop/pythonPeer.ts';
import { RelayTestClient } from './support/RelayTestClient.ts';

const id = randomUUID().slice(0, 8);
const charts = [`py${id}_a`, `py${id}_b`];
const routingKey = `py${id}.man`;

interface SentItem {
  network: 'trace' | 'spy' | 'mesh';
  routing_key: string;
  item: string | { tuple: [string, string] };
}

let running: RunningServe;
let recordings: string;
let base: string;

beforeAll(async () => {
  recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-py-'));
  const config = resolveServeConfig({ port: 0, recordings, meshBinding: `py${id}.#` }, {});
  running = await startServe({ config, say: () => {}, log: () => {} });
  base = `http://127.0.0.1:${running.server.port}`;
});

afterAll(async () => {
  await running?.stop();
  rmSync(recordings, { recursive: true, force: true });
});

const ours = (r: MirosRecord) =>
  charts.includes(r.chart ?? '') || (r.kind === 'mesh' && r.routingKey === routingKey);

async function publish(count: number): Promise<SentItem[]> {
  const out = await runPeer([
    'publish',
    '--key', SEED_DEMO_KEY,
    '--networks', 'trace,spy,mesh',
    '--charts', charts.join(','),
    '--count', String(count),
    '--routing-key', routingKey,
  ]);
  return (JSON.parse(out) as { sent: SentItem[] }).sent;
}

/** What a record says, in the terms of what Python sent. */
function projection(r: MirosRecord): unknown[] {
  switch (r.kind) {
    case 'trace':
      return ['trace', r.chart, r.raw, r.signal, r.from, r.to];
    case 'spy':
      return ['spy', r.chart, r.line];
    case 'mesh':
      return ['mesh', r.routingKey, r.sender, r.signal, r.payload];
    default:
      return ['meta', r.event, r.reason];
  }
}

function expected(sent: SentItem[]): unknown[] {
  return sent.map(({ network, routing_key, item }) => {
    if (network === 'trace') {
      const raw = (item as string).trim();
      const [, chart, signal, from, to] = /^\[[^\]]+\] \[([^\]]+)\] e->(\w+)\(\) (\w+)->(\w+)$/.exec(raw)!;
      return ['trace', chart, raw, signal, from, to];
    }
    if (network === 'spy') {
      const text = item as string;
      return ['spy', text.slice(0, text.indexOf(' ')), text.slice(text.indexOf(' ') + 1)];
    }
    const [sender, json] = (item as { tuple: [string, string] }).tuple;
    const event = JSON.parse(json) as { signal_name: string; payload: string };
    return ['mesh', routing_key, sender, event.signal_name, event.payload];
  });
}

/** Each network is its own queue, so order holds within a network, not across them. */
const byNetwork = (items: unknown[]) =>
  Object.fromEntries(['trace', 'spy', 'mesh'].map((n) => [n, items.filter((i) => (i as unknown[])[0] === n)]));

const isContiguous = (records: MirosRecord[], after: number) => records.every((r, k) => r.seq === after + k + 1);

describe('Python publisher → RabbitMQ → server → socket.io client', () => {
  it('relays, resumes without a gap and records what Python sent', async () => {
    expect(running.server.health().transport).toEqual({ kind: 'amqp', broker: '127.0.0.1:5672', connected: true, state: 'connected' });

    const first = new RelayTestClient(base);
    const hello = await first.connected();
    const sentBefore = await publish(3);
    await first.until(() => first.records.filter(ours).length === sentBefore.length, 10_000);
    const firstOurs = first.records.filter(ours);
    expect(byNetwork(firstOurs.map(projection))).toEqual(byNetwork(expected(sentBefore)));
    expect(isContiguous(first.records, first.records[0]!.seq - 1)).toBe(true);
    first.close();

    const sentWhileAway = await publish(3);
    const seen = () => running.server.recentRecords().filter(ours).length;
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (seen() === sentBefore.length + sentWhileAway.length) resolve();
        else if (Date.now() - started > 10_000) reject(new Error(`server heard ${seen()} records`));
        else return;
        clearInterval(poll);
      }, 20);
    });

    const again = new RelayTestClient(base, { afterSeq: first.lastSeq, session: hello.session });
    await again.until(() => again.records.filter(ours).length === sentWhileAway.length, 10_000);
    expect(again.batches.some((b) => b.dropped !== undefined || b.reset === true)).toBe(false);
    expect(again.records[0]!.seq).toBe(first.lastSeq + 1);
    expect(isContiguous(again.records, first.lastSeq)).toBe(true);
    expect(byNetwork(again.records.filter(ours).map(projection))).toEqual(byNetwork(expected(sentWhileAway)));
    again.close();

    const download = await fetch(`${base}/api/recordings/${running.server.recorder.name}`);
    const recorded = (await download.text())
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as MirosRecord);
    expect(recorded.filter(ours)).toEqual([...firstOurs, ...again.records.filter(ours)]);
  });
});
