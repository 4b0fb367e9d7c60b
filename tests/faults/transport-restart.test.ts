/**
 * The broker goes away and comes back (rabbitmqctl -n <private node> stop_app / start_app):
 * publisher and consumers carry on, reconnect, redeclare their exchanges,
 * queues and consumers, and messages flow again within 10 s of the broker's
 * return. Publishes made while disconnected are buffered and delivered
 * after the reconnect (none lost uncounted). Reconnect timings are printed.
 *
 * Drives the fault run's private broker (never the shared one) and always
 * restarts its app in a finally.
 */
import { randomUUID } from 'node:crypto';
import * as amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import type { PublishResult, TransportState } from '../../server/net/transport/Transport.ts';
import { waitFor } from '../net/waitFor.ts';
import { faultBroker } from './faultBroker.ts';


describe('AmqpTransport across a broker restart', () => {
  it('reconnects, redeclares and delivers what was buffered during the outage', async () => {
    const broker = faultBroker();
    const AMQP_URL = broker.url;
    const exchange = `test.restart.${randomUUID()}`;
    const fast = { backoff: { initialMs: 100, maxMs: 1_000 }, heartbeatSec: 5, url: AMQP_URL };
    const node = new AmqpTransport(fast); // publishes and consumes: its own subscriptions are rebound before its buffer is flushed
    const watcher = new AmqpTransport(fast); // a separate consumer, reconnecting on its own
    const states: TransportState[] = [];
    node.on('state', (s) => states.push(s));
    const results = new Map<number, PublishResult>();
    const gotByNode = new Set<number>();
    const gotByWatcher: { seq: number; at: number }[] = [];
    let timer: NodeJS.Timeout | undefined;
    let stoppedAt = 0;
    let returnedAt = 0;
    try {
      await Promise.all([node.whenConnected(), watcher.whenConnected()]);
      await node.subscribe(exchange, '#', (d) => void gotByNode.add(Number(d.body.toString()))).ready;
      await watcher.subscribe(exchange, '#', (d) => void gotByWatcher.push({ seq: Number(d.body.toString()), at: Date.now() })).ready;

      let seq = 0;
      timer = setInterval(() => {
        seq++;
        results.set(seq, node.publish(exchange, 'restart.test', Buffer.from(String(seq))));
      }, 20);
      await waitFor(() => expect(gotByNode.size).toBeGreaterThan(10));

      states.length = 0;
      stoppedAt = Date.now();
      try {
        await broker.stopApp();
        await waitFor(() => expect(node.state).not.toBe('connected'), 10_000);
        await new Promise((resolve) => setTimeout(resolve, 2_000)); // publishing on, into the buffer
      } finally {
        await broker.startApp();
        returnedAt = Date.now();
      }
      const seqAtReturn = seq;
      await waitFor(() => expect(gotByWatcher.some((g) => g.seq > seqAtReturn)).toBe(true), 10_000);
      const firstAfter = gotByWatcher.find((g) => g.seq > seqAtReturn)!;
      await waitFor(() => expect(node.state).toBe('connected'), 10_000);
      clearInterval(timer);
      await new Promise((resolve) => setTimeout(resolve, 500));

      const buffered = [...results].filter(([, r]) => r === 'buffered').map(([s]) => s);
      const lostBuffered = buffered.filter((s) => !gotByNode.has(s));
      const counters = node.counters();
      console.log(
        `[transport-restart] broker down ${returnedAt - stoppedAt} ms; first message through the watcher ${firstAfter.at - returnedAt} ms after start_app returned; ` +
          `${buffered.length} publishes buffered during the outage; counters ${JSON.stringify(counters)}; watcher ${JSON.stringify(watcher.counters())}`,
      );
      expect(buffered.length).toBeGreaterThan(20);
      expect(lostBuffered).toEqual([]);
      expect(firstAfter.at - returnedAt).toBeLessThan(10_000);
      expect([counters.reconnects, watcher.counters().reconnects, counters.buffered, counters.dropped.overflow ?? 0]).toEqual([1, 1, 0, 0]);
      // Lost → (connecting ⇄ waiting while the broker is away) → setting-up → connected.
      expect([states[0], new Set(states.slice(1, -3)), states.slice(-3)]).toEqual([
        'waiting',
        new Set(['connecting', 'waiting']),
        ['connecting', 'setting-up', 'connected'],
      ]);
    } finally {
      clearInterval(timer);
      await Promise.all([node.close(), watcher.close()]);
      const connection = await amqp.connect(AMQP_URL).catch(() => null);
      if (connection) {
        const channel = await connection.createChannel();
        await channel.deleteExchange(exchange).catch(() => undefined);
        await connection.close();
      }
    }
  });
});
