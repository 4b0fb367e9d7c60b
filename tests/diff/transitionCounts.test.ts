import { describe, expect, it } from 'vitest';
import { transitionCounts } from '../../shared/diff/transitionCounts.ts';
import { t } from './support/transitions.ts';

const IN = 'to_inner:outer->inner';
const OUT = 'to_outer:inner->outer';
const OTHER_IN = 'other_to_inner:outer->inner';

describe('transitionCounts', () => {
  it.each([
    { why: 'is zero both ways for the same runs', a: [IN, OUT], b: [IN, OUT], want: { onlyA: 0, onlyB: 0, differing: [] } },
    { why: 'is zero for the same multiset in another order', a: [IN, OUT, IN], b: [IN, IN, OUT], want: { onlyA: 0, onlyB: 0, differing: [] } },
    {
      why: 'counts the surplus of a transition both runs made',
      a: [IN, OUT, IN, OUT, IN], b: [IN, OUT],
      want: { onlyA: 3, onlyB: 0, differing: [['to_inner', 3, 1], ['to_outer', 2, 1]] },
    },
    {
      why: 'counts transitions only one run made, each side on its own, largest difference first',
      a: [IN, OUT, IN, OUT], b: [OTHER_IN, OUT, OTHER_IN, OUT, OTHER_IN],
      want: { onlyA: 2, onlyB: 3, differing: [['other_to_inner', 0, 3], ['to_inner', 2, 0]] },
    },
    { why: 'counts everything of a run against an empty one', a: [], b: [IN, IN], want: { onlyA: 0, onlyB: 2, differing: [['to_inner', 0, 2]] } },
  ])('$why', ({ a, b, want }) => {
    const c = transitionCounts(t(...a), t(...b));
    expect({ onlyA: c.onlyA, onlyB: c.onlyB, differing: c.differing.map((d) => [d.signal, d.a, d.b]) }).toEqual(want);
  });

  it('tells transitions apart by their states, not only the signal', () => {
    const c = transitionCounts(t('go:a->b'), t('go:a->c'));
    expect(c.differing).toEqual([
      { signal: 'go', from: 'a', to: 'b', a: 1, b: 0 },
      { signal: 'go', from: 'a', to: 'c', a: 0, b: 1 },
    ]);
  });
});
