/**
 * Bad bodies on a real broker: each is rejected and counted by reason,
 * nothing runs (the malicious pickle, made by Python, would create a marker
 * file), nothing is redelivered, and good messages keep flowing after.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import * as amqp from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBody } from '../../server/net/encodeBody.ts';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { MessageCodec } from '../../server/net/MessageCodec.ts';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import type { UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { runPeer, runPython } from '../interop/pythonPeer.ts';
import { waitFor } from './waitFor.ts';

const AMQP_URL = process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672/';
const KEY = Fernet.generateKey();
const exchange = `test.faults.${randomUUID()}`;

afterAll(async () => {
  const connection = await amqp.connect(AMQP_URL);
  const channel = await connection.createChannel();
  await channel.deleteExchange(exchange).catch(() => undefined);
  await connection.close();
});

describe('a consumer on the real broker facing bad bodies', () => {
  it('uses a malicious pickle that really runs its command under pickle.loads', async () => {
    const marker = `/tmp/miroscope-premise-${randomUUID()}`;
    const evil = (await runPeer(['evil', '--marker', marker])).trim();
    await runPython(['-c', `import pickle; pickle.loads(bytes.fromhex('${evil}'))`]);
    const created = existsSync(marker);
    rmSync(marker, { force: true });
    expect(created).toBe(true);
  });

  it('rejects each by reason, runs nothing, never redelivers, and keeps consuming', async () => {
    const marker = `/tmp/miroscope-pwned-${randomUUID()}`;
    const evilPickle = Buffer.from((await runPeer(['evil', '--marker', marker])).trim(), 'hex');
    const fernet = new Fernet(KEY);
    const codec = new MessageCodec({ network: 'spy', key: KEY, maxBodyBytes: 64 * 1024 });

    const consumer = new AmqpTransport({ url: AMQP_URL });
    await consumer.whenConnected();
    const records: UnnumberedRecord[] = [];
    let deliveries = 0;
    const sub = consumer.subscribe(exchange, 'spy.#', (delivery) => {
      deliveries++;
      const result = codec.decode(delivery.body, { received: delivery.received });
      if (!result.ok) return { rejected: result.rejection.reason };
      records.push(...result.records);
      return undefined;
    });
    await sub.ready;

    // A hostile or broken publisher: raw amqplib, miros-rabbitmq's exchange settings.
    const connection = await amqp.connect(AMQP_URL);
    const channel = await connection.createConfirmChannel();
    await channel.assertExchange(exchange, 'topic', { durable: false });
    const bodies: [string, Buffer][] = [
      ['good', fernet.encryptToBuffer(encodeBody('ao1 START'))],
      ['wrong key', new Fernet(Fernet.generateKey()).encryptToBuffer(encodeBody('ao1 START'))],
      ['garbage', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x80])],
      ['truncated token', fernet.encryptToBuffer(encodeBody('ao1 START')).subarray(0, 77)],
      ['os.system pickle', fernet.encryptToBuffer(evilPickle)],
      ['oversized', fernet.encryptToBuffer(Buffer.alloc(100 * 1024, 0x41))],
      ['good after', fernet.encryptToBuffer(encodeBody('ao1 ENTRY_SIGNAL:outer'))],
    ];
    for (const [, body] of bodies) channel.publish(exchange, 'spy.test', body, { appId: 'miros-rabbitmq-publisher' });
    await channel.waitForConfirms();
    await connection.close();

    await waitFor(() => expect(deliveries).toBe(bodies.length));
    // Give a requeue loop every chance to show itself.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect({
      deliveries,
      records: records.map((r) => r.raw),
      counters: consumer.counters(),
      markerExists: existsSync(marker),
    }).toEqual({
      deliveries: 7,
      records: ['ao1 START', 'ao1 ENTRY_SIGNAL:outer'],
      counters: {
        published: 0,
        received: 7,
        rejected: { 'wrong-key': 1, 'bad-token': 2, 'forbidden-opcode': 1, oversized: 1 },
        reconnects: 0,
        buffered: 0,
        dropped: {},
      },
      markerExists: false,
    });
    await consumer.close();
  });
});
