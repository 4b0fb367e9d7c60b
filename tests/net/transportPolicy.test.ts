import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../server/net/transport/backoffDelay.ts';
import { ListenerSet } from '../../server/net/transport/ListenerSet.ts';
import { PublishBuffer } from '../../server/net/transport/PublishBuffer.ts';
import { redactSecrets, redactUrl } from '../../server/net/transport/redactUrl.ts';
import { topicMatches } from '../../server/net/transport/topicMatches.ts';

describe('topicMatches', () => {
  it.each([
    ['heya.man', 'heya.man', true],
    ['#.man', 'heya.man', true],
    ['#.man', 'man', true],
    ['#.man', 'a.b.c.man', true],
    ['#.man', 'heya.woman', false],
    ['*.man', 'heya.man', true],
    ['*.man', 'man', false],
    ['*.man', 'a.b.man', false],
    ['#', '', true],
    ['#', 'a.b', true],
    ['a.#.c', 'a.c', true],
    ['a.#.c', 'a.x.y.c', true],
    ['a.*.#', 'a', false],
    ['a.*.#', 'a.b', true],
    ['#.#', 'x', true],
    ['snoop.trace', 'snoop.spy', false],
    ['*', 'x', true],
    ['*', 'x.y', false],
  ])('pattern %s %s key %s', (pattern, key, expected) => {
    expect(topicMatches(pattern, key)).toBe(expected);
  });

  it('stays fast with many # wildcards', () => {
    const pattern = Array(30).fill('#').join('.') + '.z';
    const key = Array(60).fill('a').join('.');
    expect(topicMatches(pattern, key)).toBe(false);
  });
});

describe('backoffDelay', () => {
  const policy = { initialMs: 100, maxMs: 5_000, factor: 2, jitter: 0.2 };

  it('grows exponentially without jitter at the midpoint of the random range', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0.5))).toEqual([100, 200, 400, 800, 1600]);
  });

  it('spreads by ±jitter and never exceeds the cap', () => {
    expect([backoffDelay(1, policy, () => 0), backoffDelay(1, policy, () => 0.999999)]).toEqual([80, 120]);
    const late = [0, 0.5, 0.999999].map((r) => backoffDelay(40, policy, () => r));
    expect(late).toEqual([3333, 4167, 5000]);
  });
});

describe('PublishBuffer', () => {
  it('keeps the newest items and counts what it dropped', () => {
    const buffer = new PublishBuffer<number>(3);
    const accepted = [1, 2, 3, 4, 5].map((n) => buffer.push(n));
    expect([accepted, buffer.size, buffer.dropped, buffer.drain(), buffer.size]).toEqual([[true, true, true, false, false], 3, 2, [3, 4, 5], 0]);
  });

  it('with a limit of zero drops everything, counted', () => {
    const buffer = new PublishBuffer<number>(0);
    buffer.push(1);
    expect([buffer.size, buffer.dropped]).toEqual([0, 1]);
  });
});

describe('redactUrl', () => {
  it('removes credentials from URLs and messages', () => {
    const url = 'amqp://peter:rabbit-secret@10.0.0.5:5672/%2F';
    expect([
      redactUrl(url),
      redactUrl('amqp://127.0.0.1'),
      redactSecrets(`failed to reach ${url}: password rabbit-secret refused`, [url]),
    ]).toEqual(['amqp://***@10.0.0.5:5672/%2F', 'amqp://127.0.0.1', 'failed to reach amqp://***@10.0.0.5:5672/%2F: password *** refused']);
  });
});

describe('ListenerSet', () => {
  it('keeps calling the other listeners when one throws, and reports the throw', () => {
    const reported: string[] = [];
    const heard: number[] = [];
    const set = new ListenerSet<{ tick: (n: number) => void }>((error) => reported.push(String(error)));
    set.on('tick', () => {
      throw new Error('boom');
    });
    const off = set.on('tick', (n) => heard.push(n));
    set.emit('tick', 1);
    off();
    set.emit('tick', 2);
    expect([heard, reported]).toEqual([[1], ['Error: boom', 'Error: boom']]);
  });
});
