/**
 * Deliberate differences from miros 4.2.1. Each test names the miros
 * behaviour it departs from (miros-semantics.md §12 "Do not copy" and the
 * port's own choices); docs/runtime.md lists the same set.
 */
import { describe, expect, it } from 'vitest';
import { ActiveFabric } from '../../server/statechart/ActiveFabric.ts';
import { ActiveObject } from '../../server/statechart/ActiveObject.ts';
import { Event } from '../../server/statechart/Event.ts';
import { Factory } from '../../server/statechart/Factory.ts';
import type { HsmEventProcessor } from '../../server/statechart/HsmEventProcessor.ts';
import { HsmWithQueues } from '../../server/statechart/HsmWithQueues.ts';
import { RealClock } from '../../server/statechart/RealClock.ts';
import { ReturnStatus } from '../../server/statechart/returnStatus.ts';
import { spyOn } from '../../server/statechart/spyOn.ts';
import {
  ChartLifecycleError,
  HsmTopologyError,
  QueueOverflowError,
  StateNotActiveError,
  UnknownSignalError,
} from '../../server/statechart/StatechartError.ts';
import { VirtualClock } from '../../server/statechart/VirtualClock.ts';
import { a, b, startedTopo, TopoChart } from './topologyChart.ts';

const { HANDLED } = ReturnStatus;

class Recorder extends ActiveObject {
  readonly heard: string[] = [];
}

const hearing = spyOn(function hearing(chart: Recorder, e: Event) {
  if (e.signal > 10) {
    chart.heard.push(e.signalName + (e.payload === null ? '' : `:${String(e.payload)}`));
    if (e.signalName === 'SLOW') {
      const until = performance.now() + 30;
      while (performance.now() < until);
    }
    if (e.signalName === 'BOOM') throw new Error('boom');
    return HANDLED;
  }
  return chart.super(chart.top);
});

function recorder(name: string, options: ConstructorParameters<typeof ActiveObject>[1] = {}) {
  const clock = options.clock ?? new VirtualClock();
  return new Recorder(name, { clock, fabric: new ActiveFabric({ clock }), print: () => {}, ...options });
}

