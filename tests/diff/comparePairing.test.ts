/** The Compare view's pairing: automatic matching, a pattern, and the user's own choices on top. */
import { describe, expect, it } from 'vitest';
import { RunTransitions } from '../../shared/diff/RunTransitions.ts';
import { comparePairing, type PairingChoice } from '../../web/src/panels/compare/comparePairing.ts';
import { t } from './support/transitions.ts';

function run(name: string, charts: Record<string, string[]>): RunTransitions {
  const r = new RunTransitions(name);
  for (const [chart, specs] of Object.entries(charts)) r.charts.set(chart, t(...specs));
  return r;
}

const A = run('a', { '04ccc_ao': ['start_at:top->outer', 'to_inner:outer->inner'], '04ccc_fo': ['start_at:top->outer'] });
const B = run('b', { '9f1e2_ao': ['start_at:top->outer', 'other_to_inner:outer->inner'], '9f1e2_fo': ['start_at:top->outer'] });

describe('comparePairing', () => {
  it.each<{ why: string; choice: PairingChoice; pairs: string[][]; onlyA: string[]; onlyB: string[]; identical: boolean }>([
    {
      why: 'pairs by name without hex prefixes when nothing is chosen',
      choice: { pattern: '', chosen: {} },
      pairs: [['04ccc_ao', '9f1e2_ao', 'name'], ['04ccc_fo', '9f1e2_fo', 'name']], onlyA: [], onlyB: [], identical: false,
    },
    {
      why: 'pairs by the pattern typed',
      choice: { pattern: '_(fo)$', chosen: {} },
      pairs: [['04ccc_fo', '9f1e2_fo', 'pattern']], onlyA: ['04ccc_ao'], onlyB: ['9f1e2_ao'], identical: false,
    },
    {
      why: 'takes a chart chosen by hand and pairs the rest automatically',
      choice: { pattern: '', chosen: { '04ccc_ao': '9f1e2_fo' } },
      pairs: [['04ccc_ao', '9f1e2_fo', 'hand']], onlyA: ['04ccc_fo'], onlyB: ['9f1e2_ao'], identical: false,
    },
    {
      why: 'leaves a chart set to "not compared" out, its partner listed as unpaired',
      choice: { pattern: '', chosen: { '04ccc_ao': null } },
      pairs: [['04ccc_fo', '9f1e2_fo', 'name']], onlyA: ['04ccc_ao'], onlyB: ['9f1e2_ao'], identical: false,
    },
  ])('$why', ({ choice, pairs, onlyA, onlyB, identical }) => {
    const { diff, error } = comparePairing(A, B, choice);
    expect(error).toBeNull();
    expect({
      pairs: diff!.charts.map((c) => [c.pair.a, c.pair.b, c.pair.by]),
      onlyA: diff!.onlyA.map((c) => c.name),
      onlyB: diff!.onlyB.map((c) => c.name),
      identical: diff!.identical,
    }).toEqual({ pairs, onlyA, onlyB, identical });
  });

  it('does not call the runs identical while a chart is left unpaired', () => {
    const { diff } = comparePairing(A, run('b', { '9f1e2_fo': ['start_at:top->outer'] }), { pattern: '', chosen: { '04ccc_ao': null } });
    expect([diff!.charts.length, diff!.onlyA.map((c) => c.name), diff!.identical]).toEqual([1, ['04ccc_ao'], false]);
  });

  it.each([
    [{ pattern: '(', chosen: {} }, /^pattern: Invalid regular expression/],
    [{ pattern: '', chosen: { '04ccc_ao': '9f1e2_ao', '04ccc_fo': '9f1e2_ao' } }, /each chart can be in one pair only/],
  ])('says what is wrong instead of comparing: %j', (choice, message) => {
    const { diff, error } = comparePairing(A, B, choice);
    expect(diff).toBeNull();
    expect(error).toMatch(message);
  });
});
