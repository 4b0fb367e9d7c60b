/**
 * The active object's worker and timed posts, driven by a VirtualClock (and
 * once by the real clock): what runs when, what stays queued, what
 * `whenIdle`, `stop` and a failing step do.
 */
import { describe, expect, it } from 'vitest';
import { ActiveFabric } from '../../server/statechart/ActiveFabric.ts';
import { ActiveObject, type ActiveObjectOptions } from '../../server/statechart/ActiveObject.ts';
import { Event } from '../../server/statechart/Event.ts';
import { RealClock } from '../../server/statechart/RealClock.ts';
import { ReturnStatus } from '../../server/statechart/returnStatus.ts';
import { spyOn } from '../../server/statechart/spyOn.ts';
import { VirtualClock } from '../../server/statechart/VirtualClock.ts';

const { HANDLED } = ReturnStatus;

/** Logs `what@seconds` (virtual seconds since the chart was made). */
class Timed extends ActiveObject {
  readonly log: string[] = [];
  private readonly t0: number;
  tickId: string | null = null;

  constructor(
    readonly virtual: VirtualClock,
    options: ActiveObjectOptions = {},
  ) {
    super('timed', { clock: virtual, fabric: new ActiveFabric({ clock: virtual }), print: () => {}, ...options });
    this.t0 = virtual.now();
  }

  note(what: string): number {
    this.log.push(`${what}@${Math.round(this.virtual.now() - this.t0) / 1000}`);
    return HANDLED;
  }
}

const waiting = spyOn(function waiting(chart: Timed, e: Event): number {
  switch (e.signalName) {
    case 'ENTRY_SIGNAL':
      chart.tickId = chart.postFifo(new Event('TICK'), { period: 1.0 });
      chart.postFifo(new Event('ONE_SHOT'), { period: 2.5, times: 1 });
      return chart.note('waiting-entry');
    case 'EXIT_SIGNAL':
      chart.cancelEvent(chart.tickId!);
      return HANDLED;
    case 'TICK': return chart.note('tick');
    case 'ONE_SHOT': return chart.note('one-shot') && chart.trans(alarm);
    default: return chart.super(chart.top);
  }
});

const alarm = spyOn(function alarm(chart: Timed, e: Event): number {
  switch (e.signalName) {
    case 'ENTRY_SIGNAL':
      chart.postLifo(new Event('RING'), { period: 0.75, times: 3 });
      return chart.note('alarm-entry');
    case 'RING': return chart.note('ring');
    case 'QUIET': chart.cancelEvents(new Event('RING')); return chart.note('quiet');
    case 'BOOM': throw new Error('handler blew up');
    default: return chart.super(chart.top);
  }
});

function started(options: ActiveObjectOptions = {}): Timed {
  const chart = new Timed(new VirtualClock(Date.UTC(2024, 0, 1)), options);
  chart.startAt(waiting);
  return chart;
}

describe('timed posts on a virtual clock', () => {
  it('fire in deadline order, and timers started by that work count from the firing time', async () => {
    const chart = started();
    chart.virtual.advance(5.0);
    await chart.whenIdle();
    expect(chart.log).toEqual([
      'waiting-entry@0', 'tick@1', 'tick@2', 'one-shot@2.5', 'alarm-entry@2.5', 'ring@3.25', 'ring@4', 'ring@4.75',
    ]);
  });

  it('post nothing before their first period, and a deferred:false post arrives at once', async () => {
    const chart = started();
    chart.virtual.advance(0.99);
    expect(chart.log).toEqual(['waiting-entry@0']);
    chart.postFifo(new Event('TICK'), { period: 0.5, times: 2, deferred: false });
    await chart.whenIdle();
    expect(chart.log).toEqual(['waiting-entry@0', 'tick@0.99']);
    chart.virtual.advance(0.6);
    expect(chart.log).toEqual(['waiting-entry@0', 'tick@0.99', 'tick@1', 'tick@1.49']);
  });

  it('keep finished timers listed until cancelled or stopped', async () => {
    const chart = started();
    expect(chart.postedEvents.map((t) => t.signalName)).toEqual(['TICK', 'ONE_SHOT']);
    chart.virtual.advance(2.6); // ONE_SHOT done; waiting's exit cancelled TICK; alarm added RING
    expect(chart.postedEvents.map((t) => [t.signalName, t.active])).toEqual([['ONE_SHOT', false], ['RING', true]]);
    await chart.stop();
    expect(chart.postedEvents).toEqual([]);
  });

  it('cancelEvents stops every timer of a signal, compared by value', async () => {
    const chart = started();
    chart.virtual.advance(3.3); // in alarm, one RING done
    chart.postFifo(new Event('QUIET'));
    await chart.whenIdle();
    chart.virtual.advance(3);
    expect(chart.log.slice(-2)).toEqual(['ring@3.25', 'quiet@3.3']);
  });

  it('cancelling stops future posts but leaves already queued events', async () => {
    const chart = new Timed(new VirtualClock());
    const id = chart.postFifo(new Event('TICK'), { period: 1 })!;
    chart.virtual.advance(2.5); // not started: the two posts wait in the queue
    chart.cancelEvent(id);
    chart.virtual.advance(5);
    expect(chart.queue.length).toBe(2);
    chart.startAt(waiting);
    await chart.whenIdle();
    expect(chart.log).toEqual(['waiting-entry@7.5', 'tick@7.5', 'tick@7.5']);
  });
});

