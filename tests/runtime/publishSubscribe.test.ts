/**
 * Publish/subscribe between active objects through an ActiveFabric:
 * subscriptions made before and after the worker runs, delivery order by
 * priority, and fifo/lifo placement in the subscriber's queue.
 */
import { describe, expect, it } from 'vitest';
import { ActiveFabric } from '../../server/statechart/ActiveFabric.ts';
import { ActiveObject } from '../../server/statechart/ActiveObject.ts';
import { Event } from '../../server/statechart/Event.ts';
import { ReturnStatus } from '../../server/statechart/returnStatus.ts';
import { spyOn } from '../../server/statechart/spyOn.ts';
import { VirtualClock } from '../../server/statechart/VirtualClock.ts';

class Listener extends ActiveObject {
  readonly heard: string[] = [];
}

const listening = spyOn(function listening(chart: Listener, e: Event) {
  if (e.signalName.startsWith('NEWS')) {
    chart.heard.push(`${e.signalName}:${String(e.payload)}`);
    return ReturnStatus.HANDLED;
  }
  return chart.super(chart.top);
});

function pair() {
  const clock = new VirtualClock();
  const fabric = new ActiveFabric({ clock });
  const make = (name: string) => new Listener(name, { clock, fabric, print: () => {} });
  return { clock, publisher: make('publisher'), subscriber: make('subscriber') };
}

describe('publish/subscribe', () => {
  it('a running subscriber notes the subscription; published events arrive in its queue without a POST line', async () => {
    const { publisher, subscriber } = pair();
    publisher.startAt(listening);
    subscriber.startAt(listening);
    subscriber.subscribe(new Event('NEWS'));
    publisher.publish(new Event('NEWS', 'hello'));
    await publisher.whenIdle();
    await subscriber.whenIdle();
    expect(subscriber.heard).toEqual(['NEWS:hello']);
    expect(subscriber.spy()!.slice(-3)).toEqual(['NEWS:listening', 'NEWS:listening:HOOK', '<- Queued:(0) Deferred:(0)']);
    expect(subscriber.spyRtc()).not.toContain('POST_FIFO:NEWS');
  });

  it('before the worker runs, subscribe and publish travel as meta events that top carries out', async () => {
    const { publisher, subscriber } = pair();
    subscriber.subscribe('NEWS');
    subscriber.startAt(listening);
    await subscriber.whenIdle();
    expect(subscriber.spy()).toEqual([
      'POST_LIFO:SUBSCRIBE_META_SIGNAL', 'START', 'SEARCH_FOR_SUPER_SIGNAL:listening', 'ENTRY_SIGNAL:listening',
      'INIT_SIGNAL:listening', '<- Queued:(1) Deferred:(0)',
      'SUBSCRIBE_META_SIGNAL:listening', 'SUBSCRIBING TO:(NEWS, TYPE:fifo)', '<- Queued:(0) Deferred:(0)',
    ]);
    publisher.publish(new Event('NEWS', 'early'), 5);
    publisher.startAt(listening);
    await publisher.whenIdle();
    await subscriber.whenIdle();
    expect(publisher.spy()!.slice(-3)).toEqual([
      'PUBLISH_META_SIGNAL:listening', 'PUBLISH:(NEWS, PRIORITY:5)', '<- Queued:(0) Deferred:(0)',
    ]);
    expect(subscriber.heard).toEqual(['NEWS:early']);
  });

  it('events published together are delivered most urgent first', async () => {
    const { publisher, subscriber } = pair();
    publisher.startAt(listening);
    subscriber.startAt(listening);
    for (const signal of ['NEWS_A', 'NEWS_B', 'NEWS_C']) subscriber.subscribe(signal);
    publisher.publish(new Event('NEWS_A', 'routine'));
    publisher.publish(new Event('NEWS_B', 'urgent'), 1);
    publisher.publish(new Event('NEWS_C', 'soon'), 10);
    await publisher.whenIdle();
    await subscriber.whenIdle();
    expect(subscriber.heard).toEqual(['NEWS_B:urgent', 'NEWS_C:soon', 'NEWS_A:routine']);
  });

  it('a lifo subscriber gets the published event ahead of what it already queued; fifo behind it', async () => {
    const { publisher, subscriber } = pair();
    publisher.startAt(listening);
    subscriber.startAt(listening);
    subscriber.subscribe('NEWS_URGENT', 'lifo');
    subscriber.subscribe('NEWS_LATER', 'fifo');
    await subscriber.whenIdle();
    publisher.publish(new Event('NEWS_URGENT', 'barged'));
    publisher.publish(new Event('NEWS_LATER', 'queued behind'));
    subscriber.postFifo(new Event('NEWS', 'already queued'));
    await publisher.whenIdle();
    await subscriber.whenIdle();
    expect(subscriber.heard).toEqual(['NEWS_URGENT:barged', 'NEWS:already queued', 'NEWS_LATER:queued behind']);
  });
});
