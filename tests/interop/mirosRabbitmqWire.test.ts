/**
 * Wire compatibility with miros-rabbitmq, checked against Python's own
 * pika, cryptography.fernet and pickle over the real broker, both ways.
 * The miros.* exchanges are shared with other tests: every test uses its
 * own chart names and mesh routing keys and ignores everything else.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { MirosNets } from '../../server/net/MirosNets.ts';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import { waitFor } from '../net/waitFor.ts';
import { runPeer, startPeerConsumer } from './pythonPeer.ts';

const AMQP_URL = process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672/';
const KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';
const open: AmqpTransport[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function ourNode(options: { rx?: string; tx?: string } = {}) {
  const transport = new AmqpTransport({ url: AMQP_URL });
  open.push(transport);
  await transport.whenConnected();
  return new MirosNets({ transport, meshKey: KEY, node: 'ts-node', senderAddress: '10.1.2.3', txRoutingKey: options.tx ?? 'x', rxRoutingKey: options.rx ?? 'x' });
}

type Sent = { network: string; routing_key: string; item: string | { tuple: [string, string] } };

describe('Python miros-rabbitmq → miroscope', () => {
  it('decodes every trace, spy and mesh message a Python node publishes', async () => {
    const tag = randomUUID().slice(0, 6);
    const charts = [`${tag}_ao`, `${tag}_fo`];
    const meshKey = `${tag}.man`;
    const nets = await ourNode({ rx: '#.man' });
    const got: UnnumberedRecord[] = [];
    const mine = (r: UnnumberedRecord) => charts.some((c) => r.raw.includes(c)) && got.push(r);
    nets.onTrace(mine);
    nets.onSpy(mine);
    nets.onMesh(mine);
    await nets.ready();

    const out = await runPeer(['publish', '--url', AMQP_URL, '--key', KEY, '--networks', 'trace,spy,mesh', '--charts', charts.join(','), '--count', '2', '--routing-key', meshKey]);
    const sent = (JSON.parse(out) as { sent: Sent[] }).sent;
    await waitFor(() => expect(got.length).toBe(sent.length), 10_000);

    const expected = sent.map((s) => {
      if (s.network === 'trace') {
        const line = (s.item as string).trim();
        const m = /^\[(.*?)\] \[(.*?)\] e->(\w+)\(\) (\w+)->(\w+)$/.exec(line)!;
        return { kind: 'trace', chart: m[2], stamp: m[1], signal: m[3], from: m[4], to: m[5], raw: line };
      }
      if (s.network === 'spy') {
        const text = s.item as string;
        return { kind: 'spy', chart: text.split(' ')[0], line: text.slice(text.indexOf(' ') + 1), raw: text };
      }
      const [sender, eventJson] = (s.item as { tuple: [string, string] }).tuple;
      const event = JSON.parse(eventJson) as { signal_name: string; payload: string };
      return { kind: 'mesh', chart: null, sender, node: sender, signal: event.signal_name, payload: event.payload, routingKey: meshKey, raw: eventJson };
    });
    const byKey = (r: { kind: string; raw: string }) => `${r.kind}|${r.raw}`;
    const actual = got.map((r) => {
      const pick: Record<string, unknown> = { kind: r.kind, chart: r.chart, raw: r.raw };
      if (r.kind === 'trace') Object.assign(pick, { stamp: r.stamp, signal: r.signal, from: r.from, to: r.to });
      if (r.kind === 'spy') Object.assign(pick, { line: r.line });
      if (r.kind === 'mesh') Object.assign(pick, { sender: r.sender, node: r.node, signal: r.signal, payload: r.payload, routingKey: r.routingKey });
      return pick;
    });
    expect([...actual].sort((a, b) => byKey(a as never).localeCompare(byKey(b as never)))).toEqual(
      [...expected].sort((a, b) => byKey(a as never).localeCompare(byKey(b as never))),
    );
  });

  it('reads pickles of every protocol Python can write for these items', async () => {
    const tag = randomUUID().slice(0, 6);
    const nets = await ourNode();
    const got: string[] = [];
    nets.onSpy((r) => void (r.chart === `${tag}_p` && got.push(r.raw)));
    await nets.ready();
    for (const protocol of ['0', '1', '2', '3', '4', '5']) {
      await runPeer(['publish', '--url', AMQP_URL, '--key', KEY, '--networks', 'spy', '--charts', `${tag}_p`, '--count', '1', '--protocol', protocol]);
    }
    await waitFor(() => expect(got).toEqual(Array(6).fill(`${tag}_p START`)), 10_000);
  });
});

describe('miroscope → Python miros-rabbitmq', () => {
  it('publishes messages Python decrypts and unpickles into miros-rabbitmq items, with its properties', async () => {
    const tag = randomUUID().slice(0, 6);
    const chart = `${tag}_ts`;
    const meshKey = `${tag}.man`;
    const consumer = await startPeerConsumer(['--url', AMQP_URL, '--key', KEY, '--networks', 'trace,spy,mesh', '--binding', '#.man', '--expect', '4', '--timeout', '15', '--match', tag]);
    const nets = await ourNode({ tx: meshKey });
    const line = `[2018-05-04 09:23:34.178157] [${chart}] e->to_inner() outer->inner`;
    nets.publishTrace(`\n${line}\n`);
    nets.publishSpy(chart, 'ENTRY_SIGNAL:inner');
    nets.transmit({ signal: 'other_to_inner', payload: chart }, { chart });
    nets.transmit({ signal: 'ünïcode', payload: { n: 1.5, list: [null, true], who: chart } }, { chart });
    // Three queues: arrival order across networks is not defined; our seq header (per network) is.
    const seqOf = (l: Record<string, unknown>) => (l.properties as { headers: Record<string, number> }).headers['x-miroscope-seq']!;
    const order = ['trace', 'spy', 'mesh'];
    const lines = (await consumer.done).sort((a, b) => order.indexOf(a.network as string) - order.indexOf(b.network as string) || seqOf(a) - seqOf(b));

    const headers = (seq: number) => ({ version: '1.0', 'x-miroscope-chart': chart, 'x-miroscope-node': 'ts-node', 'x-miroscope-seq': seq });
    expect(
      lines.map((l) => {
        const props = l.properties as { headers: Record<string, unknown> };
        const { 'x-miroscope-message-id': id, ...rest } = props.headers;
        return { ...l, properties: { ...props, headers: rest }, hasMessageId: typeof id === 'string' };
      }),
    ).toEqual([
      { network: 'trace', routing_key: 'snoop.trace', protocol: 4, item: `\n${line}\n`, properties: { app_id: 'miros-rabbitmq-publisher', content_type: 'application/json', headers: headers(1), delivery_mode: null }, hasMessageId: true },
      { network: 'spy', routing_key: 'snoop.spy', protocol: 4, item: `${chart} ENTRY_SIGNAL:inner`, properties: { app_id: 'miros-rabbitmq-publisher', content_type: 'application/json', headers: headers(1), delivery_mode: null }, hasMessageId: true },
      {
        network: 'mesh',
        routing_key: meshKey,
        protocol: 4,
        item: { tuple: ['10.1.2.3', `{"signal_name": "other_to_inner", "payload": "${chart}"}`] },
        properties: { app_id: 'miros-rabbitmq-publisher', content_type: 'application/json', headers: headers(1), delivery_mode: null },
        hasMessageId: true,
      },
      {
        network: 'mesh',
        routing_key: meshKey,
        protocol: 4,
        item: { tuple: ['10.1.2.3', `{"signal_name": "\\u00fcn\\u00efcode", "payload": {"n": 1.5, "list": [null, true], "who": "${chart}"}}`] },
        properties: { app_id: 'miros-rabbitmq-publisher', content_type: 'application/json', headers: headers(2), delivery_mode: null },
        hasMessageId: true,
      },
    ]);
  });
});
