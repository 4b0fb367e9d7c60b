/**
 * A NetworkedActiveObject and a Python miros-rabbitmq node (our
 * miros_peer.py: pika, cryptography.fernet, pickle) on the real broker:
 * the Python node's mesh events drive our chart's transitions, our chart's
 * transmits reach Python as miros-rabbitmq items, and the Python node's
 * trace line and snoop scribble are printed by our enableSnoopTrace output
 * as miros-rabbitmq prints them. Unique chart names and mesh routing keys
 * keep parallel tests apart on the shared miros.* exchanges.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkedActiveObject } from '../../server/net/charts/NetworkedActiveObject.ts';
import { seedChartStates } from '../../examples/seedChartStates.ts';
import { waitFor } from '../net/waitFor.ts';
import { runPeer, startPeerConsumer } from './pythonPeer.ts';

const AMQP_URL = process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672/';
const KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';
const charts: NetworkedActiveObject[] = [];

afterEach(async () => {
  await Promise.all(charts.splice(0).map((c) => c.stop()));
});

describe('a NetworkedActiveObject and a Python miros-rabbitmq node', () => {
  it('react to each other over the mesh and share the snoop trace', async () => {
    const tag = randomUUID().slice(0, 8);
    const ourName = `${tag}_ao`;
    const pyName = `${tag}_py`;
    // Python listens on the mesh for our transmits before our chart starts.
    const consumer = await startPeerConsumer(['--url', AMQP_URL, '--key', KEY, '--networks', 'mesh', '--binding', `#.${tag}.man`, '--expect', '2', '--timeout', '20', '--match', ourName]);

    const printed: string[] = [];
    const chart = new NetworkedActiveObject(ourName, {
      amqpUrl: AMQP_URL,
      meshEncryptionKey: KEY,
      txRoutingKey: `ts.${tag}.man`,
      rxRoutingKey: `#.${tag}.man`,
      senderAddress: '10.9.8.7',
      print: (line) => void printed.push(line),
    });
    charts.push(chart);
    chart.enableSnoopTrace();
    chart.startAt(seedChartStates(() => 600).outer); // only the Python node moves it
    await chart.network.ready();

    // Python transmits other_to_inner, then other_to_outer (payload: its own name).
    await runPeer(['publish', '--url', AMQP_URL, '--key', KEY, '--networks', 'mesh', '--charts', pyName, '--count', '2', '--routing-key', `py.${tag}.man`, '--interval', '0.3']);
    await waitFor(() => expect(chart.trace()!.trim().split('\n').length).toBe(3), 10_000);
    const moves = chart.trace()!.trim().split('\n').map((l) => l.slice(l.indexOf('e->')));
    expect(moves).toEqual(['e->start_at() top->outer', 'e->other_to_inner() outer->inner', 'e->other_to_outer() inner->outer']);

    // Our transmits, as Python decoded them: other_to_outer on outer's INIT, other_to_inner on inner's ENTRY.
    const heard = (await consumer.done).map((l) => [l.routing_key, l.item, (l.properties as { app_id: string }).app_id]);
    expect(heard).toEqual([
      [`ts.${tag}.man`, { tuple: ['10.9.8.7', `{"signal_name": "other_to_outer", "payload": "${ourName}"}`] }, 'miros-rabbitmq-publisher'],
      [`ts.${tag}.man`, { tuple: ['10.9.8.7', `{"signal_name": "other_to_inner", "payload": "${ourName}"}`] }, 'miros-rabbitmq-publisher'],
    ]);

    // Python's trace line and coloured scribble, printed by our snoop trace.
    const out = await runPeer(['publish', '--url', AMQP_URL, '--key', KEY, '--networks', 'trace', '--charts', pyName, '--count', '1', '--scribble', 'hello from python']);
    const [traceItem, scribbleItem] = (JSON.parse(out) as { sent: { item: string }[] }).sent.map((s) => s.item.trim());
    const [purple, grey, reset] = ['\x1b[35m', '\x1b[30;1m', '\x1b[0m'];
    const framed = (item: string) => item.replace(`[${pyName}]`, `[${purple}${pyName}${reset}]`);
    const fromPython = () => printed.filter((l) => l.includes(pyName));
    await waitFor(() => expect(fromPython().length).toBe(2), 10_000);
    expect(scribbleItem).toContain(`${grey}# hello from python${reset}`);
    expect(fromPython()).toEqual([
      ` [+t] ${framed(traceItem!)}`,
      ` [+t] ${framed(scribbleItem!)}`,
    ]);
  }, 40_000);
});
