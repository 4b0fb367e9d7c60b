import { describe, expect, it } from 'vitest';
import { pullBeforeFollowers } from '../../shared/sequence/model/pullBeforeFollowers.ts';

/** `after` maps an entry to the entries it must follow. */
const order = (entries: string, after: Record<string, string>) =>
  pullBeforeFollowers([...entries], (e) => [...(after[e] ?? '')]);

describe('pullBeforeFollowers', () => {
  it.each([
    ['keeps an order that breaks no constraint', 'abcd', { c: 'a' }, 'abcd'],
    ['pulls a late send back to just before its reception, the rest keeping their order', 'RxyS', { R: 'S' }, 'SRxy'],
    ['pulls what the send must follow along with it', 'RxTyS', { R: 'S', S: 'T' }, 'TSRxy'],
    ['pulls a send before the first of several receptions', 'RxQS', { R: 'S', Q: 'S' }, 'SRxQ'],
    ['ignores constraints on entries outside the run', 'ab', { a: 'z' }, 'ab'],
  ])('%s', (_, entries, after, expected) => {
    expect(order(entries, after)).toEqual({ order: [...expected], brokeCycle: false });
  });

  it('breaks a cycle at the latest entry and still returns every entry once', () => {
    const { order: result, brokeCycle } = order('abc', { a: 'c', c: 'a' });
    expect(brokeCycle).toBe(true);
    expect([...result].sort()).toEqual(['a', 'b', 'c']);
  });
});
