import { describe, expect, it } from 'vitest';
import { alignedRows } from '../../shared/diff/alignedRows.ts';
import { diffRuns } from '../../shared/diff/diffRuns.ts';
import { formatRunDiff } from '../../shared/diff/formatRunDiff.ts';
import { RunTransitions } from '../../shared/diff/RunTransitions.ts';
import type { Transition } from '../../shared/diff/Transition.ts';
import { t } from './support/transitions.ts';

function run(name: string, charts: Record<string, Transition[]>): RunTransitions {
  const r = new RunTransitions(name);
  for (const [chart, list] of Object.entries(charts)) r.charts.set(chart, list);
  return r;
}

const A = t('start_at:top->outer', 'to_inner:outer->inner', 'to_outer:inner->outer', 'to_inner:outer->inner');
const B = t('start_at:top->outer', 'to_inner:outer->inner', 'other_to_outer:inner->outer', 'to_inner:outer->inner', 'to_outer:inner->outer');

describe('alignedRows', () => {
  it('pairs both runs by position around the divergence, with the shorter side empty past its end', () => {
    const rows = alignedRows(A, B, 2, { before: 1, after: 3 });
    expect(rows.map((r) => [r.index, r.a?.signal ?? null, r.b?.signal ?? null, r.same])).toEqual([
      [1, 'to_inner', 'to_inner', true],
      [2, 'to_outer', 'other_to_outer', false],
      [3, 'to_inner', 'to_inner', true],
      [4, null, 'to_outer', false],
    ]);
  });

  it('clips the window at the start of the runs', () => {
    expect(alignedRows(A, B, 0, { before: 3, after: 1 }).map((r) => r.index)).toEqual([0]);
  });
});

describe('formatRunDiff', () => {
  it('prints each pair’s divergence with timestamps, the counts, the aligned window and the unpaired charts', () => {
    const diff = diffRuns(
      run('a.jsonl', { '04ccc_ao': A, '04ccc_fo': A, 'aaaa_only': A.slice(0, 1) }),
      run('b.jsonl', { '9f1e2_ao': B, '9f1e2_fo': A }),
    );
    expect(formatRunDiff(diff, { before: 1, after: 3 }).split('\n')).toEqual([
      'A: a.jsonl',
      'B: b.jsonl',
      '',
      '== ao: 04ccc_ao (A) ~ 9f1e2_ao (B), paired by name',
      '   first divergence at transition 3 (A made 4, B made 5)',
      '     A  to_outer() inner->outer           2026-01-02 00:00:02.000000',
      '     B  other_to_outer() inner->outer     2026-01-02 00:00:02.000000',
      '   only in A: 0',
      '   only in B: 1   1x other_to_outer() inner->outer',
      '',
      '     #  A 04ccc_ao                 B 9f1e2_ao',
      '     2  to_inner() outer->inner |  to_inner() outer->inner',
      '   > 3  to_outer() inner->outer !  other_to_outer() inner->outer',
      '     4  to_inner() outer->inner |  to_inner() outer->inner',
      '     5  (no transition)         !  to_outer() inner->outer',
      '',
      '== fo: 04ccc_fo (A) ~ 9f1e2_fo (B), paired by name',
      '   identical: 4 transitions',
      '',
      '== aaaa_only: only in A (1 transition); no chart of the other run matches',
      '',
      '2 chart pairs compared: 1 differ, 1 identical; 1 only in A, 0 only in B',
      '',
    ]);
    expect(diff.identical).toBe(false);
  });

  it('says when a run ended at the divergence', () => {
    const diff = diffRuns(run('a', { x: A.slice(0, 2) }), run('b', { x: A }));
    expect(formatRunDiff(diff).split('\n').slice(4, 7)).toEqual([
      '   first divergence at transition 3 (A made 2, B made 4)',
      '     A  (no further transition: the run ended here)',
      '     B  to_outer() inner->outer           2026-01-02 00:00:02.000000',
    ]);
  });

  it('calls runs identical only when every chart is paired and none diverged', () => {
    expect(diffRuns(run('a', { '04ccc_ao': A }), run('b', { '9f1e2_ao': A })).identical).toBe(true);
    expect(diffRuns(run('a', { '04ccc_ao': A }), run('b', { '9f1e2_ao': A, '9f1e2_fo': A })).identical).toBe(false);
  });
});
