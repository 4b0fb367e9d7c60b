/**
 * A networked chart counts its peers' lost messages per (network, node,
 * chart): the demo's charts all run as node `miroscope-charts`, each
 * numbering its own messages, and keying by node alone read their
 * interleaved numbers as gaps.
 */
import { describe, expect, it } from 'vitest';
import { NetworkedActiveObject } from '../../server/net/charts/NetworkedActiveObject.ts';
import { SeqGaps } from '../../server/net/charts/SeqGaps.ts';
import { mirosMessageProperties } from '../../server/net/correlationHeaders.ts';
import { MessageCodec } from '../../server/net/MessageCodec.ts';
import { meshItem } from '../../server/net/mirosItems.ts';
import { MirosNets } from '../../server/net/MirosNets.ts';
import { InProcessBroker, InProcessBus } from '../../server/net/transport/InProcessBus.ts';
import { ReturnStatus, spyOn, type Event } from '../../server/statechart/index.ts';
import { waitFor } from './waitFor.ts';

const KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';
const headers = (seq: number, node: string, chart: string) => mirosMessageProperties({ messageId: `m${seq}`, chart, seq, node }).headers;

const only = spyOn(function only(chart: NetworkedActiveObject, e: Event): number {
  return e.signal > 10 || e.signalName === 'ENTRY_SIGNAL' || e.signalName === 'INIT_SIGNAL' ? ReturnStatus.HANDLED : chart.super(chart.top);
});

describe('a networked chart follows its peers by network, node and chart', () => {
  it('hears two charts sharing a node id, each numbering its own messages, without a false gap; a real gap is counted', async () => {
    const broker = new InProcessBroker();
    const listener = new NetworkedActiveObject('listener_ao', { transport: new InProcessBus({ broker }), meshEncryptionKey: KEY, rxRoutingKey: '#.man', print: () => undefined });
    listener.startAt(only);
    await listener.network.ready();
    const sender = (chart: string) => ({ chart, nets: new MirosNets({ transport: new InProcessBus({ broker }), meshKey: KEY, node: 'miroscope-charts', txRoutingKey: `${chart}.man` }) });
    const [one, two] = [sender('one_ao'), sender('two_ao')];
    // Interleaved: by node alone the numbers read 1 1 2 2 3 3 … — a restart per message, or gaps.
    for (let i = 0; i < 5; i++) for (const s of [one, two, two]) s.nets.transmit({ signal: 'tick', payload: i }, { chart: s.chart });
    await waitFor(() => expect(listener.networkCounters().received.mesh).toBe(15));
    let counters = listener.networkCounters();
    expect([counters.missed, counters.heard]).toEqual([
      0,
      {
        'mesh one_ao@miroscope-charts': { first: 1, last: 5, received: 5, missed: 0 },
        'mesh two_ao@miroscope-charts': { first: 1, last: 10, received: 10, missed: 0 },
      },
    ]);
    // A real loss: two_ao's 11th and 12th message never reach the listener.
    // two_ao's number 13, published as its nets would after 11 and 12 were lost on the way.
    const bus = new InProcessBus({ broker });
    const codec = new MessageCodec({ network: 'mesh', key: KEY });
    bus.publish('miros.mesh.exchange', 'two_ao.man', codec.encode(meshItem('10.0.0.9', { signal: 'tick', payload: 13 })), mirosMessageProperties({ node: 'miroscope-charts', chart: 'two_ao', seq: 13 }));
    one.nets.transmit({ signal: 'tick', payload: 6 }, { chart: 'one_ao' });
    await waitFor(() => expect(listener.networkCounters().received.mesh).toBe(17));
    counters = listener.networkCounters();
    expect([counters.missed, counters.heard['mesh two_ao@miroscope-charts'], counters.heard['mesh one_ao@miroscope-charts']!.missed]).toEqual([
      2,
      { first: 1, last: 13, received: 11, missed: 2 },
      0,
    ]);
    await Promise.all([listener.stop(), one.nets.close(), two.nets.close(), bus.close('done')]);
  });
});

describe('SeqGaps', () => {
  it('tells senders sharing a node apart by chart, and counts a real gap', () => {
    const gaps = new SeqGaps();
    for (const [seq, chart] of [[1, 'a'], [1, 'b'], [2, 'a'], [2, 'b'], [3, 'b'], [5, 'a']] as const) gaps.see('mesh', headers(seq, 'shared', chart));
    expect([gaps.missed, gaps.tallies()]).toEqual([
      2,
      { 'mesh a@shared': { first: 1, last: 5, received: 3, missed: 2 }, 'mesh b@shared': { first: 1, last: 3, received: 3, missed: 0 } },
    ]);
  });

  it('follows at most maxSenders, forgetting the longest-followed first; a forgotten sender starts a new baseline', () => {
    const gaps = new SeqGaps({ maxSenders: 3 });
    for (const chart of ['a', 'b', 'c', 'd']) gaps.see('mesh', headers(1, 'n', chart));
    expect([gaps.size, gaps.forgotten, Object.keys(gaps.tallies())]).toEqual([3, 1, ['mesh b@n', 'mesh c@n', 'mesh d@n']]);
    // a was forgotten: its 9 is a baseline, not 7 missed.
    expect(gaps.see('mesh', headers(9, 'n', 'a'))).toMatchObject({ gap: 0 });
    expect([gaps.missed, gaps.size, gaps.forgotten, Object.keys(gaps.tallies())]).toEqual([0, 3, 2, ['mesh c@n', 'mesh d@n', 'mesh a@n']]);
  });

  it('keeps the default bound of 4,096 senders under a flood of names, each cut to 200 characters', () => {
    const gaps = new SeqGaps();
    for (let i = 0; i < 5_000; i++) gaps.see('spy', headers(1, 'x'.repeat(1_000), `chart-${i}`));
    const keys = Object.keys(gaps.tallies());
    expect([gaps.size, gaps.forgotten, keys[0], Math.max(...keys.map((k) => k.length))]).toEqual([4_096, 904, `spy chart-904@${'x'.repeat(200)}…`, 'spy chart-4999@'.length + 201]);
  });

  it('ignores messages without a number (Python nodes) and the same number again (one message, many records)', () => {
    const gaps = new SeqGaps();
    expect(gaps.see('mesh', { version: '1.0' })).toBeNull();
    expect(gaps.see('mesh', headers(4, 'n', 'c'))).toMatchObject({ gap: 0, chart: 'c', node: 'n', seq: 4 });
    expect(gaps.see('mesh', headers(4, 'n', 'c'))).toBeNull();
    expect([gaps.size, gaps.tallies()['mesh c@n']]).toEqual([1, { first: 4, last: 4, received: 1, missed: 0 }]);
  });
});
