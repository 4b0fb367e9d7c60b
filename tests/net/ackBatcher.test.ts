import type * as amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import { AckBatcher } from '../../server/net/transport/AckBatcher.ts';
import { VirtualClock } from '../../shared/clock/VirtualClock.ts';

/** The far side: a channel that logs the acks it is asked to send. */
function fakeChannel(name: string, log: string[], dead = false): amqp.Channel {
  return {
    ack(message: amqp.Message, allUpTo?: boolean) {
      if (dead) throw new Error('Channel closed');
      log.push(`${name} ack ${message.fields.deliveryTag}${allUpTo ? ' and all before' : ''}`);
    },
  } as unknown as amqp.Channel;
}
const delivery = (tag: number) => ({ fields: { deliveryTag: tag } }) as amqp.Message;
const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('AckBatcher', () => {
  it('acks a run of deliveries once, covering all before, when the event-loop turn ends', async () => {
    const log: string[] = [];
    const acks = new AckBatcher(100);
    const channel = fakeChannel('c1', log);
    for (const tag of [1, 2, 3]) acks.add(channel, delivery(tag));
    const beforeTurnEnds = [...log];
    await endOfTurn();
    expect([beforeTurnEnds, log]).toEqual([[], ['c1 ack 3 and all before']]);
  });

  it('acks as soon as `every` deliveries wait, without waiting for the turn to end', async () => {
    const log: string[] = [];
    const acks = new AckBatcher(2);
    const channel = fakeChannel('c1', log);
    for (const tag of [1, 2, 3, 4, 5]) acks.add(channel, delivery(tag));
    const beforeTurnEnds = [...log];
    await endOfTurn();
    expect([beforeTurnEnds, log]).toEqual([
      ['c1 ack 2 and all before', 'c1 ack 4 and all before'],
      ['c1 ack 2 and all before', 'c1 ack 4 and all before', 'c1 ack 5 and all before'],
    ]);
  });

  it("acks one channel's run before starting a run on another channel", async () => {
    const log: string[] = [];
    const acks = new AckBatcher(100);
    const [a, b] = [fakeChannel('a', log), fakeChannel('b', log)];
    acks.add(a, delivery(1));
    acks.add(a, delivery(2));
    acks.add(b, delivery(1));
    await endOfTurn();
    expect(log).toEqual(['a ack 2 and all before', 'b ack 1 and all before']);
  });

  it('drops the acks of a channel that died and goes on with the next one', async () => {
    const log: string[] = [];
    const acks = new AckBatcher(100);
    acks.add(fakeChannel('dead', log, true), delivery(7));
    acks.flush();
    acks.add(fakeChannel('live', log), delivery(1));
    await endOfTurn();
    expect(log).toEqual(['live ack 1 and all before']);
  });

  it('has nothing to ack after a flush, even when the scheduled end of turn comes', async () => {
    const log: string[] = [];
    const acks = new AckBatcher(100);
    acks.add(fakeChannel('c1', log), delivery(1));
    acks.flush();
    await endOfTurn();
    expect(log).toEqual(['c1 ack 1 and all before']);
  });

  it('with a delay, acks a run once, that long after its first delivery, however many turns it spans', async () => {
    const log: string[] = [];
    const clock = new VirtualClock(0);
    const acks = new AckBatcher(100, { clock, ms: 50 });
    const channel = fakeChannel('c1', log);
    acks.add(channel, delivery(1));
    await endOfTurn();
    clock.advance(0.03);
    acks.add(channel, delivery(2));
    await endOfTurn();
    const at30ms = [...log];
    clock.advance(0.02);
    const at50ms = [...log];
    acks.add(channel, delivery(3));
    clock.advance(0.049);
    const at99ms = [...log];
    clock.advance(0.001);
    expect([at30ms, at50ms, at99ms, log]).toEqual([[], ['c1 ack 2 and all before'], ['c1 ack 2 and all before'], ['c1 ack 2 and all before', 'c1 ack 3 and all before']]);
  });

  it('with a delay, still acks at once when `every` wait, and a flush leaves no timer to ack twice', () => {
    const log: string[] = [];
    const clock = new VirtualClock(0);
    const acks = new AckBatcher(2, { clock, ms: 50 });
    const channel = fakeChannel('c1', log);
    acks.add(channel, delivery(1));
    acks.add(channel, delivery(2));
    acks.add(channel, delivery(3));
    acks.flush();
    clock.advance(1);
    expect(log).toEqual(['c1 ack 2 and all before', 'c1 ack 3 and all before']);
  });
});
