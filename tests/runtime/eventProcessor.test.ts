/**
 * The event processor outside transitions: start-up drill-down, bubbling,
 * hooks, events that reach top, guards and their EMPTY_SIGNAL probe, the
 * queries, and the typed errors for malformed charts and misuse.
 */
import { describe, expect, it } from 'vitest';
import { Event } from '../../server/statechart/Event.ts';
import { HsmEventProcessor } from '../../server/statechart/HsmEventProcessor.ts';
import { HsmWithQueues } from '../../server/statechart/HsmWithQueues.ts';
import { ReturnStatus } from '../../server/statechart/returnStatus.ts';
import { spyOn } from '../../server/statechart/spyOn.ts';
import {
  ChartLifecycleError,
  HsmTopologyError,
  StateNotActiveError,
} from '../../server/statechart/StatechartError.ts';
import { stateNameOf } from '../../server/statechart/StateHandler.ts';
import { a, a1, a11, a111, b, startedTopo, TopoChart } from './topologyChart.ts';

describe('startAt', () => {
  it('enters from the outside in, then follows initial transitions down to the leaf', () => {
    const chart = new TopoChart();
    chart.startAt(a);
    expect(chart.spy()).toEqual([
      'START', 'SEARCH_FOR_SUPER_SIGNAL:a', 'ENTRY_SIGNAL:a', 'INIT_SIGNAL:a',
      'SEARCH_FOR_SUPER_SIGNAL:a1', 'ENTRY_SIGNAL:a1', 'INIT_SIGNAL:a1',
      'SEARCH_FOR_SUPER_SIGNAL:a11', 'ENTRY_SIGNAL:a11', 'INIT_SIGNAL:a11',
      'SEARCH_FOR_SUPER_SIGNAL:a111', 'ENTRY_SIGNAL:a111', 'INIT_SIGNAL:a111',
      '<- Queued:(0) Deferred:(0)',
    ]);
    expect(chart.log).toEqual(['a-ENTRY', 'a-INIT', 'a1-ENTRY', 'a1-INIT', 'a11-ENTRY', 'a11-INIT', 'a111-ENTRY']);
    expect(chart.stateName).toBe('a111');
  });

  it('starting in an inner state enters its ancestors first', () => {
    const chart = new TopoChart();
    chart.startAt(a11);
    expect(chart.log).toEqual(['a-ENTRY', 'a1-ENTRY', 'a11-ENTRY', 'a11-INIT', 'a111-ENTRY']);
    expect(chart.spy()!.slice(0, 5)).toEqual([
      'START', 'SEARCH_FOR_SUPER_SIGNAL:a11', 'SEARCH_FOR_SUPER_SIGNAL:a1', 'SEARCH_FOR_SUPER_SIGNAL:a', 'ENTRY_SIGNAL:a',
    ]);
  });

  it('raises a topology error for a state that names itself as its parent', () => {
    const loop = spyOn(function loop(chart: HsmEventProcessor) {
      return chart.super(loop);
    });
    expect(() => new HsmWithQueues().startAt(loop)).toThrow(HsmTopologyError);
  });

  it('raises a topology error when an initial transition leaves the state that makes it', () => {
    const outside = spyOn(function outside(chart: HsmEventProcessor) {
      return chart.super(chart.top);
    });
    const wrong = spyOn(function wrong(chart: HsmEventProcessor, e: Event) {
      return e.signalName === 'INIT_SIGNAL' ? chart.trans(outside) : chart.super(chart.top);
    });
    expect(() => new HsmWithQueues().startAt(wrong)).toThrow(HsmTopologyError);
  });

  it('refuses dispatch before startAt with a lifecycle error', () => {
    expect(() => new TopoChart().dispatch(new Event('HOOK_A'))).toThrow(ChartLifecycleError);
  });
});

