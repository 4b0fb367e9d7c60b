/**
 * AmqpTransport's reconnect backoff runs on an injected clock (issue 9: raw
 * timers made transport tests sleep on wall time). With a VirtualClock and
 * a fake broker that refuses a few connections, each attempt happens exactly
 * when the backoff says, and only when the test advances time.
 */
import { EventEmitter } from 'node:events';
import type * as amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import type { AmqpConnect } from '../../server/net/transport/AmqpLink.ts';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import { VirtualClock } from '../../server/statechart/VirtualClock.ts';

class FakeChannel extends EventEmitter {
  async prefetch() {}
  async assertExchange(name: string) {
    return { exchange: name };
  }
  async waitForConfirms() {}
  async close() {}
}

/** A broker that refuses the first `refusals` connections; logs the (virtual) time of each attempt. */
function fakeBroker(clock: VirtualClock, refusals: number) {
  const attempts: number[] = [];
  const models: EventEmitter[] = [];
  const connect: AmqpConnect = async () => {
    attempts.push(clock.now());
    if (attempts.length <= refusals) throw new Error('connect ECONNREFUSED');
    const model = new EventEmitter() as EventEmitter & Record<string, unknown>;
    model.createChannel = async () => new FakeChannel();
    model.createConfirmChannel = model.createChannel;
    model.close = async () => undefined;
    models.push(model);
    return model as unknown as amqp.ChannelModel;
  };
  return { attempts, models, connect };
}

/** Lets the fake's promises settle (real I/O turn; virtual time stands still). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('AmqpTransport backoff on an injected clock', () => {
  it('retries at 100, 200, 400 ms intervals and not a moment before', async () => {
    const clock = new VirtualClock(0);
    const broker = fakeBroker(clock, 3);
    const transport = new AmqpTransport({ url: 'amqp://fake/', connect: broker.connect, clock, random: () => 0.5, backoff: { initialMs: 100, factor: 2, maxMs: 5_000 } });
    const seen: number[][] = [];
    for (const ms of [0, 99, 1, 199, 1, 399, 1]) {
      clock.advance(ms / 1000);
      await settle();
      seen.push([...broker.attempts]);
    }
    expect(seen).toEqual([[0], [0], [0, 100], [0, 100], [0, 100, 300], [0, 100, 300], [0, 100, 300, 700]]);
    expect(transport.state).toBe('connected');
    await transport.close();
  });

  it('measures the outage and waits for the reconnect in virtual time', async () => {
    const clock = new VirtualClock(0);
    const broker = fakeBroker(clock, 0);
    const transport = new AmqpTransport({ url: 'amqp://fake/', connect: broker.connect, clock, random: () => 0.5, backoff: { initialMs: 250 } });
    await settle();
    const reconnects: number[] = [];
    transport.on('reconnected', ({ downMs }) => reconnects.push(downMs));
    clock.advance(5);
    broker.models[0]!.emit('close', new Error('socket closed'));
    clock.advance(0.249);
    await settle();
    const before = [broker.attempts.length, transport.state];
    clock.advance(0.001);
    await settle();
    expect([before, broker.attempts, transport.state, reconnects]).toEqual([[1, 'waiting'], [0, 5_250], 'connected', [250]]);
    await transport.close();
  });

  it('gives up waiting for a first connection when the clock says the time is up', async () => {
    const clock = new VirtualClock(0);
    const broker = fakeBroker(clock, Infinity);
    const transport = new AmqpTransport({ url: 'amqp://fake/', connect: broker.connect, clock, random: () => 0.5 });
    const outcome = transport.whenConnected(2_000).then(
      () => 'connected',
      (error: Error) => error.message,
    );
    await settle();
    for (let i = 0; i < 20; i++) {
      clock.advance(0.1);
      await settle();
    }
    expect(await outcome).toBe('no broker reachable within 2000 ms (amqp://fake/)');
    expect(broker.attempts).toEqual([0, 100, 300, 700, 1_500]);
    await transport.close();
  });
});
