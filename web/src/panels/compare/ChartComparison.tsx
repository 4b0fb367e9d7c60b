/**
 * One chart pair of a comparison: the names, the first divergence with both
 * transitions and their times, the counts, and both sequences side by side,
 * numbered from 1 and aligned by position, the divergence row marked. The
 * window opens around the divergence and grows on request (a long run is
 * never drawn whole at once).
 */
import { useState } from 'react';
import { alignedRows } from '../../../../shared/diff/alignedRows.ts';
import type { ChartDiff } from '../../../../shared/diff/diffRuns.ts';
import { transitionLabel, transitionStamp, type Transition } from '../../../../shared/diff/Transition.ts';
import type { TransitionTally } from '../../../../shared/diff/transitionCounts.ts';

const BEFORE = 10;
const AFTER = 20;
const MORE = 50;

export function ChartComparison({ chart }: { chart: ChartDiff }) {
  const { pair, divergence, counts } = chart;
  const [extra, setExtra] = useState(0);
  const longest = Math.max(chart.a.length, chart.b.length);
  const at = divergence?.index ?? 0;
  const rows = divergence ? alignedRows(chart.a, chart.b, at, { before: BEFORE + extra, after: AFTER + extra }) : [];
  const complete = rows.length === 0 || (rows[0]!.index === 0 && rows[rows.length - 1]!.index === longest - 1);
  return (
    <section className="compare-chart" data-testid="compare-chart" data-key={pair.key} data-a={pair.a} data-b={pair.b} data-differs={divergence ? 'yes' : 'no'}>
      <h3>
        <span className="compare-key">{pair.by === 'hand' ? 'chosen' : pair.key}</span> <span className="side-a">{pair.a}</span> <span className="dim">(A) ~</span>{' '}
        <span className="side-b">{pair.b}</span> <span className="dim">(B), paired by {pair.by}</span>
      </h3>
      {!divergence && (
        <p data-testid="compare-identical">
          Identical: {chart.a.length.toLocaleString('en-US')} transitions in the same order.
        </p>
      )}
      {divergence && (
        <>
          <p data-testid="compare-divergence" data-index={divergence.index}>
            First divergence at transition <strong>{divergence.index + 1}</strong> (A made {chart.a.length.toLocaleString('en-US')}, B made{' '}
            {chart.b.length.toLocaleString('en-US')}):
          </p>
          <dl className="compare-sides">
            <dt>A</dt>
            <dd data-testid="compare-divergence-a">{describe(divergence.a)}</dd>
            <dt>B</dt>
            <dd data-testid="compare-divergence-b">{describe(divergence.b)}</dd>
          </dl>
          <p data-testid="compare-counts" data-only-a={counts.onlyA} data-only-b={counts.onlyB}>
            Only in A: <strong>{counts.onlyA}</strong>
            {tallies(counts.differing, 'a')} · only in B: <strong>{counts.onlyB}</strong>
            {tallies(counts.differing, 'b')}
          </p>
          <table className="compare-table">
            <thead>
              <tr>
                <th>#</th>
                <th>A {pair.a}</th>
                <th>time</th>
                <th aria-label="same or different" />
                <th>B {pair.b}</th>
                <th>time</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.index}
                  data-testid="compare-row"
                  data-index={row.index}
                  className={row.index === at ? 'divergence' : row.same ? undefined : 'differs'}
                  aria-current={row.index === at ? 'true' : undefined}
                >
                  <td className="num">{row.index + 1}</td>
                  <td data-testid="compare-row-a">{cell(row.a)}</td>
                  <td className="dim time">{row.a ? transitionStamp(row.a) : ''}</td>
                  <td className="mark">{row.same ? '=' : '≠'}</td>
                  <td data-testid="compare-row-b">{cell(row.b)}</td>
                  <td className="dim time">{row.b ? transitionStamp(row.b) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!complete && (
            <button type="button" onClick={() => setExtra((n) => n + MORE)}>
              Show {MORE} more on each side
            </button>
          )}
        </>
      )}
    </section>
  );
}

function cell(t: Transition | null): string {
  return t ? transitionLabel(t) : '—';
}

function describe(t: Transition | null): string {
  return t ? `${transitionLabel(t)} at ${transitionStamp(t)}` : 'no further transition: the run ended here';
}

function tallies(differing: readonly TransitionTally[], side: 'a' | 'b'): string {
  const mine = differing.filter((t) => (side === 'a' ? t.a > t.b : t.b > t.a));
  if (mine.length === 0) return '';
  const shown = mine.slice(0, 4).map((t) => `${Math.abs(t.a - t.b)}× ${transitionLabel(t)}`);
  return ` (${shown.join(', ')}${mine.length > 4 ? `, … ${mine.length - 4} more` : ''})`;
}
