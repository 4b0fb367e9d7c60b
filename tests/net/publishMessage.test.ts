/**
 * publishMessage bypasses amqplib's `Channel#publish` options handling. On
 * the real broker, what it sends must be exactly what `publish` sends, and
 * the installed amqplib must still have the internals it relies on.
 */
import { randomUUID } from 'node:crypto';
import * as amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirosMessageProperties, readCorrelation } from '../../server/net/correlationHeaders.ts';
import { hasFastPublish, publishMessage } from '../../server/net/transport/publishMessage.ts';
import type { PublishProps } from '../../server/net/transport/Transport.ts';
import { waitFor } from './waitFor.ts';

const AMQP_URL = process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672/';
const exchange = `test.publish-message.${randomUUID()}`;
let connection: amqp.ChannelModel;
let plain: amqp.Channel;
let confirming: amqp.ConfirmChannel;
const received: amqp.ConsumeMessage[] = [];

beforeAll(async () => {
  connection = await amqp.connect(AMQP_URL);
  plain = await connection.createChannel();
  confirming = await connection.createConfirmChannel();
  await plain.assertExchange(exchange, 'topic', { durable: false });
  const { queue } = await plain.assertQueue('', { exclusive: true });
  await plain.bindQueue(queue, exchange, '#');
  await plain.consume(queue, (m) => void (m && received.push(m)), { noAck: true });
});

afterAll(async () => {
  await plain.deleteExchange(exchange).catch(() => undefined);
  await connection.close();
});

/** What a consumer sees of a message: everything amqplib decoded, minus per-delivery fields. */
const seen = (m: amqp.ConsumeMessage) => ({ routingKey: m.fields.routingKey, body: m.content.toString(), properties: m.properties });

async function both(props: PublishProps, channel: amqp.Channel): Promise<[unknown, unknown]> {
  const tag = randomUUID();
  const start = received.length;
  channel.publish(exchange, `${tag}.public`, Buffer.from('same body'), props);
  publishMessage(channel, exchange, `${tag}.fast`, Buffer.from('same body'), props, null);
  await waitFor(() => expect(received.length - start).toBe(2));
  const [viaPublish, viaFast] = received.slice(start).map(seen);
  return [{ ...viaPublish, routingKey: 'k' }, { ...viaFast, routingKey: 'k' }];
}

describe('publishMessage', () => {
  it('finds the internals it uses on the installed amqplib channels', () => {
    expect([hasFastPublish(plain), hasFastPublish(confirming)]).toEqual([true, true]);
  });

  it('sends exactly the properties and headers Channel#publish sends', async () => {
    const props: PublishProps = {
      appId: 'miros-rabbitmq-publisher',
      contentType: 'application/json',
      messageId: 'm-1',
      headers: { version: '1.0', 'x-miroscope-chart': 'ao1', 'x-miroscope-seq': 70_000, 'x-miroscope-node': 'n', flag: true },
    };
    const [viaPublish, viaFast] = await both(props, plain);
    expect(viaFast).toEqual(viaPublish);
    expect((viaFast as ReturnType<typeof seen>).properties.headers).toEqual(props.headers);
  });

  it('sends our correlation headers with their field types, read back as numbers and text (issue 8)', async () => {
    const props = mirosMessageProperties({ messageId: 'm-2', chart: 'ŝtato ĉarto', seq: 2 ** 31, node: 'n' });
    const [viaPublish, viaFast] = await both(props, plain);
    expect(viaFast).toEqual(viaPublish);
    const headers = (viaFast as ReturnType<typeof seen>).properties.headers;
    expect([headers, readCorrelation(headers)]).toEqual([
      { version: '1.0', 'x-miroscope-message-id': 'm-2', 'x-miroscope-chart': 'ŝtato ĉarto', 'x-miroscope-seq': 2 ** 31, 'x-miroscope-node': 'n' },
      { messageId: 'm-2', chart: 'ŝtato ĉarto', seq: 2 ** 31, node: 'n' },
    ]);
  });

  it('sends an empty header table for a message without headers, as Channel#publish does', async () => {
    const [viaPublish, viaFast] = await both({ appId: 'a' }, plain);
    expect(viaFast).toEqual(viaPublish);
    expect((viaFast as ReturnType<typeof seen>).properties.headers).toEqual({});
  });

  it('runs the confirm callback once per message, as the broker acks them', async () => {
    const confirmed: string[] = [];
    for (const n of ['1', '2', '3']) publishMessage(confirming, exchange, 'confirm', Buffer.from(n), {}, (error) => confirmed.push(`${n}:${error ?? 'ok'}`));
    await confirming.waitForConfirms();
    expect(confirmed).toEqual(['1:ok', '2:ok', '3:ok']);
  });

  it('falls back to the public publish on a channel without the internals', () => {
    const calls: unknown[][] = [];
    const fake = { publish: (...args: unknown[]) => calls.push(args) } as unknown as amqp.ConfirmChannel;
    const onConfirm = () => undefined;
    publishMessage(fake, 'ex', 'rk', Buffer.from('b'), { appId: 'a' }, onConfirm);
    expect(calls).toEqual([['ex', 'rk', Buffer.from('b'), { appId: 'a' }, onConfirm]]);
  });
});
