/**
 * The baseline both AMQP benchmarks measure against: raw amqplib, one
 * connection with a publishing and a consuming channel (prefetch 1,000,
 * an ack per message), on an exchange of its own, sending bodies of a
 * given size that carry only their sequence number — no encryption, no
 * properties, no decoding. The exchange is deleted on close.
 */
import { randomUUID } from 'node:crypto';
import * as amqp from 'amqplib';
import type { BenchStack } from './BenchStack.ts';

export interface RawAmqpStackOptions {
  url: string;
  name: string;
  /** The exchange is `<prefix>.<uuid>`. */
  exchangePrefix: string;
  routingKey: string;
  bodyBytes: number;
}

export async function rawAmqpStack(options: RawAmqpStackOptions): Promise<BenchStack> {
  const exchange = `${options.exchangePrefix}.${randomUUID()}`;
  const connection = await amqp.connect(options.url, { noDelay: true });
  const pub = await connection.createChannel();
  const sub = await connection.createChannel();
  await pub.assertExchange(exchange, 'topic', { durable: false });
  await sub.prefetch(1_000);
  const filler = Buffer.alloc(options.bodyBytes, 0x41);
  return {
    name: options.name,
    send(seq) {
      const body = Buffer.from(filler);
      body.writeUInt32BE(seq, 0);
      pub.publish(exchange, options.routingKey, body);
    },
    async onReceive(handler) {
      const { queue } = await sub.assertQueue('', { exclusive: true, autoDelete: true });
      await sub.bindQueue(queue, exchange, '#');
      await sub.consume(queue, (m) => {
        if (!m) return;
        handler(m.content.readUInt32BE(0));
        sub.ack(m);
      });
    },
    async close() {
      await pub.deleteExchange(exchange).catch(() => undefined);
      await connection.close();
    },
  };
}
