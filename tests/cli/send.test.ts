/**
 * `miroscope send` as a user runs it, against a real `serve` (startServe in
 * this process) that needs a token, on a private RabbitMQ vhost with a fresh
 * key. A peer node bound like the seed charts (`#.man`) transmits once as
 * `peer_ao` so the server knows its routing key, and hears what is sent.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeshRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { startServe, type RunningServe } from '../../server/cli/startServe.ts';
import { resolveServeConfig } from '../../server/config/serveConfig.ts';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { MirosNets } from '../../server/net/MirosNets.ts';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import { waitFor } from '../net/waitFor.ts';
import { PrivateVhost } from '../support/PrivateVhost.ts';
import { runCli } from './support/runCli.ts';

const TOKEN = `tok-${randomUUID()}`;
const vhost = PrivateVhost.named('miroscope-send-cli');
const url = vhost.url;
const key = Fernet.generateKey();
let running: RunningServe;
let dir: string;
let serverUrl: string;
let peerTransport: AmqpTransport;
let peer: MirosNets;
const heard: UnnumberedRecord[] = [];

const send = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['send', '--url', serverUrl, ...args], { env: { MIROSCOPE_TOKEN: '', ...env } });

beforeAll(async () => {
  vhost.create();
  dir = mkdtempSync(path.join(tmpdir(), 'miroscope-send-cli-'));
  const config = resolveServeConfig({ amqp: url, meshKey: key, port: 0, recordings: dir, token: TOKEN }, {});
  running = await startServe({ config, say: () => {}, log: () => {} });
  serverUrl = `http://127.0.0.1:${running.server.port}`;
  peerTransport = new AmqpTransport({ url });
  peer = new MirosNets({ transport: peerTransport, meshKey: key, txRoutingKey: 'heya.man', rxRoutingKey: '#.man', node: 'peer-node' });
  peer.onMesh((record) => void heard.push(record));
  await peerTransport.whenConnected(5000);
  await peer.ready();
  peer.transmit({ signal: 'other_to_outer', payload: 'peer_ao' }, { chart: 'peer_ao' });
  await waitFor(() => running.server.operator.routes.routingKeyOf('peer_ao') !== undefined, 10_000);
}, 60_000);

afterAll(async () => {
  await peer?.close();
  await peerTransport?.close('test over');
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
  vhost.delete(); // best effort: a leftover private vhost harms no other test
}, 60_000);

describe('miroscope send', () => {
  it('sends an event with its JSON payload through the server, with the token from the environment', async () => {
    const result = await send(['peer_ao', 'other_to_inner', '{"n": 1}'], { MIROSCOPE_TOKEN: TOKEN });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sent other_to_inner to peer_ao via routing key heya\.man \(sent, message [0-9a-f-]{36}\)\n$/);
    await waitFor(() => heard.some((r) => r.kind === 'mesh' && r.signal === 'other_to_inner'), 10_000);
    const got = heard.find((r): r is Omit<MeshRecord, 'seq'> => r.kind === 'mesh' && r.signal === 'other_to_inner')!;
    expect({ payload: got.payload, node: got.node, chart: got.chart }).toEqual({ payload: { n: 1 }, node: 'operator@token', chart: 'operator' });
  });

  it('reads the token from --token-file and sends to all routing keys heard', async () => {
    const file = path.join(dir, 'token');
    writeFileSync(file, `${TOKEN}\n`, { mode: 0o600 });
    const result = await send(['all', 'wake_up', '--token-file', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sent wake_up to all charts via routing key heya\.man \(sent, message /);
    await waitFor(() => heard.some((r) => r.kind === 'mesh' && r.signal === 'wake_up' && r.payload === null), 10_000);
  });

  it('says why when the server refuses: no token, a chart never heard, a signal over budget', async () => {
    const noToken = await send(['peer_ao', 'other_to_inner']);
    expect(noToken).toEqual({ code: 1, stdout: '', stderr: 'miroscope send: the server refused: this miroscope server needs a token: send Authorization: Bearer <token>\n' });
    const ghost = await send(['ghost_ao', 'boo'], { MIROSCOPE_TOKEN: TOKEN });
    expect(ghost.code).toBe(1);
    expect(ghost.stderr).toContain('ghost_ao has not been heard transmitting on the mesh, so its routing key is unknown');
    const spaced = await send(['peer_ao', 'two words'], { MIROSCOPE_TOKEN: TOKEN });
    expect(spaced.code).toBe(1);
    expect(spaced.stderr).toContain('must be a Python identifier');
  });

  it('refuses a token on the command line without echoing it, and a payload that is not JSON', async () => {
    const secret = `visible-${randomUUID()}`;
    const onArgv = await send(['peer_ao', 'x', '--token', secret]);
    expect(onArgv.code).toBe(2);
    expect(onArgv.stderr).toContain('--token is refused');
    expect(onArgv.stderr + onArgv.stdout).not.toContain(secret);
    const notJson = await send(['peer_ao', 'x', 'hello'], { MIROSCOPE_TOKEN: TOKEN });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('the payload must be JSON');
  });

  it('says no server is there when nothing listens at --url', async () => {
    // A port just freed: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const result = await runCli(['send', '--url', `http://127.0.0.1:${port}`, 'peer_ao', 'x']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `miroscope send: no answer from a miroscope server at http://127.0.0.1:${port} (ECONNREFUSED); is \`miroscope serve\` running?\n` });
  });
});
