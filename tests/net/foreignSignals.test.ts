/**
 * Issue 9, item 8: charts kept every signal name they heard (400 distinct
 * names of 500 kB added 230 MB to each chart, for good). Heard names that no
 * code defines are now foreign: numbered as miros numbers them, remembered
 * only while recent, never growing the process-wide table.
 */
import { describe, expect, it } from 'vitest';
import { NetworkedActiveObject } from '../../server/net/charts/NetworkedActiveObject.ts';
import { MirosNets } from '../../server/net/MirosNets.ts';
import { InProcessBroker, InProcessBus } from '../../server/net/transport/InProcessBus.ts';
import { Event, ReturnStatus, signalRegistry, signals, spyOn, VirtualClock } from '../../server/statechart/index.ts';
import { SignalRegistry } from '../../server/statechart/SignalRegistry.ts';
import { waitFor } from './waitFor.ts';

const KEY = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';

describe('SignalRegistry foreign names', () => {
  it('numbers heard names in order of first use but remembers only the most recent', () => {
    const registry = new SignalRegistry({ foreignLimit: 3 });
    const numbers = ['a', 'b', 'c', 'd', 'e'].map((name) => registry.appendForeign(name));
    expect(numbers).toEqual([11, 12, 13, 14, 15]);
    expect([registry.size, registry.foreignSize]).toEqual([10, 3]);
    expect([registry.has(11), registry.has(12), registry.has(13), registry.nameForSignal(15)]).toEqual([false, false, true, 'e']);
    // Hearing c again makes it the most recent: d goes next, not c.
    expect(registry.appendForeign('c')).toBe(13);
    registry.appendForeign('f');
    expect([registry.has(13), registry.has(14), registry.appendForeign('f')]).toEqual([true, false, 16]);
    // A forgotten name heard again gets a new number; numbers are never reused.
    expect(registry.appendForeign('a')).toBe(17);
  });

  it('gives a defined name its own number when heard, and keeps a foreign number when code defines the name', () => {
    const registry = new SignalRegistry({ foreignLimit: 2 });
    const defined = registry.append('defined');
    expect(registry.appendForeign('defined')).toBe(defined);
    const heard = registry.appendForeign('later');
    expect(registry.append('later')).toBe(heard);
    expect([registry.size, registry.foreignSize, registry.toObject().later]).toEqual([12, 0, heard]);
    for (const name of ['x', 'y', 'z']) registry.appendForeign(name);
    expect(registry.nameForSignal(heard)).toBe('later');
  });

  it('bounds the characters of foreign names too, always keeping the one just heard', () => {
    const registry = new SignalRegistry({ foreignChars: 1_000 });
    for (let i = 0; i < 10; i++) registry.appendForeign(`${i}`.padEnd(300, '.'));
    expect(registry.foreignSize).toBe(3);
    const huge = registry.appendForeign('H'.repeat(5_000));
    expect([registry.foreignSize, registry.nameForSignal(huge).length]).toEqual([1, 5_000]);
  });
});

describe('a networked chart hearing many distinct signal names', () => {
  it('does not grow the process-wide table, refuses huge names at decode, and still matches the names it defines', async () => {
    const broker = new InProcessBroker();
    const seen: string[] = [];
    const { known_signal } = signals;
    const only = spyOn(function only(chart: NetworkedActiveObject, e: Event): number {
      if (e.signal === known_signal) {
        seen.push(`known ${String(e.payload)}`);
        return ReturnStatus.HANDLED;
      }
      if (e.signal > 10) {
        seen.push(e.signalName.slice(0, 8));
        return ReturnStatus.HANDLED;
      }
      return e.signalName === 'ENTRY_SIGNAL' || e.signalName === 'INIT_SIGNAL' ? ReturnStatus.HANDLED : chart.super(chart.top);
    });
    const chart = new NetworkedActiveObject('names_ao', {
      transport: new InProcessBus({ broker }),
      meshEncryptionKey: KEY,
      txRoutingKey: 'n.man',
      rxRoutingKey: '#.man',
      clock: new VirtualClock(0),
      node: 'node-names',
      print: () => {},
    });
    chart.startAt(only);
    await chart.network.ready();
    const defined = signalRegistry.size;
    const peer = new MirosNets({ transport: new InProcessBus({ broker }), meshKey: KEY, node: 'peer', txRoutingKey: 'p.man', rxRoutingKey: '#' });
    for (let i = 0; i < 3; i++) peer.transmit({ signal: `huge${i}`.padEnd(500_000, 'x') });
    for (let i = 0; i < 400; i++) peer.transmit({ signal: `n${String(i).padStart(4, '0')}`.padEnd(1_000, 'x') });
    peer.transmit({ signal: 'known_signal', payload: 'still matched' });
    await waitFor(() => expect(seen.at(-1)).toBe('known still matched'), 10_000);
    expect(seen.length).toBe(401);
    expect(chart.networkCounters().rejected).toEqual({ 'signal-name-too-long': 3 });
    expect(signalRegistry.size).toBe(defined);
    expect(signalRegistry.foreignSize).toBeLessThanOrEqual(signalRegistry.foreignLimit);
    await chart.stop();
  });
});
