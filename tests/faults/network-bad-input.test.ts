/**
 * Bad input on the mesh, at chart level, on the real broker: a running
 * NetworkedActiveObject is sent a token under another key, garbage bytes, a
 * truncated token, a correctly encrypted pickle that calls os.system (made
 * by Python's own pickle), and an oversized body. Each is rejected and
 * counted by reason, nothing runs (the marker file is never created), none
 * comes back (no requeue), and the chart keeps running: a good event after
 * them still moves it. On the fault run's private broker.
 */
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import * as amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import { NetworkedActiveObject } from '../../server/net/charts/NetworkedActiveObject.ts';
import { encodeBody } from '../../server/net/encodeBody.ts';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { meshItem } from '../../server/net/mirosItems.ts';
import { seedChartStates } from '../../examples/seedChartStates.ts';
import { runPeer } from '../interop/pythonPeer.ts';
import { waitFor } from '../net/waitFor.ts';
import { faultBroker } from './faultBroker.ts';

const KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';

describe('a networked chart given bad input on the mesh', () => {
  it('rejects each message by reason, runs nothing, and still reacts to a good event after', async () => {
    const AMQP_URL = faultBroker().url;
    const tag = randomUUID().slice(0, 8);
    const marker = `/tmp/miroscope-pwned-${tag}`;
    const evilPickle = Buffer.from((await runPeer(['evil', '--marker', marker])).trim(), 'hex');
    const fernet = new Fernet(KEY);
    const good = (signal: string) => fernet.encryptToBuffer(encodeBody(meshItem('10.0.0.66', { signal, payload: `${tag}_py` })));
    const token = good('other_to_inner');
    const bad: [string, Buffer][] = [
      ['wrong key', new Fernet(Fernet.generateKey()).encryptToBuffer(encodeBody(meshItem('10.0.0.66', { signal: 'other_to_inner' })))],
      ['garbage', Buffer.from('\x00\x01\x02not a token at all\xff')],
      ['truncated token', token.subarray(0, Math.floor(token.length / 2))],
      ['os.system pickle', fernet.encryptToBuffer(evilPickle)],
      ['oversized body', Buffer.alloc(1536 * 1024, 0x41)],
    ];

    const chart = new NetworkedActiveObject(`${tag}_ao`, {
      amqpUrl: AMQP_URL,
      meshEncryptionKey: KEY,
      txRoutingKey: `ts.${tag}.man`,
      rxRoutingKey: `#.${tag}.man`,
      print: () => undefined,
    });
    const connection = await amqp.connect(AMQP_URL);
    try {
      chart.startAt(seedChartStates(() => 600).outer); // only the good event moves it
      await chart.network.ready();
      const channel = await connection.createChannel();
      for (const [, body] of bad) channel.publish('miros.mesh.exchange', `evil.${tag}.man`, body);
      await waitFor(() => expect(Object.values(chart.networkCounters().rejected).reduce((n, x) => n + x, 0)).toBe(5), 10_000);
      channel.publish('miros.mesh.exchange', `py.${tag}.man`, good('other_to_inner'));
      await waitFor(() => expect(chart.trace()).toContain('e->other_to_inner() outer->inner'), 10_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // a requeued message would be back by now
      await channel.close();

      const c = chart.networkCounters();
      // Heard on the mesh: the good event and our own two transmits (outer's
      // other_to_outer, inner's other_to_inner — skipped as ours); plus the five bad ones.
      expect([c.rejected, c.transport!.rejected, c.received.mesh, c.ignored, c.posted, c.transport!.received]).toEqual([
        { 'wrong-key': 1, 'bad-token': 2, 'forbidden-opcode': 1, oversized: 1 },
        { 'wrong-key': 1, 'bad-token': 2, 'forbidden-opcode': 1, oversized: 1 },
        3,
        { own: 2, reserved: 0 },
        1,
        8,
      ]);
      expect([existsSync(marker), chart.isRunning, chart.failure]).toEqual([false, true, undefined]);
    } finally {
      await chart.stop();
      await connection.close();
    }
  });
});
