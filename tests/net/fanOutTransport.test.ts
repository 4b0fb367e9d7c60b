/**
 * FanOutTransport (a broker per machine, issue 11): publishes go to the home
 * broker and every peer broker, subscriptions only at home, and a peer that
 * is gone costs only its own publishes. The brokers are in-process ones (the
 * far side); a separate listener on each shows what that broker carried.
 */
import { describe, expect, it } from 'vitest';
import { FanOutTransport } from '../../server/net/transport/FanOutTransport.ts';
import { InProcessBroker, InProcessBus } from '../../server/net/transport/InProcessBus.ts';
import { waitFor } from './waitFor.ts';

function brokers(n: number) {
  return Array.from({ length: n }, () => new InProcessBroker());
}

/** Everything a broker carries on `exchange`, heard by a listener of its own. */
function listen(broker: InProcessBroker, exchange: string): string[] {
  const heard: string[] = [];
  new InProcessBus({ broker }).subscribe(exchange, '#', (d) => void heard.push(`${d.routingKey} ${d.body.toString()} ${d.props.messageId}`));
  return heard;
}

describe('FanOutTransport', () => {
  it('publishes each message once to home and to every peer, same body and properties', async () => {
    const [home, p1, p2] = brokers(3);
    const heard = [home!, p1!, p2!].map((b) => listen(b, 'x'));
    const t = new FanOutTransport(new InProcessBus({ broker: home }), [new InProcessBus({ broker: p1 }), new InProcessBus({ broker: p2 })]);
    expect([t.publish('x', 'k.1', Buffer.from('one'), { messageId: 'm1' }), t.publish('x', 'k.2', Buffer.from('two'), { messageId: 'm2' })]).toEqual(['sent', 'sent']);
    await waitFor(() => expect(heard).toEqual(Array.from({ length: 3 }, () => ['k.1 one m1', 'k.2 two m2'])));
    expect([t.counters().published, t.peerCounters().map((p) => [p.broker, p.counters.published])]).toEqual([2, [['in-process', 2], ['in-process', 2]]]);
    await t.close();
  });

  it('subscribes at home only: a peer broker\'s own traffic is not heard twice', async () => {
    const [home, peer] = brokers(2);
    const t = new FanOutTransport(new InProcessBus({ broker: home }), [new InProcessBus({ broker: peer })]);
    const got: string[] = [];
    await t.subscribe('x', '#', (d) => void got.push(`${d.body.toString()}`)).ready;
    t.publish('x', 'k', Buffer.from('ours'));
    new InProcessBus({ broker: peer }).publish('x', 'k', Buffer.from('only on the peer'));
    new InProcessBus({ broker: home }).publish('x', 'k', Buffer.from('a remote node at home'));
    await waitFor(() => expect(got).toEqual(['ours', 'a remote node at home']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(got).toHaveLength(2);
    await t.close();
  });

  it('keeps publishing home when a peer is gone, names the peer in its errors, and closes everything', async () => {
    const [home, peer] = brokers(2);
    const homeBus = new InProcessBus({ broker: home });
    const peerBus = new InProcessBus({ broker: peer });
    const t = new FanOutTransport(homeBus, [peerBus]);
    const heard = listen(home!, 'x');
    const errors: string[] = [];
    const off = t.on('error', (e) => void errors.push(e.message));
    await peerBus.close('peer went away');
    expect(t.publish('x', 'k', Buffer.from('after'), { messageId: 'm3' })).toBe('sent');
    await waitFor(() => expect(heard).toEqual(['k after m3']));
    expect(errors).toEqual([expect.stringMatching(/^peer broker in-process: .*closed.*peer went away/)]);
    off();
    t.publish('x', 'k', Buffer.from('unheard error'));
    expect(errors).toHaveLength(1);
    await t.close();
    expect([t.state, homeBus.state]).toEqual(['closed', 'closed']);
  });
});