describe('the worker', () => {
  it('processes events posted before startAt once started, after the start-up steps', async () => {
    const chart = new Timed(new VirtualClock());
    chart.postFifo(new Event('TICK'));
    chart.scribble('before start');
    chart.startAt(waiting);
    await chart.whenIdle();
    expect(chart.spy()).toEqual([
      'POST_FIFO:TICK', 'before start', 'START', 'SEARCH_FOR_SUPER_SIGNAL:waiting', 'ENTRY_SIGNAL:waiting',
      'INIT_SIGNAL:waiting', '<- Queued:(1) Deferred:(0)', 'TICK:waiting', 'TICK:waiting:HOOK', '<- Queued:(0) Deferred:(0)',
    ]);
  });

  it('stop lets earlier events run, then leaves STOP queued: later posts are never processed and timers end', async () => {
    const chart = started();
    chart.postFifo(new Event('TICK'));
    const stopped = chart.stop();
    chart.postFifo(new Event('TICK'));
    await stopped;
    expect(chart.log).toEqual(['waiting-entry@0', 'tick@0']);
    expect(chart.queue.toArray().map((e) => e.signalName)).toEqual(['STOP_ACTIVE_OBJECT_SIGNAL', 'TICK']);
    expect(chart.isRunning).toBe(false);
    chart.virtual.advance(10);
    expect(chart.virtual.pendingTimers).toBe(0);
    expect(chart.log).toEqual(['waiting-entry@0', 'tick@0']);
  });

  it('a step that throws stops the worker, reports the error and rejects whenIdle', async () => {
    const errors: unknown[] = [];
    const chart = started({ onError: (error) => errors.push(error) });
    chart.virtual.advance(2.5);
    chart.postFifo(new Event('BOOM'));
    await expect(chart.whenIdle()).rejects.toThrow('handler blew up');
    expect(errors.map((e) => (e as Error).message)).toEqual(['handler blew up']);
    expect(chart.isRunning).toBe(false);
    chart.postFifo(new Event('RING'));
    expect(chart.queue.length).toBe(1);
  });

  it('an unnamed active object is named after its start state (uuid5, 5 characters)', () => {
    const only = spyOn(function only(chart: ActiveObject) {
      return chart.super(chart.top);
    });
    const chart = new ActiveObject(null, { clock: new VirtualClock(), print: () => {} });
    chart.startAt(only);
    expect(chart.name).toBe('52bc3');
  });

  it('yields to the event loop while a chart keeps posting to itself (real clock)', async () => {
    let pings = 0;
    const pinging = spyOn(function pinging(chart: ActiveObject, e: Event) {
      if (e.signalName === 'PING') {
        pings += 1;
        chart.postFifo(new Event('PING'));
        return HANDLED;
      }
      return chart.super(chart.top);
    });
    const chart = new ActiveObject('pinger', { clock: new RealClock(), batchSize: 50, instrumented: false });
    chart.startAt(pinging);
    chart.postFifo(new Event('PING'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await chart.stop();
    expect(pings).toBeGreaterThan(50);
    expect(chart.isRunning).toBe(false);
  });
});
