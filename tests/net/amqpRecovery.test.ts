/**
 * AmqpTransport's recovery with a fake far side: a scripted broker list
 * (one refusing connections, one accepting), a connection that drops, and
 * channels that log what is declared and published. Our own code runs as is.
 */
import { EventEmitter } from 'node:events';
import type * as amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import type { AmqpConnect } from '../../server/net/transport/AmqpLink.ts';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import { waitFor } from './waitFor.ts';

class FakeBroker {
  readonly log: string[] = [];
  readonly models: FakeModel[] = [];
  private queues = 0;

  connect: AmqpConnect = async (url) => {
    const host = new URL(url).hostname;
    this.log.push(`connect ${host} ${new URL(url).search}`);
    if (host.startsWith('down')) throw new Error(`connect ECONNREFUSED while dialing ${url}`);
    const model = new FakeModel(this);
    this.models.push(model);
    return model as unknown as amqp.ChannelModel;
  };

  queueName(): string {
    return `amq.gen-${++this.queues}`;
  }
}

class FakeChannel extends EventEmitter {
  consumers = new Map<string, (m: amqp.ConsumeMessage | null) => void>();
  private tag = 0;
  constructor(private readonly broker: FakeBroker) {
    super();
  }
  private note(text: string) {
    this.broker.log.push(text);
  }
  async prefetch(n: number) {
    this.note(`prefetch ${n}`);
  }
  async assertExchange(name: string, type: string, options: { durable?: boolean }) {
    this.note(`assertExchange ${name} ${type} durable=${options.durable}`);
    return { exchange: name };
  }
  async assertQueue(name: string, options: { exclusive?: boolean }) {
    const queue = name || this.broker.queueName();
    this.note(`assertQueue ${queue} exclusive=${options.exclusive}`);
    return { queue, messageCount: 0, consumerCount: 0 };
  }
  async bindQueue(queue: string, exchange: string, pattern: string) {
    this.note(`bindQueue ${queue} ${exchange} ${pattern}`);
    return {};
  }
  async consume(queue: string, onMessage: (m: amqp.ConsumeMessage | null) => void) {
    const consumerTag = `ctag-${++this.tag}`;
    this.consumers.set(consumerTag, onMessage);
    this.note(`consume ${queue}`);
    return { consumerTag };
  }
  publish(exchange: string, routingKey: string, body: Buffer, _options: unknown, confirmed?: (error: unknown) => void) {
    this.note(`publish ${exchange} ${routingKey} ${body.toString()}`);
    if (confirmed) setImmediate(() => confirmed(null));
    return true;
  }
  ack(message: amqp.Message, allUpTo: boolean) {
    this.note(`ack ${message.fields.deliveryTag}${allUpTo ? ' and all before' : ''}`);
  }
  async waitForConfirms() {}
  async close() {}
  deliver(tag: number, body: string) {
    const message = { content: Buffer.from(body), fields: { deliveryTag: tag, exchange: 'x', routingKey: 'heya.man' }, properties: {} } as unknown as amqp.ConsumeMessage;
    for (const consume of this.consumers.values()) consume(message);
  }
}

class FakeModel extends EventEmitter {
  readonly channels: FakeChannel[] = [];
  constructor(private readonly broker: FakeBroker) {
    super();
  }
  async createChannel() {
    const channel = new FakeChannel(this.broker);
    this.channels.push(channel);
    return channel;
  }
  async createConfirmChannel() {
    return this.createChannel();
  }
  async close() {}
  /** The socket dies: amqplib emits error, then close. */
  drop(error: Error) {
    for (const channel of this.channels) channel.emit('close');
    this.emit('error', error);
    this.emit('close', error);
  }
}

