/**
 * OperatorSend's rate budget (issue 12): a script looping on `miroscope
 * send` must not flood every chart's mailbox. The far side is a private
 * in-process broker with a peer bound like the seed charts; the clock is
 * injected. Routes, bodies and budgets on the real broker are in
 * sendEvent.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { MirosNets } from '../../server/net/MirosNets.ts';
import { InProcessBroker, InProcessBus } from '../../server/net/transport/InProcessBus.ts';
import { OperatorPublisher } from '../../server/send/OperatorPublisher.ts';
import { OperatorSend, SendUnavailableError } from '../../server/send/OperatorSend.ts';
import { waitFor } from '../net/waitFor.ts';

describe('the operator’s rate budget', () => {
  it('refuses sends past the budget within one second with 429, counts them, and accepts again in the next second', async () => {
    const broker = new InProcessBroker();
    const key = Fernet.generateKey();
    const peer = new MirosNets({ transport: new InProcessBus({ broker }), meshKey: key, txRoutingKey: 'heya.man', rxRoutingKey: '#.man' });
    const heard: UnnumberedRecord[] = [];
    peer.onMesh((record) => void heard.push(record));
    await peer.ready();

    let now = 10_000;
    const notes: string[] = [];
    const operator = new OperatorSend({ note: (f) => notes.push(f.detail ?? ''), budget: { maxSendsPerSecond: 3 }, now: () => now });
    operator.attach(new OperatorPublisher({ transport: new InProcessBus({ broker }), meshKey: key, address: () => '127.0.0.1' }));
    const send = (n: number) => operator.send({ target: 'all', signal: `s${n}`, routingKey: 'heya.man' }, { via: 'loopback', address: '127.0.0.1' });

    for (const n of [1, 2, 3]) send(n);
    now += 999;
    expect(() => send(4)).toThrow(new SendUnavailableError(429, 'more than 3 sends in one second; try again in a moment'));
    now += 1;
    send(5);

    await waitFor(() => expect(heard.map((r) => r.kind === 'mesh' && r.signal)).toEqual(['s1', 's2', 's3', 's5']));
    expect(operator.snapshot()).toEqual({ sent: 4, messages: 4, refused: { 'rate-limited': 1 } });
    expect(notes).toHaveLength(4);
  });
});
