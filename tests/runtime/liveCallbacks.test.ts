/**
 * The exact strings miros's live spy and live trace callbacks receive, and
 * when: only start_at and next_rtc report; trace text comes first; a step's
 * trace entry is reported once (a direct dispatch's by the next next_rtc).
 */
import { describe, expect, it } from 'vitest';
import { Event } from '../../server/statechart/Event.ts';
import { formatTimestamp } from '../../server/statechart/formatTimestamp.ts';
import { VirtualClock } from '../../server/statechart/VirtualClock.ts';
import { a, TopoChart } from './topologyChart.ts';

function liveChart(options: { print?: (text: string) => void } = {}) {
  const clock = new VirtualClock(Date.UTC(2023, 10, 5, 8, 30));
  const chart = new TopoChart({ clock, ...options });
  chart.liveSpy = true;
  chart.liveTrace = true;
  const live: Array<[string, string]> = [];
  if (!options.print) {
    chart.registerLiveSpyCallback((line) => live.push(['spy', line]));
    chart.registerLiveTraceCallback((text) => live.push(['trace', text]));
  }
  const ts = () => formatTimestamp(clock.now());
  return { chart, live, clock, ts };
}

describe('live callbacks', () => {
  it('after startAt: the start entry without a leading newline, then every RTC line including pre-start ones', () => {
    const { chart, live, ts } = liveChart();
    chart.scribble('early');
    chart.startAt(a);
    expect(live).toEqual([
      ['trace', `[${ts()}] [topo] e->start_at() top->a111\n`],
      ...['early', ...chart.spy()!.slice(1)].map((line) => ['spy', line]),
    ]);
    expect(live.at(-1)).toEqual(['spy', '<- Queued:(0) Deferred:(0)']);
  });

  it('after next_rtc: the new entry with a leading and a trailing newline, then the step spy and reflection', () => {
    const { chart, live, ts } = liveChart();
    chart.startAt(a);
    live.length = 0;
    chart.postFifo(new Event('TO_PARENT'));
    chart.nextRtc();
    expect(live[0]).toEqual(['trace', `\n[${ts()}] [topo] e->TO_PARENT() a111->a111\n`]);
    expect(live.slice(1)).toEqual(chart.spyRtc().map((line) => ['spy', line]));
    expect(live.at(-1)).toEqual(['spy', '<- Queued:(0) Deferred:(0)']);
  });

  it('hooks and ignored events report spy lines only', () => {
    const { chart, live } = liveChart();
    chart.startAt(a);
    live.length = 0;
    chart.postFifo(new Event('HOOK_A'));
    chart.postFifo(new Event('NOBODY'));
    chart.completeCircuit();
    expect(live).toEqual(
      [
        'HOOK_A:a111', 'HOOK_A:a11', 'HOOK_A:a1', 'HOOK_A:a', 'HOOK_A:a:HOOK', '<- Queued:(1) Deferred:(0)',
        'NOBODY:a111', 'NOBODY:a11', 'NOBODY:a1', 'NOBODY:a', '<- Queued:(0) Deferred:(0)',
      ].map((line) => ['spy', line]),
    );
  });

  it("a direct dispatch reports nothing; its entry is reported by the next next_rtc, even one that only hooks", () => {
    const { chart, live, ts } = liveChart();
    chart.startAt(a);
    live.length = 0;
    chart.dispatch(new Event('SIBLING'));
    expect(live).toEqual([]);
    const stamp = ts();
    chart.postFifo(new Event('HOOK_A'));
    chart.nextRtc();
    expect(live[0]).toEqual(['trace', `\n[${stamp}] [topo] e->SIBLING() a111->a21\n`]);
    live.length = 0;
    chart.postFifo(new Event('HOOK_A'));
    chart.nextRtc();
    expect(live.filter(([kind]) => kind === 'trace')).toEqual([]);
  });

  it('after clear_trace a step without a transition reports no trace', () => {
    const { chart, live } = liveChart();
    chart.startAt(a);
    chart.clearTrace();
    live.length = 0;
    chart.nextRtc();
    expect(live).toEqual([['spy', '<- Queued:(0) Deferred:(0)']]);
  });

  it('the default callbacks print spy lines as they are and trace text without newlines', () => {
    const printed: string[] = [];
    const { chart, ts } = liveChart({ print: (text) => printed.push(text) });
    chart.startAt(a);
    printed.length = 0;
    chart.postFifo(new Event('TO_PARENT'));
    chart.nextRtc();
    expect(printed[0]).toBe(`[${ts()}] [topo] e->TO_PARENT() a111->a111`);
    expect(printed.slice(1)).toEqual(chart.spyRtc());
  });

  it('observers see the same live strings as the callbacks', () => {
    const { chart, live } = liveChart();
    const seen: Array<[string, string]> = [];
    chart.observe((o) => {
      if (o.type === 'live-spy') seen.push(['spy', o.line]);
      if (o.type === 'live-trace') seen.push(['trace', o.text]);
    });
    chart.startAt(a);
    chart.postFifo(new Event('SIBLING'));
    chart.nextRtc();
    expect(seen).toEqual(live);
  });

  it('a live callback that throws is reported and the step completes', () => {
    const errors: unknown[] = [];
    const chart = new TopoChart({ onListenerError: (e) => errors.push(e) });
    chart.liveSpy = true;
    chart.registerLiveSpyCallback(() => {
      throw new Error('printer on fire');
    });
    chart.startAt(a);
    expect(chart.stateName).toBe('a111');
    expect(errors).toHaveLength(chart.spy()!.length);
  });
});
