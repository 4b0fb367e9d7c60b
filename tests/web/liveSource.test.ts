/**
 * LiveSource against the real relay (RelayHub over socket.io on port 0):
 * the far side is a real server, so these tests hold the contract both ways.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contract/socketContract.ts';
import type { MirosRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { RelayCounters } from '../../server/relay/RelayCounters.ts';
import { RelayHub, type RelayServer } from '../../server/relay/RelayHub.ts';
import { Sequencer } from '../../server/relay/Sequencer.ts';
import { LiveSource, type RelaySocket } from '../../web/src/sources/LiveSource.ts';
import type { SourceUpdate } from '../../web/src/sources/Source.ts';

const unnumbered = (signal: string): UnnumberedRecord => ({
  v: 1,
  kind: 'trace',
  chart: 'ao',
  node: 'local',
  time: null,
  received: 0,
  raw: `[ao] e->${signal}() outer->inner`,
  signal,
  from: 'outer',
  to: 'inner',
});

interface Relay {
  url: string;
  hub: RelayHub;
  io: RelayServer;
  http: HttpServer;
  publish(signals: string[]): void;
  /** Cuts every connection the way a network failure does (the client retries). */
  dropConnections(): void;
  close(): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startRelay(session: string, options: { port?: number; capacity?: number; firstSeq?: number } = {}): Promise<Relay> {
  const http = createServer();
  const io: RelayServer = new Server<ClientToServerEvents, ServerToClientEvents>(http);
  const counters = new RelayCounters();
  const sequencer = new Sequencer(options.firstSeq ?? 0);
  const hub: RelayHub = new RelayHub(io, {
    session,
    capacity: options.capacity ?? 1000,
    describe: () => ({ transport: { kind: 'in-process', connected: true }, recording: null, counters: counters.snapshot(hub.clients) }),
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
  const relay: Relay = {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    hub,
    io,
    http,
    publish(signals) {
      for (const s of signals) {
        const record = sequencer.number(unnumbered(s));
        counters.count(record);
        hub.publish(record);
      }
    },
    dropConnections() {
      for (const socket of io.sockets.sockets.values()) socket.conn.close();
    },
    async close() {
      hub.close();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
  cleanups.push(() => relay.close());
  return relay;
}

function startLive(url: string, render: () => Promise<void> = async () => undefined) {
  const source = new LiveSource(url, {
    connect: (u) => connectClient(u, { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 100 }) as RelaySocket,
  });
  const updates: SourceUpdate[] = [];
  const records: MirosRecord[] = [];
  source.setListener(async (u) => {
    updates.push(u);
    if (u.reset) records.length = 0;
    records.push(...(u.records ?? []));
    await render();
  });
  cleanups.push(() => source.close());
  return { source, updates, records, state: () => updates.at(-1)?.state };
}

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('LiveSource', () => {
  it('goes live on hello and receives the ring buffer, then live records', async () => {
    const relay = await startRelay('s1');
    relay.publish(['a', 'b']);
    const live = startLive(relay.url);
    await until(() => live.records.length === 2, 'the buffered records');
    relay.publish(['c']);
    await until(() => live.records.length === 3, 'a live record');
    expect([live.state()!.presence, live.state()!.server?.session, live.records.map((r) => r.kind === 'trace' && r.signal)]).toEqual([
      'live',
      's1',
      ['a', 'b', 'c'],
    ]);
  });

  it('acknowledges a batch only after the page rendered it', async () => {
    const relay = await startRelay('s1');
    let release!: () => void;
    let renders = 0;
    const gate = new Promise<void>((r) => (release = r));
    const live = startLive(relay.url, async () => {
      renders++;
      if (renders > 1) await gate;
    });
    await until(() => live.state()?.presence === 'live', 'hello');
    const acks: number[] = [];
    for (const socket of relay.io.sockets.sockets.values()) socket.on('ack', (a: { lastSeq: number }) => acks.push(a.lastSeq));
    relay.publish(['a']);
    await until(() => live.records.length === 1, 'the record');
    await new Promise((r) => setTimeout(r, 50));
    const beforeRender = [...acks];
    release();
    await until(() => acks.length === 1, 'the ack');
    expect([beforeRender, acks]).toEqual([[], [1]]);
  });

  it('resumes after the last seq it holds when the connection drops', async () => {
    const relay = await startRelay('s1');
    relay.publish(['a', 'b']);
    const live = startLive(relay.url);
    await until(() => live.records.length === 2, 'the first records');
    relay.dropConnections();
    await until(() => live.state()?.presence === 'reconnecting', 'reconnecting');
    relay.publish(['c', 'd']);
    await until(() => live.records.length === 4 && live.state()?.presence === 'live', 'the gap');
    expect([live.records.map((r) => r.seq), live.state()!.reconnects, live.source.resumeAfter]).toEqual([[1, 2, 3, 4], 1, 4]);
  });

  it('counts what the ring buffer no longer had as dropped', async () => {
    const relay = await startRelay('s1', { capacity: 3 });
    relay.publish(['a']);
    const live = startLive(relay.url);
    await until(() => live.records.length === 1, 'the first record');
    live.source.close();
    const again = startLive(relay.url);
    await until(() => again.records.length === 1, 'the first record again');
    relay.dropConnections();
    await until(() => again.state()?.presence === 'reconnecting', 'reconnecting');
    relay.publish(['b', 'c', 'd', 'e', 'f']);
    await until(() => again.state()?.presence === 'live' && again.records.length === 4, 'the kept records');
    expect([again.records.map((r) => r.seq), again.state()!.dropped]).toEqual([[1, 4, 5, 6], 2]);
  });

  it('starts over when the server restarted with another session', async () => {
    const first = await startRelay('s1');
    first.publish(['a', 'b', 'c']);
    const port = Number(new URL(first.url).port);
    const live = startLive(first.url);
    await until(() => live.records.length === 3, 'the first session');
    await first.close();
    await until(() => live.state()?.presence !== 'live', 'the disconnect');
    const second = await startRelay('s2', { port });
    second.publish(['x']);
    await until(() => live.state()?.server?.session === 's2' && live.records.length === 1, 'the new session');
    expect([live.updates.some((u) => u.reset), live.records.map((r) => r.kind === 'trace' && `${r.seq}${r.signal}`)]).toEqual([true, ['1x']]);
  });

  it('reports an unreachable server as connecting with the reason', async () => {
    const relay = await startRelay('s1');
    const { url } = relay;
    await relay.close();
    const live = startLive(url);
    await until(() => live.state()?.error != null, 'a connect error');
    expect(live.state()!.presence).toBe('connecting');
  });
});
