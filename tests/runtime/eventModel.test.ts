/**
 * Signals and events: registry numbering, the `signals` proxy, text forms
 * (Python `str`), `Event.dumps` (Python `json.dumps`), `Event.loads` with
 * typed errors, and the trace timestamp format. Expected strings were
 * produced by CPython 3.11 (`str(payload)`, `json.dumps(...)`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Event } from '../../server/statechart/Event.ts';
import { formatTimestamp } from '../../server/statechart/formatTimestamp.ts';
import { SignalRegistry } from '../../server/statechart/SignalRegistry.ts';
import { signals } from '../../server/statechart/signals.ts';
import { EventDecodeError, UnknownSignalError } from '../../server/statechart/StatechartError.ts';

describe('signal registry', () => {
  it('starts with the ten reserved signals and numbers new names from 11 in order of first use', () => {
    const registry = new SignalRegistry();
    expect(registry.append('OVEN_OFF')).toBe(11);
    expect(registry.append('OVEN_ON')).toBe(12);
    expect(registry.append('OVEN_OFF')).toBe(11);
    expect(registry.toObject()).toEqual({
      ENTRY_SIGNAL: 1, EXIT_SIGNAL: 2, INIT_SIGNAL: 3, REFLECTION_SIGNAL: 4, EMPTY_SIGNAL: 5,
      SEARCH_FOR_SUPER_SIGNAL: 6, STOP_FABRIC_SIGNAL: 7, STOP_ACTIVE_OBJECT_SIGNAL: 8,
      SUBSCRIBE_META_SIGNAL: 9, PUBLISH_META_SIGNAL: 10, OVEN_OFF: 11, OVEN_ON: 12,
    });
  });

  it('answers isInnerSignal for the reserved ten only, without registering unknown names', () => {
    const registry = new SignalRegistry();
    registry.append('USER');
    expect(['ENTRY_SIGNAL', 'PUBLISH_META_SIGNAL', 10, 'USER', 11, 'NEVER_SEEN'].map((s) => registry.isInnerSignal(s))).toEqual([
      true, true, true, false, false, false,
    ]);
    expect(registry.has('NEVER_SEEN')).toBe(false);
  });

  it('names a number and raises UnknownSignalError for an unregistered one', () => {
    const registry = new SignalRegistry();
    expect(registry.nameForSignal(6)).toBe('SEARCH_FOR_SUPER_SIGNAL');
    expect(() => registry.nameForSignal(99)).toThrow(UnknownSignalError);
  });

  it('the global signals object registers a name on first read and offers the registry methods', () => {
    const first = signals.SIGNALS_PROXY_TEST_A;
    expect(signals.SIGNALS_PROXY_TEST_A).toBe(first);
    expect(signals.nameForSignal(first)).toBe('SIGNALS_PROXY_TEST_A');
    expect(signals.append('SIGNALS_PROXY_TEST_B')).toBe(first + 1);
    expect(signals.ENTRY_SIGNAL).toBe(1);
  });

  it('is not mistaken for a promise', async () => {
    const before = signals.size;
    await Promise.resolve(signals);
    expect(signals.size).toBe(before);
  });
});

describe('Event', () => {
  const table: Array<[unknown, string, string]> = [
    [null, 'S::<>', '{"signal_name": "S", "payload": null}'],
    ['hello', 'S::<hello>', '{"signal_name": "S", "payload": "hello"}'],
    [42, 'S::<42>', '{"signal_name": "S", "payload": 42}'],
    [3.5, 'S::<3.5>', '{"signal_name": "S", "payload": 3.5}'],
    [1e-7, 'S::<1e-07>', '{"signal_name": "S", "payload": 1e-07}'],
    [1e21, 'S::<1e+21>', '{"signal_name": "S", "payload": 1e+21}'],
    [true, 'S::<True>', '{"signal_name": "S", "payload": true}'],
    [[1, 'a', null, false], "S::<[1, 'a', None, False]>", '{"signal_name": "S", "payload": [1, "a", null, false]}'],
    [{ k: 'v', n: [1.5] }, "S::<{'k': 'v', 'n': [1.5]}>", '{"signal_name": "S", "payload": {"k": "v", "n": [1.5]}}'],
    [["it's", 'q"'], `S::<["it's", 'q"']>`, '{"signal_name": "S", "payload": ["it\'s", "q\\""]}'],
    ['tab\there', 'S::<tab\there>', '{"signal_name": "S", "payload": "tab\\there"}'],
    ['é ünïcode ✓ 😀', 'S::<é ünïcode ✓ 😀>', '{"signal_name": "S", "payload": "\\u00e9 \\u00fcn\\u00efcode \\u2713 \\ud83d\\ude00"}'],
  ];

  for (const [payload, text, json] of table) {
    it(`renders payload ${JSON.stringify(payload)} as Python's str and json.dumps do`, () => {
      const e = new Event('S', payload);
      expect([String(e), Event.dumps(e)]).toEqual([text, json]);
    });
  }

  it('repr shows the signal number; hasPayload is "payload is not None"', () => {
    const registry = new SignalRegistry();
    const e = new Event('FIRST', [1, 2], registry);
    expect([e.repr(), e.hasPayload(), new Event('FIRST', undefined, registry).hasPayload()]).toEqual([
      'FIRST:11::<[1, 2]>', true, false,
    ]);
  });

  it('is built from a registered number but not from an unknown one', () => {
    expect(new Event(1).signalName).toBe('ENTRY_SIGNAL');
    expect(() => new Event(100_000)).toThrow(UnknownSignalError);
  });

  it('round-trips through dumps and loads, registering the name', () => {
    const registry = new SignalRegistry();
    const e = Event.loads('{"signal_name": "FROM_WIRE", "payload": {"x": [1, "two"]}}', registry);
    expect([e.signal, e.signalName, e.payload, Event.dumps(e)]).toEqual([
      11, 'FROM_WIRE', { x: [1, 'two'] }, '{"signal_name": "FROM_WIRE", "payload": {"x": [1, "two"]}}',
    ]);
  });

  for (const bad of ['not json', '[1, 2]', '{"payload": 1}', '{"signal_name": ""}']) {
    it(`loads rejects ${JSON.stringify(bad)} with EventDecodeError`, () => {
      expect(() => Event.loads(bad)).toThrow(EventDecodeError);
    });
  }
});

describe('trace timestamps', () => {
  const tz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    process.env.TZ = tz;
  });

  it('are local wall-clock time with microseconds', () => {
    expect(formatTimestamp(Date.UTC(2019, 1, 23, 13, 8, 34, 878) + 0.743)).toBe('2019-02-23 08:08:34.878743');
  });

  it('keep leading zeros and every microsecond up to the end of a second', () => {
    const second = Date.UTC(2024, 0, 1, 5, 0, 9) * 1000;
    const at = (micros: number) => formatTimestamp((second + micros) / 1000);
    expect([at(5), at(5000), at(999_999), at(1_000_000)]).toEqual([
      '2024-01-01 00:00:09.000005', '2024-01-01 00:00:09.005000', '2024-01-01 00:00:09.999999', '2024-01-01 00:00:10.000000',
    ]);
  });
});