describe('AmqpTransport recovery (fake broker)', () => {
  it('fails over past a refusing broker, redeclares everything after a drop, and flushes its buffer in order', async () => {
    const broker = new FakeBroker();
    const urls = ['amqp://user:s3cret@down-1:5672/', 'amqp://user:s3cret@up-2:5672/'];
    const transport = new AmqpTransport({ url: urls, connect: broker.connect, backoff: { initialMs: 1, maxMs: 4 }, random: () => 0.5, prefetch: 7, ackEvery: 2 });
    const events: string[] = [];
    const errors: string[] = [];
    transport.on('connected', ({ broker: b }) => events.push(`connected ${b}`));
    transport.on('disconnected', ({ broker: b, error }) => events.push(`disconnected ${b}: ${error}`));
    transport.on('reconnected', ({ broker: b }) => events.push(`reconnected ${b}`));
    transport.on('error', (e) => errors.push(e.message));
    const got: string[] = [];

    expect(transport.publish('miros.snoop.trace.exchange', 'snoop.trace', Buffer.from('early'))).toBe('buffered');
    const sub = transport.subscribe('miros.mesh.exchange', '#.man', (d) => void got.push(d.body.toString()));
    await transport.whenConnected(2_000);
    await sub.ready;

    const firstSetup = [
      'connect down-1 ?heartbeat=10',
      'connect up-2 ?heartbeat=10',
      'prefetch 7',
      'assertExchange miros.snoop.trace.exchange topic durable=false',
      'assertExchange miros.mesh.exchange topic durable=false',
      'assertQueue amq.gen-1 exclusive=true',
      'bindQueue amq.gen-1 miros.mesh.exchange #.man',
      'consume amq.gen-1',
      'publish miros.snoop.trace.exchange snoop.trace early',
    ];
    expect(broker.log).toEqual(firstSetup);

    broker.log.length = 0;
    broker.models[0]!.drop(new Error('read ECONNRESET'));
    expect(transport.publish('miros.snoop.trace.exchange', 'snoop.trace', Buffer.from('during'))).toBe('buffered');
    await waitFor(() => expect(transport.state).toBe('connected'));
    await waitFor(() => expect(broker.log.at(-1)).toBe('publish miros.snoop.trace.exchange snoop.trace during'));
    expect(broker.log).toEqual([
      'connect down-1 ?heartbeat=10',
      'connect up-2 ?heartbeat=10',
      'prefetch 7',
      'assertExchange miros.snoop.trace.exchange topic durable=false',
      'assertExchange miros.mesh.exchange topic durable=false',
      'assertQueue amq.gen-2 exclusive=true',
      'bindQueue amq.gen-2 miros.mesh.exchange #.man',
      'consume amq.gen-2',
      'publish miros.snoop.trace.exchange snoop.trace during',
    ]);

    broker.log.length = 0;
    const consumerChannel = broker.models[1]!.channels[1]!;
    consumerChannel.deliver(1, 'a');
    consumerChannel.deliver(2, 'b');
    consumerChannel.deliver(3, 'c');
    // Two deliveries (ackEvery) are acked at once, the third after the ack delay (default 50 ms).
    expect(broker.log).toEqual(['ack 2 and all before']);
    await waitFor(() => expect(broker.log).toEqual(['ack 2 and all before', 'ack 3 and all before']));

    expect(got).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['connected amqp://***@up-2:5672/', 'disconnected amqp://***@up-2:5672/: read ECONNRESET', 'reconnected amqp://***@up-2:5672/']);
    expect(errors.some((e) => e.includes('s3cret'))).toBe(false);
    expect(errors.filter((e) => e.includes('ECONNREFUSED'))).toEqual([
      'connect ECONNREFUSED while dialing amqp://***@down-1:5672/?heartbeat=10',
      'connect ECONNREFUSED while dialing amqp://***@down-1:5672/?heartbeat=10',
    ]);
    expect(transport.counters()).toEqual({ published: 2, received: 3, rejected: {}, reconnects: 1, buffered: 0, dropped: {} });
    await transport.close();
  });

  it('counts what overflows its buffer and what is still buffered at close', async () => {
    const broker = new FakeBroker();
    const transport = new AmqpTransport({ url: 'amqp://down-only:5672/', connect: broker.connect, backoff: { initialMs: 50, maxMs: 50 }, bufferLimit: 3 });
    const results = ['1', '2', '3', '4', '5'].map((n) => transport.publish('ex', 'k', Buffer.from(n)));
    const before = transport.counters();
    await transport.close('shutting down');
    expect([results, before.buffered, before.dropped, transport.counters().dropped]).toEqual([
      ['buffered', 'buffered', 'buffered', 'buffered', 'buffered'],
      3,
      { overflow: 2 },
      { overflow: 2, closed: 3 },
    ]);
  });
});
