import { randomUUID } from 'node:crypto';
import * as amqp from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import { InProcessBus } from '../../server/net/transport/InProcessBus.ts';
import type { Delivery, Transport } from '../../server/net/transport/Transport.ts';
import { TransportClosedError } from '../../server/net/transport/TransportClosedError.ts';
import { waitFor } from './waitFor.ts';

const AMQP_URL = process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672/';
const exchangesUsed: string[] = [];
const freshExchange = () => {
  const name = `test.transport.${randomUUID()}`;
  exchangesUsed.push(name);
  return name;
};

afterAll(async () => {
  // Exchanges are non-durable but outlive connections: remove ours.
  const connection = await amqp.connect(AMQP_URL);
  const channel = await connection.createChannel();
  for (const name of exchangesUsed) await channel.deleteExchange(name).catch(() => undefined);
  await connection.close();
});

const transports: [string, () => Promise<Transport>][] = [
  ['the in-process bus', async () => new InProcessBus()],
  [
    'AMQP (real RabbitMQ)',
    async () => {
      const t = new AmqpTransport({ url: AMQP_URL });
      await t.whenConnected(10_000);
      return t;
    },
  ],
];

describe.each(transports)('Transport semantics on %s', (_name, make) => {
  const texts = (list: Delivery[]) => list.map((d) => `${d.routingKey}:${d.body.toString()}`);

  it('routes by topic pattern: * is one word, # is zero or more', async () => {
    const t = await make();
    const exchange = freshExchange();
    const got: Record<string, Delivery[]> = { '*.man': [], '#': [], 'heya.#': [], 'a.*.c': [], '#.man': [] };
    const subs = Object.keys(got).map((pattern) => t.subscribe(exchange, pattern, (d) => void got[pattern]!.push(d)));
    await Promise.all(subs.map((s) => s.ready));
    for (const key of ['heya.man', 'a.b.c', 'x', 'heya', 'man', 'a.b.b.c']) t.publish(exchange, key, Buffer.from('m'));
    await waitFor(() => expect(got['#']!.length).toBe(6));
    await waitFor(() => expect(got['heya.#']!.length + got['*.man']!.length + got['a.*.c']!.length + got['#.man']!.length).toBe(6));
    expect(Object.fromEntries(Object.entries(got).map(([p, list]) => [p, texts(list)]))).toEqual({
      '*.man': ['heya.man:m'],
      '#': ['heya.man:m', 'a.b.c:m', 'x:m', 'heya:m', 'man:m', 'a.b.b.c:m'],
      'heya.#': ['heya.man:m', 'heya:m'],
      'a.*.c': ['a.b.c:m'],
      '#.man': ['heya.man:m', 'man:m'],
    });
    await t.close();
  });

  it('keeps consuming after a handler throws, and counts throws and rejections by reason', async () => {
    const t = await make();
    const exchange = freshExchange();
    const seen: string[] = [];
    const errors: string[] = [];
    t.on('error', (e) => errors.push(e.message));
    const sub = t.subscribe(exchange, '#', (d) => {
      const text = d.body.toString();
      seen.push(text);
      if (text === 'throw') throw new Error('handler blew up');
      if (text === 'bad') return { rejected: 'bad-shape' };
      return undefined;
    });
    await sub.ready;
    for (const text of ['ok1', 'throw', 'bad', 'ok2', 'bad']) t.publish(exchange, 'k', Buffer.from(text));
    await waitFor(() => expect(seen).toEqual(['ok1', 'throw', 'bad', 'ok2', 'bad']));
    const counters = t.counters();
    expect([counters.published, counters.received, counters.rejected, errors]).toEqual([5, 5, { 'handler-error': 1, 'bad-shape': 2 }, ['handler blew up']]);
    await t.close();
  });

  it('passes properties through and stops delivering after unsubscribe', async () => {
    const t = await make();
    const exchange = freshExchange();
    const got: Delivery[] = [];
    const sub = t.subscribe(exchange, 'k', (d) => void got.push(d));
    await sub.ready;
    t.publish(exchange, 'k', Buffer.from('one'), { appId: 'miros-rabbitmq-publisher', contentType: 'application/json', headers: { version: '1.0', 'x-miroscope-seq': 3 } });
    await waitFor(() => expect(got.length).toBe(1));
    await sub.unsubscribe();
    t.publish(exchange, 'k', Buffer.from('two'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(got.map((d) => [d.body.toString(), d.props.appId, d.props.contentType, d.props.headers])).toEqual([
      ['one', 'miros-rabbitmq-publisher', 'application/json', { version: '1.0', 'x-miroscope-seq': 3 }],
    ]);
    await t.close();
  });

  it('throws an error saying when and why it closed when used after close', async () => {
    const t = await make();
    const closed: string[] = [];
    t.on('closed', (info) => closed.push(info.reason));
    await t.close('test is over');
    let error: unknown;
    try {
      t.publish(freshExchange(), 'k', Buffer.from('late'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TransportClosedError);
    expect([(error as TransportClosedError).reason, (error as Error).message.startsWith('cannot publish: transport closed at '), t.state, closed]).toEqual([
      'test is over',
      true,
      'closed',
      ['test is over'],
    ]);
    expect(() => t.subscribe(freshExchange(), '#', () => undefined)).toThrow(/cannot subscribe: transport closed at .* \(test is over\)/);
  });
});
