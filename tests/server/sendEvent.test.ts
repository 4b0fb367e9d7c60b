/**
 * Issue 12, item 1: an operator's event onto the mesh through POST /api/send.
 * A whole server (startServe: listener, pipeline, operator publisher) runs on
 * a private RabbitMQ vhost with a fresh mesh key; the far side is a peer
 * node on its own connection, bound like the seed charts (tx `heya.man`,
 * rx `#.man`), which transmits once so the server learns its routing key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeshRecord, MirosRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { startServe, type RunningServe } from '../../server/cli/startServe.ts';
import { resolveServeConfig } from '../../server/config/serveConfig.ts';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { MirosNets } from '../../server/net/MirosNets.ts';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import { OperatorPublisher } from '../../server/send/OperatorPublisher.ts';
import { PrivateVhost } from '../support/PrivateVhost.ts';
import { startTestServer, type TestServer } from './support/startTestServer.ts';

const vhost = PrivateVhost.named('miroscope-send');
const url = vhost.url;
const key = Fernet.generateKey();
let running: RunningServe;
let recordings: string;
let base: string;
let peerTransport: AmqpTransport;
let peer: MirosNets;
const heard: UnnumberedRecord[] = [];

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function post(body: unknown, headers: Record<string, string> = {}, at = base): Promise<Response> {
  return fetch(`${at}/api/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const serverRecords = (): MirosRecord[] => running.server.recentRecords();

beforeAll(async () => {
  vhost.create();
  recordings = mkdtempSync(path.join(tmpdir(), 'miroscope-send-'));
  const config = resolveServeConfig({ amqp: url, meshKey: key, port: 0, recordings }, {});
  running = await startServe({ config, say: () => {}, log: () => {} });
  base = `http://127.0.0.1:${running.server.port}`;
  peerTransport = new AmqpTransport({ url });
  peer = new MirosNets({ transport: peerTransport, meshKey: key, txRoutingKey: 'heya.man', rxRoutingKey: '#.man', node: 'peer-node' });
  peer.onMesh((record) => void heard.push(record));
  await peerTransport.whenConnected(5000);
  await peer.ready();
  // The peer speaks once, as a seed chart does on start: the server learns peer_ao's routing key.
  peer.transmit({ signal: 'other_to_outer', payload: 'peer_ao' }, { chart: 'peer_ao' });
  await until('the server to hear peer_ao', () => (running.server.operator.routes.routingKeyOf('peer_ao') ? true : undefined));
}, 60_000);

afterAll(async () => {
  await peer?.close();
  await peerTransport?.close('test over');
  await running?.stop();
  rmSync(recordings, { recursive: true, force: true });
  vhost.delete(); // best effort: a leftover private vhost harms no other test
}, 60_000);

describe('POST /api/send on the real broker', () => {
  it('publishes the event on the mesh with the routing key the chart transmits with, as a Python node would', async () => {
    const res = await post({ target: 'peer_ao', signal: 'other_to_inner', payload: { n: 1, name: 'café' } });
    expect(res.status).toBe(202);
    const answer = (await res.json()) as { node: string; messages: { messageId: string; routingKey: string; result: string }[] };
    expect(answer.node).toBe('operator@loopback');
    expect(answer.messages).toEqual([{ messageId: expect.any(String), routingKey: 'heya.man', result: 'sent' }]);

    const got = await until('the peer to hear the event', () => heard.find((r): r is Omit<MeshRecord, 'seq'> => r.kind === 'mesh' && r.signal === 'other_to_inner'));
    // The item's JSON is byte for byte Python's json.dumps; the address is the broker's host (no `Alien!`).
    expect(got.raw).toBe('{"signal_name": "other_to_inner", "payload": {"n": 1, "name": "caf\\u00e9"}}');
    expect(got.sender).toBe('127.0.0.1');
    expect(got.routingKey).toBe('heya.man');
    expect(got.payload).toEqual({ n: 1, name: 'café' });
    expect(got.correlation).toEqual({ messageId: answer.messages[0]!.messageId, chart: 'operator', seq: 1 });
    expect(got.node).toBe('operator@loopback');
  });

  it('records who sent it: a note naming the client, then the mesh message as heard, from the operator', async () => {
    const res = await post({ target: 'peer_ao', signal: 'to_outer' });
    expect(res.status).toBe(202);
    const { messages } = (await res.json()) as { messages: { messageId: string }[] };
    const mesh = await until('the server to hear its own send', () =>
      serverRecords().find((r): r is MeshRecord => r.kind === 'mesh' && r.correlation?.messageId === messages[0]!.messageId),
    );
    expect(mesh).toMatchObject({ chart: 'operator', node: 'operator@loopback', signal: 'to_outer', payload: null, routingKey: 'heya.man' });
    const note = serverRecords().find((r) => r.kind === 'meta' && r.detail?.includes(messages[0]!.messageId));
    expect(note).toMatchObject({ kind: 'meta', event: 'status', chart: 'operator' });
    expect(note!.kind === 'meta' && note!.detail).toBe(`operator (loopback 127.0.0.1) sent to_outer() to peer_ao via heya.man: sent, message ${messages[0]!.messageId}`);
    expect(note!.seq).toBeLessThan(mesh.seq);

    // The sequence view draws it as a message from the `operator` lifeline.
    const model = buildSequenceModel(serverRecords());
    const drawn = model.system.items.find((i) => i.type === 'message' && i.seq === mesh.seq);
    expect(drawn).toMatchObject({ type: 'message', from: 'operator', signal: 'to_outer' });
    expect(model.system.lifelines).toContain('operator');
  });

  it('sends to every routing key heard for `all`, and to a given key for a chart never heard', async () => {
    const all = await post({ target: 'all', signal: 'everyone' });
    expect(all.status).toBe(202);
    expect(((await all.json()) as { messages: { routingKey: string }[] }).messages.map((m) => m.routingKey)).toEqual(['heya.man']);
    await until('the peer to hear `everyone`', () => heard.find((r) => r.kind === 'mesh' && r.signal === 'everyone'));

    const unknown = await post({ target: 'ghost_ao', signal: 'boo' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toContain('ghost_ao has not been heard transmitting on the mesh');
    const given = await post({ target: 'ghost_ao', signal: 'boo', routingKey: 'ghost.man' });
    expect(given.status).toBe(202);
    await until('the peer to hear `boo` (ghost.man matches #.man)', () => heard.find((r) => r.kind === 'mesh' && r.signal === 'boo' && r.routingKey === 'ghost.man'));
    // A key typed by the operator is not learned as a chart's key.
    expect(running.server.operator.routes.allKeys()).toEqual(['heya.man']);
  });

  it('refuses input over its budget with a clear error, counts it by reason, and publishes nothing', async () => {
    const before = heard.length;
    const deep = JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown;
    const cases: [unknown, number, string][] = [
      [{ target: 'peer_ao', signal: 'two words' }, 400, 'must be a Python identifier'],
      [{ target: 'peer_ao', signal: 'x'.repeat(129) }, 400, 'more than 128'],
      [{ target: 'peer_ao', signal: 'ok', payload: 'y'.repeat(9000) }, 413, 'more than 8192'],
      [{ target: 'peer_ao', signal: 'ok', payload: deep }, 400, 'nests deeper than 16'],
      [{ target: 'peer_ao', signal: 'ok', routingKey: '#.man' }, 400, 'binding wildcard'],
      [{ signal: 'ok' }, 400, '"target" must be a chart name or "all"'],
      [[1, 2], 400, 'must be a JSON object'],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect({ status: res.status, error: ((await res.json()) as { error: string }).error }).toEqual({ status, error: expect.stringContaining(message) });
    }
    const form = await fetch(`${base}/api/send`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'target=peer_ao&signal=x' });
    expect(form.status).toBe(415);
    // Another web site's page (CSRF) is refused before the route.
    const foreign = await post({ target: 'peer_ao', signal: 'csrf' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);

    const health = (await (await fetch(`${base}/api/health`)).json()) as { send: { sent: number; refused: Record<string, number> } };
    expect(health.send.refused).toEqual({ 'bad-signal': 1, 'signal-too-long': 1, 'payload-too-large': 1, 'payload-too-deep': 1, 'bad-routing-key': 1, 'bad-target': 1, 'bad-request': 1, 'unknown-route': 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.slice(before).filter((r) => r.kind === 'mesh' && r.correlation?.chart === 'operator')).toEqual([]);
  });
});

describe('POST /api/send with a token', () => {
  let server: TestServer;
  let transport: AmqpTransport;
  beforeAll(async () => {
    server = await startTestServer({ token: 'a-long-test-token' });
    transport = new AmqpTransport({ url });
    await transport.whenConnected(5000);
  });
  afterAll(async () => {
    await server?.stop();
    await transport?.close('test over');
  });

  it('needs the token, answers 503 without a mesh, and names the token as the sender once attached', async () => {
    const body = { target: 'all', signal: 'hello', routingKey: 'heya.man' };
    expect((await post(body, {}, server.base)).status).toBe(401);
    const auth = { authorization: 'Bearer a-long-test-token' };
    const noMesh = await post(body, auth, server.base);
    expect(noMesh.status).toBe(503);
    expect(((await noMesh.json()) as { error: string }).error).toContain('no mesh to send on');

    server.server.operator.attach(new OperatorPublisher({ transport, meshKey: key, address: () => '127.0.0.1' }));
    const res = await post(body, auth, server.base);
    expect(res.status).toBe(202);
    expect(((await res.json()) as { node: string }).node).toBe('operator@token');
    const got = await until('the peer to hear `hello`', () => heard.find((r) => r.kind === 'mesh' && r.signal === 'hello'));
    expect(got.node).toBe('operator@token');
  });
});
