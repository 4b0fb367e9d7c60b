/**
 * Issue 8: a Python node that receives a mesh item whose address it does not
 * know prints `Alien!`, takes it for a new broker and goes deaf. Our items
 * carry the host of the broker in use, the address its Python nodes know.
 */
import { describe, expect, it } from 'vitest';
import type { UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { brokerHost, MeshSenderAddress } from '../../server/net/MeshSenderAddress.ts';
import { MirosNets } from '../../server/net/MirosNets.ts';
import { AmqpTransport } from '../../server/net/transport/AmqpTransport.ts';
import { InProcessBroker, InProcessBus } from '../../server/net/transport/InProcessBus.ts';
import { waitFor } from './waitFor.ts';

const KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';
const AMQP_URL = process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672/';

/** A DNS that answers only when told to (the far side). */
function fakeDns(answers: Record<string, string | null>) {
  const asked: string[] = [];
  const waiting: (() => void)[] = [];
  const resolve = (host: string, done: (address: string | null) => void) => {
    asked.push(host);
    waiting.push(() => done(answers[host] ?? null));
  };
  return { asked, resolve, answer: () => waiting.splice(0).forEach((w) => w()) };
}

describe('the address our mesh items carry', () => {
  it('is the broker URL\'s host, credentials or not', () => {
    expect(
      [
        'amqp://guest:guest@127.0.0.1:5672/',
        'amqp://***@10.0.0.5:5672/vhost',
        'amqps://peter:r%40bbit@10.1.2.3/',
        'amqp://[::1]:5672/',
        'in-process',
        'not a url',
      ].map(brokerHost),
    ).toEqual(['127.0.0.1', '10.0.0.5', '10.1.2.3', '::1', null, null]);
    const at = (url: string) => new MeshSenderAddress(() => url, fakeDns({}).resolve).current();
    expect([at('amqp://guest:guest@127.0.0.1:5672/'), at('amqp://***@10.0.0.5/'), at('amqp://LOCALHOST/'), at('in-process')]).toEqual([
      '127.0.0.1',
      '10.0.0.5',
      '127.0.0.1',
      '127.0.0.1',
    ]);
  });

  it('is a broker name\'s IPv4 address once looked up, asked once; a name that does not resolve is sent as it is', () => {
    const dns = fakeDns({ 'rabbit.lan': '10.0.0.7' });
    let url = 'amqp://***@rabbit.lan/';
    const address = new MeshSenderAddress(() => url, dns.resolve);
    expect([address.current(), address.current()]).toEqual(['rabbit.lan', 'rabbit.lan']);
    dns.answer();
    expect(address.current()).toBe('10.0.0.7');
    url = 'amqp://***@nowhere.lan/';
    expect(address.current()).toBe('nowhere.lan');
    dns.answer();
    expect([address.current(), address.current()]).toEqual(['nowhere.lan', 'nowhere.lan']);
    expect(dns.asked).toEqual(['rabbit.lan', 'nowhere.lan']);
  });

  it('follows the broker in use when the transport fails over', () => {
    const brokers = ['amqp://***@10.0.0.1/', 'amqp://***@10.0.0.2/'];
    let inUse = 0;
    const address = new MeshSenderAddress(() => brokers[inUse]!, fakeDns({}).resolve);
    const seen = [address.current()];
    inUse = 1;
    seen.push(address.current());
    inUse = 0;
    seen.push(address.current());
    expect(seen).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.1']);
  });

  it('is 127.0.0.1 on the in-process bus, and senderAddress overrides it', async () => {
    const broker = new InProcessBroker();
    const listener = new MirosNets({ transport: new InProcessBus({ broker }), meshKey: KEY, rxRoutingKey: '#' });
    const senders: (string | null)[] = [];
    listener.onMesh((r: UnnumberedRecord) => void (r.kind === 'mesh' && senders.push(r.sender)));
    await listener.ready();
    new MirosNets({ transport: new InProcessBus({ broker }), meshKey: KEY }).transmit({ signal: 'a' });
    new MirosNets({ transport: new InProcessBus({ broker }), meshKey: KEY, senderAddress: '192.168.1.75' }).transmit({ signal: 'b' });
    await waitFor(() => expect(senders).toEqual(['127.0.0.1', '192.168.1.75']));
  });

  it('is the host of the broker a real transport failed over to', async () => {
    // 127.0.0.2:1 refuses at once; the transport moves on to the broker in AMQP_URL.
    const transport = new AmqpTransport({ url: ['amqp://guest:guest@127.0.0.2:1/', AMQP_URL], backoff: { initialMs: 5, maxMs: 20, jitter: 0 } });
    const nets = new MirosNets({ transport, meshKey: KEY, txRoutingKey: `addr-${process.pid}-${Date.now()}` });
    try {
      const first = nets.senderAddress;
      await transport.whenConnected(5_000);
      expect([first, nets.senderAddress]).toEqual(['127.0.0.2', new URL(AMQP_URL).hostname]);
    } finally {
      await nets.close();
      await transport.close('test done');
    }
  });
});
