/**
 * miros's spy buffer mechanics, which decide which lines a user ever sees:
 * the run-to-completion buffer (250 lines, oldest dropped, cleared by each
 * step) and the full spy (ring of the newest 500 lines).
 */
import { describe, expect, it } from 'vitest';
import { Event } from '../../server/statechart/Event.ts';
import { HsmWithQueues } from '../../server/statechart/HsmWithQueues.ts';
import { ReturnStatus } from '../../server/statechart/returnStatus.ts';
import { spyOn } from '../../server/statechart/spyOn.ts';

/** CHATTY scribbles `count` numbered lines inside one step. */
const chatty = spyOn(function chatty(chart: HsmWithQueues & { count?: number }, e: Event) {
  if (e.signalName === 'CHATTY') {
    for (let i = 1; i <= (chart.count ?? 0); i++) chart.scribble(`line ${i}`);
    return ReturnStatus.HANDLED;
  }
  return chart.super(chart.top);
});

function startedChatty(): HsmWithQueues & { count?: number } {
  const chart: HsmWithQueues & { count?: number } = new HsmWithQueues({ name: 'chatty' });
  chart.startAt(chatty);
  chart.clearSpy();
  return chart;
}

const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`);

describe('spy buffers', () => {
  it('a step with more than 250 lines reaches the full spy with only its newest 250', () => {
    const chart = startedChatty();
    chart.count = 300;
    chart.dispatch(new Event('CHATTY'));
    expect(chart.spy()).toEqual([...numbered(52, 300), 'CHATTY:chatty:HOOK']);
    expect(chart.spyRtc()).toEqual(chart.spy());
  });

  it('the full spy keeps the newest 500 lines', () => {
    const chart = startedChatty();
    chart.count = 200;
    for (let i = 0; i < 3; i++) chart.dispatch(new Event('CHATTY'));
    const one = ['CHATTY:chatty', ...numbered(1, 200), 'CHATTY:chatty:HOOK'];
    expect(chart.spy()).toEqual([...one, ...one, ...one].slice(-500));
  });

  it('lines written between steps stay in the RTC buffer and are wiped by the next step', () => {
    const chart = startedChatty();
    chart.scribble('between');
    chart.postFifo(new Event('CHATTY'));
    expect(chart.spyRtc().slice(-2)).toEqual(['between', 'POST_FIFO:CHATTY']);
    chart.nextRtc();
    expect(chart.spy()).toEqual(['CHATTY:chatty', 'CHATTY:chatty:HOOK', '<- Queued:(0) Deferred:(0)']);
  });

  it('a flood of lines between steps never disturbs the full spy', () => {
    const chart = startedChatty();
    chart.count = 240;
    chart.dispatch(new Event('CHATTY'));
    chart.dispatch(new Event('CHATTY'));
    const before = chart.spy()!;
    for (let i = 1; i <= 700; i++) chart.scribble(`line ${i}`);
    expect(chart.spy()).toEqual(before);
    expect(chart.spyRtc()).toEqual(numbered(451, 700));
    chart.dispatch(new Event('NOTHING'));
    expect(chart.spy()).toEqual([...before, 'NOTHING:chatty'].slice(-500));
  });

  it('clearSpy empties the full spy but not the RTC buffer', () => {
    const chart = startedChatty();
    chart.count = 2;
    chart.dispatch(new Event('CHATTY'));
    chart.clearSpy();
    expect([chart.spy(), chart.spyRtc()]).toEqual([[], ['CHATTY:chatty', 'line 1', 'line 2', 'CHATTY:chatty:HOOK']]);
  });

  it('start_at does not clear the RTC buffer: what it holds is copied into the full spy again, as in miros', () => {
    const chart = new HsmWithQueues({ name: 'early' });
    chart.nextRtc();
    chart.startAt(chatty);
    expect(chart.spy()).toEqual([
      '<- Queued:(0) Deferred:(0)', '<- Queued:(0) Deferred:(0)', 'START', 'SEARCH_FOR_SUPER_SIGNAL:chatty',
      'ENTRY_SIGNAL:chatty', 'INIT_SIGNAL:chatty', '<- Queued:(0) Deferred:(0)',
    ]);
  });
});