describe('finding the handler', () => {
  it('a superstate that handles an event without transition is a hook: spied with :HOOK, no trace, same leaf', () => {
    const chart = startedTopo();
    chart.dispatch(new Event('HOOK_A'));
    expect(chart.spy()).toEqual(['HOOK_A:a111', 'HOOK_A:a11', 'HOOK_A:a1', 'HOOK_A:a', 'HOOK_A:a:HOOK']);
    expect(chart.trace()).toBe('\n');
    expect(chart.log).toEqual(['a-HOOK_A']);
    expect(chart.stateName).toBe('a111');
  });

  it('the leaf itself can be the hook', () => {
    const chart = startedTopo();
    chart.dispatch(new Event('HOOK_LEAF'));
    expect(chart.spy()).toEqual(['HOOK_LEAF:a111', 'HOOK_LEAF:a111:HOOK']);
  });

  it('an event nobody handles bubbles to top and is ignored without a trace entry', () => {
    const chart = startedTopo();
    chart.dispatch(new Event('NOBODY'));
    expect(chart.spy()).toEqual(['NOBODY:a111', 'NOBODY:a11', 'NOBODY:a1', 'NOBODY:a']);
    expect(chart.eventIgnored).toBe(true);
    expect(chart.trace()).toBe('\n');
  });

  it('a failed guard (UNHANDLED) is probed with EMPTY_SIGNAL and the event continues outward', () => {
    const chart = startedTopo();
    chart.dispatch(new Event('GUARDED'));
    expect(chart.spy()).toEqual([
      'GUARDED:a111', 'EMPTY_SIGNAL:a111', 'GUARDED:a11', 'EMPTY_SIGNAL:a11', 'GUARDED:a1', 'GUARDED:a',
    ]);
    expect(chart.stateName).toBe('a111');
  });

  it('a guard that holds in an outer state takes the transition from there', () => {
    const chart = startedTopo();
    chart.open = true;
    chart.dispatch(new Event('GUARDED'));
    expect(chart.spy()!.slice(0, 4)).toEqual(['GUARDED:a111', 'EMPTY_SIGNAL:a111', 'GUARDED:a11', 'EXIT_SIGNAL:a111']);
    expect(chart.log).toEqual(['a11-GUARDED', 'a111-EXIT', 'a11-EXIT', 'a1-EXIT', 'a2-ENTRY', 'a2-INIT', 'a21-ENTRY']);
    expect(chart.stateName).toBe('a21');
  });

  it('a handler that returns no status is a topology error naming the state', () => {
    const silent = spyOn('silent', (() => undefined) as unknown as (chart: HsmEventProcessor) => number);
    const outer = spyOn(function outer(chart: HsmEventProcessor, e: Event) {
      return e.signalName === 'INIT_SIGNAL' ? ReturnStatus.HANDLED : chart.super(chart.top);
    });
    const chart = new HsmWithQueues();
    chart.startAt(outer);
    chart.temp.fun = silent;
    chart.state.fun = silent;
    expect(() => chart.dispatch(new Event('X'))).toThrow(/silent did not return a status for X/);
  });
});

describe('queries', () => {
  it('isIn walks the active path; top is always active', () => {
    const chart = startedTopo();
    expect([a, a1, a11, a111, b, chart.top].map((s) => chart.isIn(s))).toEqual([true, true, true, true, false, true]);
  });

  it('isIn leaves its SEARCH lines in the RTC buffer only', () => {
    const chart = startedTopo();
    chart.isIn(a1);
    expect(chart.spyRtc().slice(-2)).toEqual(['SEARCH_FOR_SUPER_SIGNAL:a111', 'SEARCH_FOR_SUPER_SIGNAL:a11']);
    expect(chart.spy()).toEqual([]);
  });

  it('childState names the active state below a parent, the leaf for the leaf and the outermost for top', () => {
    const chart = startedTopo();
    expect([a, a1, a111, chart.top].map((s) => stateNameOf(chart.childState(s)))).toEqual(['a1', 'a11', 'a111', 'a']);
  });

  it('childState of an inactive state raises StateNotActiveError', () => {
    expect(() => startedTopo().childState(b)).toThrow(StateNotActiveError);
  });

  it('stateName stays the leaf after queries that call other states', () => {
    const chart = startedTopo();
    chart.isIn(b);
    chart.childState(a);
    expect(chart.stateName).toBe('a111');
  });
});

describe('augment', () => {
  it('attaches an attribute only if the chart has none of that name; mutual also attaches the chart to the other', () => {
    const alarm = new HsmWithQueues({ name: 'alarm' }) as HsmWithQueues & Record<string, unknown>;
    const keeper = new HsmWithQueues({ name: 'keeper' }) as HsmWithQueues & Record<string, unknown>;
    alarm.augment({ other: keeper, name: 'timeKeeper', relationship: 'mutual' });
    alarm.augment({ other: 'something else', name: 'timeKeeper' });
    alarm.augment({ other: 'ignored', name: 'name' });
    expect([alarm.timeKeeper, keeper.alarm, alarm.name]).toEqual([keeper, alarm, 'alarm']);
  });
});
