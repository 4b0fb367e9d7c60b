import { describe, expect, it } from 'vitest';
import { firstDivergence } from '../../shared/diff/firstDivergence.ts';
import { t } from './support/transitions.ts';

const base = ['start_at:top->outer', 'to_inner:outer->inner', 'to_outer:inner->outer'];

describe('firstDivergence', () => {
  it.each([
    { why: 'is null for the same sequence', a: base, b: base, want: null },
    { why: 'is null for two empty runs', a: [], b: [], want: null },
    {
      why: 'finds the first position whose signal differs',
      a: base, b: ['start_at:top->outer', 'other_to_inner:outer->inner', 'to_outer:inner->outer'],
      want: { index: 1, a: 'to_inner:outer->inner', b: 'other_to_inner:outer->inner' },
    },
    {
      why: 'finds a difference in the target state alone',
      a: base, b: ['start_at:top->outer', 'to_inner:outer->outer', 'to_outer:inner->outer'],
      want: { index: 1, a: 'to_inner:outer->inner', b: 'to_inner:outer->outer' },
    },
    {
      why: 'finds a difference in the source state alone',
      a: ['start_at:top->outer'], b: ['start_at:top->inner'],
      want: { index: 0, a: 'start_at:top->outer', b: 'start_at:top->inner' },
    },
    {
      why: 'parts where the shorter run ends when it is a prefix of the longer (B went on)',
      a: base.slice(0, 2), b: base,
      want: { index: 2, a: null, b: 'to_outer:inner->outer' },
    },
    {
      why: 'parts where the shorter run ends (A went on)',
      a: base, b: [],
      want: { index: 0, a: 'start_at:top->outer', b: null },
    },
  ])('$why', ({ a, b, want }) => {
    const d = firstDivergence(t(...a), t(...b));
    const shorthand = (x: { signal: string; from: string; to: string } | null) => (x ? `${x.signal}:${x.from}->${x.to}` : null);
    expect(d && { index: d.index, a: shorthand(d.a), b: shorthand(d.b) }).toEqual(want);
  });

  it('ignores timestamps: the same moves at other times do not diverge', () => {
    const a = t(...base);
    const b = t(...base).map((x) => ({ ...x, time: x.time! + 3_600_000, seq: x.seq + 100 }));
    expect(firstDivergence(a, b)).toBeNull();
  });

  it('returns both runs’ own transitions (with their timestamps) at the divergence', () => {
    const a = t('start_at:top->outer', 'to_inner:outer->inner');
    const b = t('start_at:top->outer', 'to_outer:outer->inner');
    expect(firstDivergence(a, b)).toEqual({ index: 1, a: a[1], b: b[1] });
  });
});
