/**
 * Backpressure on the real broker (issue 9, item 10). The private node is
 * put in a memory alarm (`set_vm_memory_high_watermark 0`): RabbitMQ tells
 * publishing connections connection.blocked and stops reading them (if the
 * notification came late, the socket would fill and amqplib's publish
 * return false). The transport must then hold publishes in its bounded
 * buffer (counting what it drops) instead of growing amqplib's write buffer
 * without bound, and send the rest, in order, once the alarm clears. A separate consumer (never blocked: it
 * does not publish) checks what arrived.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import { waitFor } from '../net/waitFor.ts';
import { faultBroker } from './faultBroker.ts';

const BODY = Buffer.alloc(4096, 0x61);

describe('AmqpTransport against a broker that stops reading', () => {
  it('pauses publishing, holds at most its limit, and delivers the rest in order after the alarm', async () => {
    const broker = faultBroker();
    const exchange = `test.backpressure.${randomUUID()}`;
    const publisher = new AmqpTransport({ url: broker.url, bufferLimit: 2_000, heartbeatSec: 30 });
    const watcher = new AmqpTransport({ url: broker.url });
    const got: number[] = [];
    let alarmed = false;
    try {
      await Promise.all([publisher.whenConnected(), watcher.whenConnected()]);
      await watcher.subscribe(exchange, '#', (d) => void got.push(d.body.readUInt32BE(0))).ready;
      publisher.publish(exchange, 'k', Buffer.alloc(8)); // declares the exchange
      await waitFor(() => expect(got.length).toBe(1), 5_000);
      got.length = 0;

      await broker.ctl('set_vm_memory_high_watermark', '0');
      alarmed = true;
      // Publish until the transport has paused and its buffer overflowed (or 200 MB were offered).
      const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
      let offered = 0;
      const startedAt = Date.now();
      while (offered < 50_000 && !(publisher.counters().dropped.overflow! > 1_000)) {
        for (let i = 0; i < 200; i++) {
          const body = Buffer.from(BODY);
          body.writeUInt32BE(++offered, 0);
          publisher.publish(exchange, 'k', body);
        }
        await new Promise((resolve) => setTimeout(resolve, 1)); // the socket gets its turn
      }
      const held = publisher.counters();
      const heapHeld = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore;
      const pausedAfterMs = Date.now() - startedAt;

      await broker.ctl('set_vm_memory_high_watermark', '0.4');
      alarmed = false;
      const clearedAt = Date.now();
      const expected = offered - (held.dropped.overflow ?? 0);
      await waitFor(() => expect(got.length).toBe(expected), 30_000, 20);
      const after = publisher.counters();
      console.log(
        `[transport-backpressure] offered ${offered} × 4 KiB in ${pausedAfterMs} ms while the broker read nothing; then ` +
          `sent ${held.published - 1}, held ${held.buffered}, dropped ${held.dropped.overflow}, blocked ${held.blocked ?? 0}×, write buffer full ${held.paused ?? 0}×; ` +
          `memory grew ${(heapHeld / 1e6).toFixed(1)} MB; all ${expected} arrived ${Date.now() - clearedAt} ms after the alarm cleared; counters ${JSON.stringify(after)}`,
      );
      expect([(held.blocked ?? 0) + (held.paused ?? 0) >= 1, held.buffered, after.buffered, after.dropped]).toEqual([true, 2_000, 0, { overflow: held.dropped.overflow }]);
      // Held at most the limit; amqplib took only what it was given before the block (or a full socket).
      expect(held.published - 1 + held.buffered + held.dropped.overflow!).toBe(offered);
      // Every message not dropped arrived, in order; the dropped ones are the oldest of those held.
      expect(got.every((n, i) => i === 0 || n > got[i - 1]!)).toBe(true);
      expect(got.slice(-2_000)).toEqual(Array.from({ length: 2_000 }, (_, i) => offered - 1_999 + i));
    } finally {
      if (alarmed) await broker.ctl('set_vm_memory_high_watermark', '0.4');
      await Promise.all([publisher.close(), watcher.close()]);
    }
  });

  it("waits for amqplib's 'drain' after a burst fills the channel's write buffer, then sends the rest in order", async () => {
    const broker = faultBroker();
    const exchange = `test.burst.${randomUUID()}`;
    const publisher = new AmqpTransport({ url: broker.url, bufferLimit: 10_000 });
    const watcher = new AmqpTransport({ url: broker.url });
    const got: number[] = [];
    try {
      await Promise.all([publisher.whenConnected(), watcher.whenConnected()]);
      await watcher.subscribe(exchange, '#', (d) => void got.push(d.body.readUInt32BE(0))).ready;
      publisher.publish(exchange, 'k', Buffer.alloc(8)); // declares the exchange
      await waitFor(() => expect(got.length).toBe(1), 5_000);
      got.length = 0;
      // One synchronous burst: amqplib's per-channel buffer (1,024 frames) fills long before the socket is written.
      const results = Array.from({ length: 5_000 }, (_, i) => {
        const body = Buffer.from(BODY);
        body.writeUInt32BE(i + 1, 0);
        return publisher.publish(exchange, 'k', body);
      });
      const held = publisher.counters();
      await waitFor(() => expect(got.length).toBe(5_000), 30_000, 20);
      console.log(
        `[transport-backpressure] a burst of 5,000 × 4 KiB: ${results.filter((r) => r === 'sent').length} taken by amqplib, ` +
          `${held.buffered} waited for 'drain' (paused ${held.paused}×); counters after ${JSON.stringify(publisher.counters())}`,
      );
      expect([held.paused! >= 1, held.buffered > 0, publisher.counters().buffered, publisher.counters().dropped]).toEqual([true, true, 0, {}]);
      expect(got).toEqual(Array.from({ length: 5_000 }, (_, i) => i + 1));
    } finally {
      await Promise.all([publisher.close(), watcher.close()]);
    }
  });
});
