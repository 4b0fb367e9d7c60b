/**
 * Every bounded queue refuses to overflow with a typed error and keeps what
 * it holds (miros's deques drop the oldest entry silently).
 */
import { describe, expect, it } from 'vitest';
import { ActiveFabric } from '../../server/statechart/ActiveFabric.ts';
import { ActiveObject } from '../../server/statechart/ActiveObject.ts';
import { BoundedDeque } from '../../server/statechart/BoundedDeque.ts';
import { Event } from '../../server/statechart/Event.ts';
import { HsmWithQueues } from '../../server/statechart/HsmWithQueues.ts';
import { ReturnStatus } from '../../server/statechart/returnStatus.ts';
import { spyOn } from '../../server/statechart/spyOn.ts';
import { QueueOverflowError, TimerResourcesExhaustedError } from '../../server/statechart/StatechartError.ts';
import { VirtualClock } from '../../server/statechart/VirtualClock.ts';

const idle = spyOn(function idle(chart: HsmWithQueues, e: Event) {
  if (e.signalName === 'FLOOD') {
    for (let i = 0; i < 600; i++) chart.postFifo(new Event('DROP'));
    return ReturnStatus.HANDLED;
  }
  return chart.super(chart.top);
});

describe('bounded queues', () => {
  it('the event queue holds 500 events and refuses the 501st, keeping the first 500 in order', () => {
    const chart = new HsmWithQueues({ name: 'full' });
    for (let i = 0; i < 500; i++) chart.postFifo(new Event('E', i));
    expect(() => chart.postLifo(new Event('E', 'late'))).toThrow(QueueOverflowError);
    expect(() => chart.postFifo(new Event('E', 'late'))).toThrow('event queue of chart full is full (500 items)');
    expect(chart.queue.toArray().map((e) => e.payload)).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('the deferred queue holds 500 events and refuses more', () => {
    const chart = new HsmWithQueues();
    for (let i = 0; i < 500; i++) chart.defer(new Event('D'));
    expect(() => chart.defer(new Event('D'))).toThrow(QueueOverflowError);
    expect(chart.deferQueue.length).toBe(500);
  });

  it('a step that overflows the queue fails the active object with the overflow error', async () => {
    const chart = new ActiveObject('flood', { clock: new VirtualClock(), onError: () => {}, print: () => {} });
    chart.startAt(idle);
    chart.postFifo(new Event('FLOOD'));
    await expect(chart.whenIdle()).rejects.toBeInstanceOf(QueueOverflowError);
  });

  it('more than 500 timed posts raise TimerResourcesExhaustedError and start no timer', () => {
    const clock = new VirtualClock();
    const chart = new ActiveObject('timers', { clock, print: () => {} });
    for (let i = 0; i < 500; i++) chart.postFifo(new Event('T'), { period: 1, times: 1 });
    expect(() => chart.postFifo(new Event('T'), { period: 1 })).toThrow(TimerResourcesExhaustedError);
    expect(chart.postedEvents).toHaveLength(500);
    expect(clock.pendingTimers).toBe(500);
  });

  it('a timer whose post overflows the queue reports the error instead of throwing into the clock', () => {
    const clock = new VirtualClock();
    const errors: unknown[] = [];
    const chart = new ActiveObject('slow', { clock, onError: (e) => errors.push(e), print: () => {} });
    for (let i = 0; i < 500; i++) chart.postFifo(new Event('E'));
    chart.postFifo(new Event('T'), { period: 1, times: 2 });
    expect(() => clock.advance(2)).not.toThrow();
    expect(errors.map((e) => (e as Error).constructor.name)).toEqual(['QueueOverflowError', 'QueueOverflowError']);
  });

  it('fabric delivery to a full subscriber is reported and the other subscribers still receive the event', async () => {
    const clock = new VirtualClock();
    const errors: unknown[] = [];
    const fabric = new ActiveFabric({ clock, onError: (e) => errors.push(e) });
    const full = new ActiveObject('full', { clock, fabric, print: () => {} });
    const roomy = new ActiveObject('roomy', { clock, fabric, print: () => {} });
    for (const chart of [full, roomy]) {
      chart.startAt(idle);
      chart.subscribe('NEWS');
      await chart.whenIdle();
    }
    full.stop();
    for (let i = 0; i < 499; i++) full.postFifo(new Event('E'));
    roomy.publish(new Event('NEWS'));
    clock.runImmediates();
    await roomy.whenIdle();
    expect(errors.map((e) => (e as Error).constructor.name)).toEqual(['QueueOverflowError']);
    expect(roomy.spy()!.slice(-2)).toEqual(['NEWS:idle', '<- Queued:(0) Deferred:(0)']);
  });

  it('BoundedDeque works from both ends around its wrap point', () => {
    const deque = new BoundedDeque<number>(3);
    deque.pushBack(1);
    deque.pushFront(0);
    deque.pushBack(2);
    expect(() => deque.pushFront(-1)).toThrow(QueueOverflowError);
    expect([deque.popFront(), deque.popFront()]).toEqual([0, 1]);
    deque.pushBack(3);
    deque.pushFront(1);
    expect(deque.toArray()).toEqual([1, 2, 3]);
  });
});
