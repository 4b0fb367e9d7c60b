import { describe, expect, it } from 'vitest';
import { ReceptionPairer, type PairedMessage, type PairedReception } from '../../shared/sequence/model/ReceptionPairer.ts';

type Event =
  | ({ kind: 'message' } & Partial<PairedMessage> & { id: number; signal?: string })
  | ({ kind: 'reception' } & Partial<PairedReception> & { id: number; chart: string });

const message = (id: number, received: number, more: Partial<PairedMessage> = {}): Event => ({
  kind: 'message',
  id,
  received,
  ...more,
});
const reception = (id: number, chart: string, received: number, more: Partial<PairedReception> = {}): Event => ({
  kind: 'reception',
  id,
  chart,
  received,
  ...more,
});

/** Feeds the events in order; returns each message's receivers and each reception's message. */
function pair(events: Event[]) {
  const pairer = new ReceptionPairer({ windowMs: 2000, skewMs: 500 });
  for (const e of events) {
    const base = { signal: e.signal ?? 'other_to_inner', time: e.time ?? null, received: e.received ?? 0 };
    if (e.kind === 'message') pairer.addMessage({ ...base, id: e.id, excluded: e.excluded ?? [] });
    else pairer.addReception({ ...base, id: e.id, chart: e.chart });
  }
  const messages = events.filter((e) => e.kind === 'message').map((e) => [e.id, pairer.receiversOf(e.id)]);
  const receptions = events.filter((e) => e.kind === 'reception').map((e) => [e.id, pairer.messageOf(e.id) ?? null]);
  return { messages: Object.fromEntries(messages), receptions: Object.fromEntries(receptions) };
}

describe('ReceptionPairer', () => {
  it.each<[string, Event[], { messages: Record<number, string[]>; receptions: Record<number, number | null> }]>([
    [
      'pairs a reception shortly after a message',
      [message(1, 1000), reception(2, 'B', 1300)],
      { messages: { 1: ['B'] }, receptions: { 2: 1 } },
    ],
    [
      'leaves a reception after the window unpaired',
      [message(1, 1000), reception(2, 'B', 3001)],
      { messages: { 1: [] }, receptions: { 2: null } },
    ],
    [
      'pairs a reception the relay saw just before the message',
      [reception(1, 'B', 800), message(2, 1000)],
      { messages: { 2: ['B'] }, receptions: { 1: 2 } },
    ],
    [
      'does not pair a reception long before the message',
      [reception(1, 'B', 400), message(2, 1000)],
      { messages: { 2: [] }, receptions: { 1: null } },
    ],
    [
      'ignores other signals',
      [message(1, 1000), reception(2, 'B', 1100, { signal: 'other_to_outer' })],
      { messages: { 1: [] }, receptions: { 2: null } },
    ],
    [
      'never makes the sender or the chart named by the payload a receiver',
      [message(1, 1000, { excluded: ['A', 'C'] }), reception(2, 'A', 1100), reception(3, 'B', 1200), reception(4, 'C', 1300)],
      { messages: { 1: ['B'] }, receptions: { 2: null, 3: 1, 4: null } },
    ],
    [
      'gives a reception to the latest message before it',
      [message(1, 1000), message(2, 1500), reception(3, 'B', 1600)],
      { messages: { 1: [], 2: ['B'] }, receptions: { 3: 2 } },
    ],
    [
      'lets a later-arriving message claim receptions it explains better',
      [message(1, 1000), reception(2, 'B', 2500), message(3, 2400)],
      { messages: { 1: [], 3: ['B'] }, receptions: { 2: 3 } },
    ],
    [
      'prefers a message before the reception over one just after it',
      [message(1, 1000), message(2, 1400), reception(3, 'B', 1300)],
      { messages: { 1: ['B'], 2: [] }, receptions: { 3: 1 } },
    ],
    [
      'counts several records of one chart as one receiver and lists charts by first reception',
      [message(1, 1000), reception(2, 'C', 1100), reception(3, 'B', 1200), reception(4, 'C', 1250)],
      { messages: { 1: ['C', 'B'] }, receptions: { 2: 1, 3: 1, 4: 1 } },
    ],
    [
      "compares the records' own times when both have one",
      [message(1, 1000, { time: 50_000 }), reception(2, 'B', 1100, { time: 53_000 }), reception(3, 'C', 1100, { time: 50_500 })],
      { messages: { 1: ['C'] }, receptions: { 2: null, 3: 1 } },
    ],
    [
      'falls back to arrival time when the message has no time of its own',
      [message(1, 1000, { time: null }), reception(2, 'B', 1100, { time: 99_000 })],
      { messages: { 1: ['B'] }, receptions: { 2: 1 } },
    ],
  ])('%s', (_, events, expected) => {
    expect(pair(events)).toEqual(expected);
  });
});