describe('deliberate deviations from miros', () => {
  it('ActiveObject honours instrumented:false (miros passes the constructor argument to the wrong parameter)', () => {
    const chart = recorder('quiet', { instrumented: false });
    chart.startAt(hearing);
    expect([chart.instrumented, chart.spy(), chart.trace()]).toEqual([false, null, null]);
  });

  it('cancelEvent/cancelEvents compare ids and names by value (miros compares with `is`)', async () => {
    const chart = recorder('cancel');
    chart.startAt(hearing);
    const id = chart.postFifo(new Event('TICK'), { period: 1 })!;
    chart.postFifo(new Event('TOCK'), { period: 1 });
    chart.cancelEvent([...id].join(''));
    chart.cancelEvents(['TO', 'CK'].join(''));
    (chart.clock as VirtualClock).advance(5);
    await chart.whenIdle();
    expect([chart.heard, chart.postedEvents.length]).toEqual([[], 0]);
  });

  it('an initial transition to a non-descendant raises in dispatch (miros loops forever)', () => {
    const elsewhere = spyOn(function elsewhere(chart: HsmEventProcessor) {
      return chart.super(chart.top);
    });
    const home = spyOn(function home(chart: HsmEventProcessor, e: Event) {
      if (e.signalName === 'GO') return chart.trans(confused);
      return chart.super(chart.top);
    });
    const confused = spyOn(function confused(chart: HsmEventProcessor, e: Event) {
      return e.signalName === 'INIT_SIGNAL' ? chart.trans(elsewhere) : chart.super(chart.top);
    });
    const chart = new HsmWithQueues();
    chart.startAt(home);
    expect(() => chart.dispatch(new Event('GO'))).toThrow(HsmTopologyError);
  });

  it('meta events processed before the worker ran leave no broken trace entry (miros: trace() raises)', async () => {
    const chart = recorder('meta');
    chart.subscribe('NEWS');
    chart.publish(new Event('NEWS'));
    chart.startAt(hearing);
    await chart.whenIdle();
    expect(chart.trace()!.split('\n').filter(Boolean).map((l) => l.replace(/^\[[^\]]*\] /, ''))).toEqual([
      '[meta] e->start_at() top->hearing',
    ]);
  });

  it('an event only unspied states saw adds no trace entry (miros adds one without timestamp and trace() raises)', () => {
    const plain = function plain(chart: HsmEventProcessor, e: Event): number {
      return e.signalName === 'JUMP' ? chart.trans(spied) : chart.super(spied);
    };
    const spied = spyOn(function spied(chart: HsmEventProcessor, e: Event): number {
      return e.signalName === 'INIT_SIGNAL' ? chart.trans(plain) : chart.super(chart.top);
    });
    const chart = new HsmWithQueues({ name: 'mixed' });
    chart.startAt(spied);
    chart.dispatch(new Event('JUMP'));
    expect(chart.trace()!.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('stateName stays the leaf after isIn/childState (miros overwrites state_name on every handler call)', () => {
    const chart = startedTopo();
    chart.isIn(b);
    expect(chart.stateName).toBe('a111');
  });

  it('a second startAt raises (miros replays entries from top and copies the first start spy again)', () => {
    const chart = startedTopo();
    expect(() => chart.startAt(a)).toThrow(ChartLifecycleError);
  });

  it('Factory.nest and startAt accept state names (miros fails on strings)', () => {
    const chart = new Factory('named', { clock: new VirtualClock(), print: () => {} });
    chart.create('only').catch('X', () => HANDLED);
    chart.nest('only', null).startAt('only');
    expect(chart.stateName).toBe('only');
  });

  it('lifo subscribers really receive published events at the front (miros appends them at the back)', async () => {
    const clock = new VirtualClock();
    const fabric = new ActiveFabric({ clock });
    const sender = recorder('sender', { clock, fabric });
    const receiver = recorder('receiver', { clock, fabric });
    sender.startAt(hearing);
    receiver.startAt(hearing);
    receiver.subscribe('FLASH', 'lifo');
    await receiver.whenIdle();
    sender.publish(new Event('FLASH'));
    receiver.postFifo(new Event('ROUTINE'));
    await receiver.whenIdle();
    expect(receiver.heard).toEqual(['FLASH', 'ROUTINE']);
  });

  it('equal priorities are delivered first-in first-out (miros: priority queue without tie order)', async () => {
    const clock = new VirtualClock();
    const fabric = new ActiveFabric({ clock });
    const sender = recorder('sender', { clock, fabric });
    const receiver = recorder('receiver', { clock, fabric });
    sender.startAt(hearing);
    receiver.startAt(hearing);
    receiver.subscribe('N');
    for (let i = 0; i < 20; i++) sender.publish(new Event('N', i), 7);
    await sender.whenIdle();
    await receiver.whenIdle();
    expect(receiver.heard).toEqual(Array.from({ length: 20 }, (_, i) => `N:${i}`));
  });

  it('publish/subscribe work on uninstrumented active objects (miros silently does nothing)', async () => {
    const clock = new VirtualClock();
    const fabric = new ActiveFabric({ clock });
    const sender = recorder('sender', { clock, fabric, instrumented: false });
    const receiver = recorder('receiver', { clock, fabric, instrumented: false });
    sender.startAt(hearing);
    receiver.startAt(hearing);
    receiver.subscribe('NEWS');
    sender.publish(new Event('NEWS'));
    await sender.whenIdle();
    await receiver.whenIdle();
    expect(receiver.heard).toEqual(['NEWS']);
  });

  it('every posted event is processed, however many arrive at once (miros LockingDeque can lose a wake-up)', async () => {
    const chart = recorder('burst', { clock: new RealClock(), instrumented: false });
    chart.startAt(hearing);
    for (let i = 0; i < 400; i++) chart.postFifo(new Event('N', i));
    await chart.whenIdle();
    expect(chart.heard).toHaveLength(400);
  });

  it("a timer never posts into another step's spy (miros's timer threads race POST lines into running steps)", async () => {
    const chart = recorder('racing', { clock: new RealClock() });
    chart.startAt(hearing);
    chart.postFifo(new Event('TICK'), { period: 0.005, times: 1 });
    chart.postFifo(new Event('SLOW'));
    await chart.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await chart.whenIdle();
    expect(chart.heard).toEqual(['SLOW', 'TICK']);
    expect(chart.spy()!.filter((line) => line.startsWith('POST_'))).toEqual([]);
  });

  it('a full queue raises QueueOverflowError (miros deques drop their oldest event)', () => {
    const chart = new HsmWithQueues();
    for (let i = 0; i < 500; i++) chart.postFifo(new Event('E', i));
    expect(() => chart.postFifo(new Event('E', 500))).toThrow(QueueOverflowError);
    expect(chart.queue.peekFront()!.payload).toBe(0);
  });

  it('finished one-shot timers make room for new ones (miros refuses the 501st timer even when 500 have finished)', () => {
    const clock = new VirtualClock();
    const chart = new ActiveObject('rearming', { clock, print: () => {} });
    // Like the seed chart's outer INIT: a fresh one-shot timer each time, never cancelled.
    for (let i = 0; i < 500; i++) chart.postFifo(new Event('T'), { period: 1, times: 1 });
    clock.advance(1.5);
    expect(chart.postedEvents).toHaveLength(500);
    const id = chart.postFifo(new Event('T'), { period: 1, times: 1 });
    expect(chart.postedEvents.map((record) => record.id)).toEqual([id]);
    expect(clock.pendingTimers).toBe(1);
  });

  it("a failing step is reported and rejects whenIdle (miros's worker thread dies and nothing notices)", async () => {
    const errors: unknown[] = [];
    const chart = recorder('fragile', { onError: (error) => errors.push(error) });
    chart.startAt(hearing);
    chart.postFifo(new Event('BOOM'));
    await expect(chart.whenIdle()).rejects.toThrow('boom');
    expect(errors).toHaveLength(1);
  });

  it('recall before startAt keeps the start trace entry (miros loses it: its spy tuples no longer start with START)', () => {
    const chart = new TopoChart();
    chart.defer(new Event('HOOK_A'));
    chart.recall();
    chart.startAt(a);
    expect(chart.trace()!.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('live trace after clearTrace with no new entry reports nothing (miros raises IndexError)', () => {
    const chart = startedTopo(a);
    chart.liveTrace = true;
    const live: string[] = [];
    chart.registerLiveTraceCallback((text) => live.push(text));
    chart.clearTrace();
    expect(() => chart.nextRtc()).not.toThrow();
    expect(live).toEqual([]);
  });

  it('live trace reports each new entry even when two share a timestamp (miros compares timestamps)', () => {
    const chart = new TopoChart({ clock: new VirtualClock() });
    chart.liveTrace = true;
    const live: string[] = [];
    chart.registerLiveTraceCallback((text) => live.push(text));
    chart.startAt(a);
    chart.postFifo(new Event('SIBLING'));
    chart.postFifo(new Event('F_TOPO'));
    chart.completeCircuit();
    expect(live.map((text) => text.replace(/^\n?\[[^\]]*\] /, ''))).toEqual([
      '[topo] e->start_at() top->a111\n', '[topo] e->SIBLING() a111->a21\n', '[topo] e->F_TOPO() a21->a111\n',
    ]);
  });

  it('misuse raises typed errors: dispatch before start, childState of an inactive state, unknown signal numbers', () => {
    expect(() => new TopoChart().dispatch(new Event('X'))).toThrow(ChartLifecycleError);
    expect(() => startedTopo().childState(b)).toThrow(StateNotActiveError);
    expect(() => new Event(123_456)).toThrow(UnknownSignalError);
  });
});
