/**
 * `chart.observe(listener)`: typed spy, trace and topology observations,
 * unsubscribe, isolation from failing listeners, and the guarantee that the
 * compactly stored spy/trace read back exactly as the eagerly observed lines.
 */
import { describe, expect, it } from 'vitest';
import type { ChartObservation } from '../../server/statechart/ChartObservation.ts';
import { Event } from '../../server/statechart/Event.ts';
import { formatTimestamp } from '../../server/statechart/formatTimestamp.ts';
import { VirtualClock } from '../../server/statechart/VirtualClock.ts';
import { a, TopoChart } from './topologyChart.ts';

function observed(chart: TopoChart, types: ChartObservation['type'][]): ChartObservation[] {
  const seen: ChartObservation[] = [];
  chart.observe((o) => {
    if (types.includes(o.type)) seen.push(o);
  });
  return seen;
}

describe('chart observers', () => {
  it('receive each full-spy line and each trace entry as it is recorded', () => {
    const clock = new VirtualClock(Date.UTC(2024, 4, 1, 12));
    const chart = new TopoChart({ clock });
    chart.startAt(a);
    const seen = observed(chart, ['spy', 'trace']);
    clock.advance(1.5);
    chart.dispatch(new Event('TO_PARENT'));
    const time = clock.now();
    expect(seen).toEqual([
      {
        type: 'trace', chart: 'topo', time, signal: 'TO_PARENT', from: 'a111', to: 'a111',
        line: `[${formatTimestamp(time)}] [topo] e->TO_PARENT() a111->a111`,
      },
      ...chart.spy()!.slice(14).map((line) => ({ type: 'spy', chart: 'topo', line })),
    ]);
    expect(seen).toHaveLength(15);
  });

  it('learn each parent once, and a late observer is told the topology learned so far', () => {
    const chart = new TopoChart();
    const early = observed(chart, ['topology']);
    chart.startAt(a);
    chart.dispatch(new Event('SIBLING'));
    chart.dispatch(new Event('TO_PARENT'));
    const late = observed(chart, ['topology']);
    const parents = [
      { state: 'a', parent: null }, { state: 'a1', parent: 'a' }, { state: 'a11', parent: 'a1' },
      { state: 'a111', parent: 'a11' }, { state: 'a2', parent: 'a' }, { state: 'a21', parent: 'a2' },
    ].map((p) => ({ type: 'topology', chart: 'topo', ...p }));
    expect(early).toEqual(parents);
    expect(late).toEqual(parents);
  });

  it('a listener that throws is reported and neither the chart nor other listeners notice', () => {
    const errors: unknown[] = [];
    const chart = new TopoChart({ onListenerError: (error) => errors.push(error) });
    chart.observe(() => {
      throw new Error('listener bug');
    });
    const seen = observed(chart, ['trace']);
    chart.startAt(a);
    chart.dispatch(new Event('SIBLING'));
    expect(chart.stateName).toBe('a21');
    expect(seen.map((o) => (o.type === 'trace' ? o.signal : ''))).toEqual(['start_at', 'SIBLING']);
    expect(errors.length).toBeGreaterThan(10);
    expect(errors.every((e) => (e as Error).message === 'listener bug')).toBe(true);
  });

  it('stop after unsubscribing', () => {
    const chart = new TopoChart();
    const seen: ChartObservation[] = [];
    const unsubscribe = chart.observe((o) => seen.push(o));
    chart.startAt(a);
    const count = seen.length;
    unsubscribe();
    chart.dispatch(new Event('SIBLING'));
    expect(seen.length).toBe(count);
    expect(chart.reportsParents).toBe(false);
  });

  it('spy() and trace() read back exactly the lines observers saw, over a ring that wrapped', () => {
    const chart = new TopoChart();
    const spyLines: string[] = [];
    const traceLines: string[] = [];
    chart.observe((o) => {
      if (o.type === 'spy') spyLines.push(o.line);
      if (o.type === 'trace') traceLines.push(o.line);
    });
    chart.startAt(a);
    for (let i = 0; i < 60; i++) {
      for (const signal of ['SIBLING', 'F_TOPO', 'HOOK_A', 'GUARDED', 'TO_FAR', 'TO_A2', 'TO_DEEP', 'NOBODY']) {
        chart.dispatch(new Event(signal));
      }
      chart.scribble(`round ${i}`);
      chart.postFifo(new Event('HOOK_LEAF'));
      chart.nextRtc();
    }
    expect(spyLines.length).toBeGreaterThan(500);
    expect(chart.spy()).toEqual(spyLines.slice(-500));
    expect(chart.trace()).toBe('\n' + traceLines.slice(-500).join('\n') + '\n');
  });
});
