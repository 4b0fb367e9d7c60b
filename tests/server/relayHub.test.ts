import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { VirtualClock } from '../../shared/clock/VirtualClock.ts';
import type {
  ClientToServerEvents,
  HelloInfo,
  RecordBatch,
  ServerToClientEvents,
} from '../../shared/contract/socketContract.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { RelayCounters } from '../../server/relay/RelayCounters.ts';
import { RelayHub, type RelayHubOptions, type RelayServer } from '../../server/relay/RelayHub.ts';
import { Sequencer } from '../../server/relay/Sequencer.ts';
import { RelayTestClient } from './support/RelayTestClient.ts';

const trace = (signal: string): Omit<Extract<MirosRecord, { kind: 'trace' }>, 'seq'> => ({
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

interface Rig {
  url: string;
  hub: RelayHub;
  sequencer: Sequencer;
  counters: RelayCounters;
  publish: (count: number, prefix?: string) => void;
  http: HttpServer;
  io: RelayServer;
}

const rigs: Rig[] = [];
const clients: RelayTestClient[] = [];

async function startRig(options: Partial<RelayHubOptions> = {}): Promise<Rig> {
  const http = createServer();
  const io: RelayServer = new Server<ClientToServerEvents, ServerToClientEvents>(http);
  const counters = new RelayCounters();
  const sequencer = new Sequencer();
  const hub: RelayHub = new RelayHub(io, {
    session: 'session-a',
    describe: () => ({
      transport: { kind: 'in-process', connected: true },
      recording: null,
      counters: counters.snapshot(hub.clients),
    }),
    ...options,
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const publish = (count: number, prefix = 's') => {
    for (let i = 0; i < count; i++) {
      const record = sequencer.number(trace(`${prefix}${i}`));
      counters.count(record);
      hub.publish(record);
    }
  };
  const rig = { url, hub, sequencer, counters, publish, http, io };
  rigs.push(rig);
  return rig;
}

function client(url: string, options?: ConstructorParameters<typeof RelayTestClient>[1]) {
  const c = new RelayTestClient(url, options);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const rig of rigs.splice(0)) {
    rig.hub.close();
    await rig.io.close();
  }
});

/**
 * Resolves once `c` has received everything the hub sent it so far: the hub's
 * status message, due when the virtual clock passes 1 s, follows it on the same
 * socket. (Replaces "sleep and hope nothing else arrives".)
 */
async function sentSoFar(rig: Rig, clock: VirtualClock, c: RelayTestClient): Promise<void> {
  const heard = new Promise<void>((resolve) => c.socket.once('counters', () => resolve()));
  rig.hub.statusChanged();
  clock.advance(1);
  await heard;
}

const seqs = (records: MirosRecord[]) => records.map((r) => r.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the socket.io contract', () => {
  it('types the server with the client-to-server and server-to-client event maps', () => {
    type ServerEmit = Parameters<RelayServer['emit']>;
    expectTypeOf<ServerEmit[0]>().toEqualTypeOf<'hello' | 'records' | 'counters' | 'transport'>();
    expectTypeOf<Parameters<ServerToClientEvents['records']>[0]>().toEqualTypeOf<RecordBatch>();
    expectTypeOf<Parameters<ServerToClientEvents['hello']>[0]>().toEqualTypeOf<HelloInfo>();
    expectTypeOf<Parameters<ClientToServerEvents['resume']>[0]>().toEqualTypeOf<{
      afterSeq: number;
      session?: string;
    }>();
    expectTypeOf<Parameters<ClientToServerEvents['ack']>[0]>().toEqualTypeOf<{ lastSeq: number }>();
  });
});

describe('RelayHub', () => {
  it('greets a client with the session, the ring position and the counters', async () => {
    const rig = await startRig();
    rig.publish(3);
    const hello = await client(rig.url).connected();
    expect(hello).toEqual({
      contract: 1,
      session: 'session-a',
      lastSeq: 3,
      firstSeq: 1,
      transport: { kind: 'in-process', connected: true },
      recording: null,
      counters: { received: 3, rejected: {}, reconnects: 0, dropped: 0, clients: 1, missed: 0, missedBy: {} },
      retained: [],
    });
  });

  it('sends earlier records on resume and then live records, all in seq order', async () => {
    const rig = await startRig();
    rig.publish(5);
    const c = client(rig.url);
    await c.until(() => c.records.length === 5);
    rig.publish(200);
    await c.until(() => c.records.length === 205);
    expect(seqs(c.records)).toEqual(range(1, 205));
    expect(c.records[5]).toEqual({ ...trace('s0'), seq: 6 });
  });

  it('batches a burst of records into a few emits', async () => {
    const rig = await startRig();
    const c = client(rig.url);
    await c.connected();
    rig.publish(500);
    await c.until(() => c.records.length === 500);
    expect(c.batches.length).toBeLessThanOrEqual(3);
  });

  it('replays only the gap to a client that resumes after a seq', async () => {
    const rig = await startRig();
    const first = client(rig.url);
    rig.publish(10);
    await first.until(() => first.records.length === 10);
    first.close();
    rig.publish(10, 'later');
    const again = client(rig.url, { afterSeq: first.lastSeq, session: 'session-a' });
    await again.until(() => again.lastSeq === 20);
    expect(seqs(again.records)).toEqual(range(11, 20));
    expect(again.batches.every((b) => b.dropped === undefined)).toBe(true);
  });

  it('tells a resuming client which records left the ring buffer', async () => {
    const rig = await startRig({ capacity: 8 });
    rig.publish(20);
    const c = client(rig.url, { afterSeq: 5, session: 'session-a' });
    await c.until(() => c.lastSeq === 20);
    expect(c.batches[0]!.dropped).toEqual({ count: 7, fromSeq: 6, toSeq: 12 });
    expect(seqs(c.records)).toEqual(range(13, 20));
  });

  it('sends a client that stops acking a dropped marker instead of queueing, and reports the drop', async () => {
    const drops: { client: string; count: number; fromSeq: number; toSeq: number }[] = [];
    const clock = new VirtualClock();
    const rig = await startRig({
      clock,
      capacity: 50,
      flow: { window: 1, maxBatch: 10 },
      onDropped: (id, r) => drops.push({ client: id, ...r }),
    });
    const slow = client(rig.url, { ack: false });
    await slow.connected();
    rig.publish(5);
    await slow.until(() => slow.records.length === 5);
    rig.publish(200);
    await sentSoFar(rig, clock, slow);
    expect(slow.records.length).toBe(5);
    slow.ackNow();
    await slow.until(() => slow.lastSeq === 205);
    const marker = slow.batches.find((b) => b.dropped)!;
    expect(marker.dropped).toEqual({ count: 150, fromSeq: 6, toSeq: 155 });
    expect(seqs(slow.records)).toEqual([...range(1, 5), ...range(156, 205)]);
    await slow.until(() => drops.length === 1);
    expect(drops).toEqual([{ client: slow.socket.id, count: 150, fromSeq: 6, toSeq: 155 }]);
  });

  it('tells clients counters and transport at most once a second, however often they change', async () => {
    const clock = new VirtualClock();
    const rig = await startRig({ clock });
    const c = client(rig.url);
    let heard = 0;
    c.socket.on('counters', () => heard++);
    await c.connected(); // the join is itself a change
    for (let i = 0; i < 5; i++) rig.hub.statusChanged();
    clock.advance(0.999);
    // A batch sent now is a barrier: a status sent before it would arrive before it.
    rig.publish(1);
    await c.until(() => c.records.length === 1);
    const early = heard;
    clock.advance(0.001);
    await vi.waitFor(() => expect(heard).toBe(1));
    for (let i = 0; i < 5; i++) rig.hub.statusChanged();
    clock.advance(1);
    rig.publish(1);
    // The socket is still sending the status just emitted: the hub looks again every 10 ms of its clock.
    await vi.waitFor(() => {
      clock.advance(0.01);
      expect(c.records.length).toBe(2);
    });
    expect([early, heard]).toEqual([0, 2]);
  });

  it('starts a client from another session from the beginning with a reset', async () => {
    const rig = await startRig();
    rig.publish(3);
    const c = client(rig.url, { afterSeq: 900, session: 'an-older-run' });
    await c.until(() => c.lastSeq === 3);
    expect(c.batches[0]!.reset).toBe(true);
    expect(seqs(c.records)).toEqual([1, 2, 3]);
  });

  it('keeps the latest topology of each chart for clients that join later', async () => {
    const rig = await startRig({ capacity: 4 });
    const topology = (chart: string, states: string[]) => {
      const record = rig.sequencer.number({
        v: 1,
        kind: 'meta',
        event: 'topology',
        chart,
        node: 'local',
        time: null,
        received: 0,
        raw: `topology ${chart}`,
        states: states.map((name) => ({ name, parent: null })),
      });
      rig.hub.publish(record);
      return record;
    };
    topology('a', ['one']);
    const b = topology('b', ['two']);
    const a2 = topology('a', ['one', 'three']);
    rig.publish(10);
    const hello = await client(rig.url).connected();
    // Least recently announced first: a's second announcement moved it to the end.
    expect(hello.retained).toEqual([b, a2]);
  });

  it('ignores malformed resume and ack messages instead of failing', async () => {
    const rig = await startRig();
    rig.publish(2);
    const c = client(rig.url);
    await c.until(() => c.records.length === 2);
    (c.socket as unknown as { emit: (e: string, v: unknown) => void }).emit('ack', 'nonsense');
    (c.socket as unknown as { emit: (e: string, v: unknown) => void }).emit('resume', null);
    await c.until(() => c.records.length === 4);
    expect(seqs(c.records)).toEqual([1, 2, 1, 2]);
  });

  // Issue 9, item 9: 940 fresh clients added 726 million to `dropped`.
  it('does not count the history before a fresh client joined as dropped', async () => {
    const drops: number[] = [];
    const rig = await startRig({ capacity: 8, onDropped: (_id, r) => drops.push(r.count) });
    rig.publish(100);
    const fresh = [client(rig.url), client(rig.url), client(rig.url)];
    for (const c of fresh) await c.until(() => c.lastSeq === 100);
    // Each page is still told what it does not hold …
    expect(fresh.map((c) => c.batches[0]!.dropped)).toEqual(fresh.map(() => ({ count: 92, fromSeq: 1, toSeq: 92 })));
    // No wait needed: the hub reports a drop in a microtask right after the emit, long before the batch arrives here.
    // … but nothing was lost: those records were sent long before these clients existed.
    expect(drops).toEqual([]);
  });

  it('splits a resume gap into batches of at most batchChars of records', async () => {
    const rig = await startRig({ flow: { maxBatch: 1000, batchChars: 2_000 } });
    for (let i = 0; i < 10; i++) rig.hub.publish(rig.sequencer.number(trace(`s${i}`)), 500);
    const c = client(rig.url);
    await c.until(() => c.lastSeq === 10);
    expect(c.batches.map((b) => b.records.length)).toEqual([4, 4, 2]);
  });

  // Issue 9: chart names come from the network, so what is retained per chart must be bounded too.
  it('retains the latest topology of at most maxRetained charts, the most recently announced', async () => {
    const rig = await startRig({ maxRetained: 3, maxRetainedChars: 1_000 });
    const announce = (chart: string, chars: number) =>
      rig.hub.publish(
        rig.sequencer.number({ v: 1, kind: 'meta', event: 'topology', chart, node: 'n', time: null, received: 0, raw: 't', states: [{ name: 's', parent: null }] }),
        chars,
      );
    for (const chart of ['a', 'b', 'c', 'd']) announce(chart, 100);
    announce('b', 100);
    expect((await client(rig.url).connected()).retained.map((r) => r.chart)).toEqual(['c', 'd', 'b']);
    announce('big', 950);
    expect((await client(rig.url).connected()).retained.map((r) => r.chart)).toEqual(['big']);
  });

  // Issue 9: a resume is a client command from the network; repeating it must not buy a fresh window each time.
  it('does not grant a new window for each resume: a client that never acks gets at most `window` batches', async () => {
    const clock = new VirtualClock();
    const rig = await startRig({ clock, flow: { window: 2, maxBatch: 10 } });
    let resumes = 0;
    rig.io.on('connection', (socket) => socket.on('resume', () => resumes++));
    rig.publish(100);
    const c = client(rig.url, { ack: false });
    await c.until(() => c.batches.length === 1);
    // The second batch of the window is paced: it waits for the interval (10 ms).
    clock.advance(0.01);
    await c.until(() => c.batches.length === 2);
    for (let i = 0; i < 50; i++) c.socket.emit('resume', { afterSeq: 0, session: 'session-a' });
    await vi.waitFor(() => expect(resumes).toBe(51));
    await sentSoFar(rig, clock, c);
    expect(c.batches.length).toBe(2);
    // Acknowledging frees the window again, from where the last resume put the client.
    c.ackNow();
    await c.until(() => c.batches.length >= 3);
    expect(c.batches[2]!.records[0]!.seq).toBe(1);
  });
});
