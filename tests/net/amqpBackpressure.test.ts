/**
 * AmqpTransport honours amqplib's backpressure (issue 9, item 10): once a
 * channel's publish returns false (its write buffer is full), publishes wait
 * in the bounded buffer until the channel's 'drain', then go out in order.
 * The far side is a fake channel that says "full" when told to; our own code
 * runs as is.
 */
import { EventEmitter } from 'node:events';
import type * as amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import type { AmqpConnect } from '../../server/net/transport/AmqpLink.ts';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';

/** A channel whose write buffer takes `room` more messages (each publish still queues its message). */
class FakeChannel extends EventEmitter {
  readonly published: string[] = [];
  room = Infinity;
  async prefetch() {}
  async assertExchange(name: string) {
    return { exchange: name };
  }
  publish(_exchange: string, _routingKey: string, body: Buffer, _options: unknown, confirmed?: (error: unknown) => void) {
    this.published.push(body.toString());
    if (confirmed) setImmediate(() => confirmed(null));
    this.room--;
    return this.room > 0;
  }
  async waitForConfirms() {}
  async close() {}
  /** The socket took everything: room again, and amqplib's 'drain'. */
  drain(room = Infinity) {
    this.room = room;
    this.emit('drain');
  }
}

async function connectedTransport(bufferLimit = 10) {
  const channels: FakeChannel[] = [];
  const models: EventEmitter[] = [];
  const connect: AmqpConnect = async () => {
    const model = new EventEmitter() as EventEmitter & Record<string, unknown>;
    models.push(model);
    model.createConfirmChannel = async () => (channels.push(new FakeChannel()), channels.at(-1));
    model.createChannel = model.createConfirmChannel;
    model.close = async () => undefined;
    return model as unknown as amqp.ChannelModel;
  };
  const transport = new AmqpTransport({ url: 'amqp://fake/', connect, bufferLimit });
  await transport.whenConnected(2_000);
  return { transport, pub: channels[0]!, connection: models[0]! };
}

const send = (transport: AmqpTransport, ...bodies: string[]) => bodies.map((b) => transport.publish('x', 'k', Buffer.from(b)));

describe('AmqpTransport under backpressure (fake channel)', () => {
  it('holds publishes from the first false until drain, then sends them in order before new ones', async () => {
    const { transport, pub } = await connectedTransport();
    send(transport, 'warm'); // declares x
    await new Promise((resolve) => setImmediate(resolve));
    pub.room = 2;
    const results = send(transport, 'a', 'b', 'c', 'd');
    const whileFull = { published: [...pub.published], counters: transport.counters() };
    pub.drain();
    const afterDrain = [...pub.published];
    send(transport, 'e');
    expect([results, whileFull, afterDrain, pub.published]).toEqual([
      ['sent', 'sent', 'buffered', 'buffered'], // b was accepted, and said "wait"
      { published: ['warm', 'a', 'b'], counters: { published: 3, received: 0, rejected: {}, reconnects: 0, buffered: 2, dropped: {}, paused: 1 } },
      ['warm', 'a', 'b', 'c', 'd'],
      ['warm', 'a', 'b', 'c', 'd', 'e'],
    ]);
    await transport.close();
  });

  it('stops flushing when the channel says wait again, and resumes at the next drain', async () => {
    const { transport, pub } = await connectedTransport();
    send(transport, 'warm');
    await new Promise((resolve) => setImmediate(resolve));
    pub.room = 1;
    send(transport, 'a', 'b', 'c', 'd', 'e');
    pub.drain(2); // room for two: b, then c says wait
    const firstDrain = [...pub.published];
    const results = send(transport, 'f');
    pub.drain();
    expect([firstDrain, results, pub.published, transport.counters().paused]).toEqual([
      ['warm', 'a', 'b', 'c'],
      ['buffered'],
      ['warm', 'a', 'b', 'c', 'd', 'e', 'f'],
      2,
    ]);
    await transport.close();
  });

  it('keeps what waits within the buffer limit and counts what it drops (the oldest)', async () => {
    const { transport, pub } = await connectedTransport(3);
    send(transport, 'warm');
    await new Promise((resolve) => setImmediate(resolve));
    pub.room = 1;
    send(transport, ...'abcdefg');
    const held = transport.counters();
    pub.drain();
    expect([held.buffered, held.dropped, pub.published]).toEqual([3, { overflow: 3 }, ['warm', 'a', 'e', 'f', 'g']]);
    await transport.close();
  });

  it('holds publishes while the broker has blocked the connection (an alarm), and sends them when it unblocks', async () => {
    const { transport, pub, connection } = await connectedTransport();
    send(transport, 'warm');
    await new Promise((resolve) => setImmediate(resolve));
    connection.emit('blocked', 'low on memory');
    const results = send(transport, 'a', 'b');
    const whileBlocked = [...pub.published];
    pub.drain(); // a drain is not an unblock
    const afterDrain = [...pub.published];
    connection.emit('unblocked');
    send(transport, 'c');
    expect([results, whileBlocked, afterDrain, pub.published, transport.counters().blocked]).toEqual([
      ['buffered', 'buffered'],
      ['warm'],
      ['warm'],
      ['warm', 'a', 'b', 'c'],
      1,
    ]);
    await transport.close();
  });

  it('hands what waits to the channel when it closes (it goes out before the close)', async () => {
    const { transport, pub } = await connectedTransport();
    send(transport, 'warm');
    await new Promise((resolve) => setImmediate(resolve));
    pub.room = 1;
    send(transport, 'a', 'b', 'c');
    await transport.close();
    expect([pub.published, transport.counters().dropped]).toEqual([['warm', 'a', 'b', 'c'], {}]);
  });
});
