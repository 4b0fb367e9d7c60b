/**
 * Compare two runs (issue 12): pick two of the server's recordings, or one
 * and this page's records (the live session so far), and see per chart
 * where they parted. The comparison is the shared one (shared/diff/, as
 * `miroscope diff` prints it); this file only picks, loads and lays out.
 *
 *   ┌ A [recording ▾]  B [recording ▾]  [Compare]         [Close] ┐
 *   │ pattern [            ]   pairing: A chart → [B chart ▾] …    │
 *   │ ao: 04ccc_ao (A) ~ 9f1e2_ao (B)                               │
 *   │   first divergence at 4 · counts · side-by-side rows          │
 *   └───────────────────────────────────────────────────────────────┘
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RecordingInfo } from '../../../../shared/contract/recordings.ts';
import { useDashboard } from '../../panelApi/DashboardContext.tsx';
import { listRecordings } from '../../sources/recordingsApi.ts';
import { ChartComparison } from './ChartComparison.tsx';
import { comparePairing } from './comparePairing.ts';
import { useCompareView } from './compareViewState.ts';
import { loadRun, type LoadedRun } from './loadRun.ts';
import { choiceFromValue, choiceValue, type RunChoice } from './RunChoice.ts';
import './CompareView.css';

type Loading = { state: 'idle' } | { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; a: LoadedRun; b: LoadedRun };

export default function CompareView() {
  const { store } = useDashboard();
  const close = useCompareView((s) => s.closeCompare);
  const initialA = useCompareView((s) => s.initialA);
  const [recordings, setRecordings] = useState<RecordingInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [choiceA, setChoiceA] = useState<RunChoice | null>(initialA);
  const [choiceB, setChoiceB] = useState<RunChoice | null>(null);
  const [loading, setLoading] = useState<Loading>({ state: 'idle' });
  const [pattern, setPattern] = useState('');
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    listRecordings().then(setRecordings, (error: Error) => setListError(error.message));
    return () => abort.current?.abort();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  const compare = async () => {
    if (!choiceA || !choiceB) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setLoading({ state: 'loading' });
    setChosen({});
    try {
      const pageLog = () => store.getState().log;
      const [a, b] = await Promise.all([loadRun(choiceA, pageLog, controller.signal), loadRun(choiceB, pageLog, controller.signal)]);
      if (!controller.signal.aborted) setLoading({ state: 'ready', a, b });
    } catch (error) {
      if (!controller.signal.aborted) setLoading({ state: 'error', message: (error as Error).message });
    }
  };

  const result = useMemo(
    () => (loading.state === 'ready' ? comparePairing(loading.a.run, loading.b.run, { pattern, chosen }) : null),
    [loading, pattern, chosen],
  );

  const options = (
    <>
      <option value="">choose…</option>
      <option value="page:">this page's records ({store.getState().log.length.toLocaleString('en-US')})</option>
      {recordings?.map((r) => (
        <option key={r.name} value={choiceValue({ kind: 'recording', name: r.name })}>
          {r.name}
          {r.live ? ' (live)' : ''} · {r.records.toLocaleString('en-US')} records
        </option>
      ))}
    </>
  );

  return (
    <div className="compare">
      <header className="compare-head">
        <h2>Compare two runs</h2>
        <span className="spacer" />
        <button type="button" onClick={close} data-testid="compare-close">
          Close
        </button>
      </header>
      <div className="compare-pick">
        <label>
          A{' '}
          <select data-testid="compare-a" value={choiceValue(choiceA)} onChange={(e) => setChoiceA(choiceFromValue(e.target.value))}>
            {options}
          </select>
        </label>
        <label>
          B{' '}
          <select data-testid="compare-b" value={choiceValue(choiceB)} onChange={(e) => setChoiceB(choiceFromValue(e.target.value))}>
            {options}
          </select>
        </label>
        <button type="button" data-testid="compare-run" disabled={!choiceA || !choiceB || loading.state === 'loading'} onClick={() => void compare()}>
          Compare
        </button>
        {listError && <span className="dim">{listError}</span>}
        {loading.state === 'loading' && <span className="dim">loading both runs…</span>}
        {loading.state === 'error' && (
          <span className="error-text" data-testid="compare-error">
            {loading.message}
          </span>
        )}
      </div>
      {loading.state === 'ready' && (
        <>
          <p className="dim compare-runs" data-testid="compare-runs">
            A: {runLine(loading.a)} · B: {runLine(loading.b)}
          </p>
          <div className="compare-pairing">
            <label title="A regular expression: its first group (or the whole match) pairs the charts. Empty: names without hex prefixes and suffixes.">
              Pair by pattern{' '}
              <input data-testid="compare-pattern" value={pattern} placeholder="names without hex prefixes: 04ccc_ao ~ 9f1e2_ao" onChange={(e) => setPattern(e.target.value)} />
            </label>
            <table className="compare-pairs">
              <tbody>
                {[...loading.a.run.charts.keys()].map((chartA) => {
                  // The user's own choice shows even while it is in error (a B chart chosen twice).
                  const paired = chartA in chosen ? (chosen[chartA] ?? '') : (result?.diff?.charts.find((c) => c.pair.a === chartA)?.pair.b ?? '');
                  return (
                    <tr key={chartA}>
                      <td>{chartA}</td>
                      <td>→</td>
                      <td>
                        <select
                          data-testid="compare-pair"
                          data-chart={chartA}
                          value={paired}
                          onChange={(e) => setChosen((c) => ({ ...c, [chartA]: e.target.value === '' ? null : e.target.value }))}
                        >
                          <option value="">(not compared)</option>
                          {[...loading.b.run.charts.keys()].map((chartB) => (
                            <option key={chartB} value={chartB}>
                              {chartB}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {result?.error && (
            <p className="error-text" data-testid="compare-error">
              {result.error}
            </p>
          )}
          {result?.diff && (
            <>
              <p data-testid="compare-summary" data-identical={result.diff.identical ? 'yes' : 'no'}>
                {summary(result.diff)}
              </p>
              {result.diff.charts.map((chart) => (
                <ChartComparison key={`${chart.pair.a}\0${chart.pair.b}`} chart={chart} />
              ))}
              {[...result.diff.onlyA.map((c) => ['A', c] as const), ...result.diff.onlyB.map((c) => ['B', c] as const)].map(([side, c]) => (
                <p key={`${side}${c.name}`} className="dim" data-testid="compare-unpaired">
                  {c.name}: only in {side} ({c.transitions.toLocaleString('en-US')} transitions), not compared
                </p>
              ))}
            </>
          )}
        </>
      )}
    </div>
  );
}

function runLine({ run, unreadable }: LoadedRun): string {
  const lost = unreadable > 0 ? `, ${unreadable} unreadable lines` : '';
  return `${run.name}: ${run.charts.size} charts, ${run.transitions.toLocaleString('en-US')} transitions in ${run.records.toLocaleString('en-US')} records${lost}`;
}

function summary(diff: NonNullable<ReturnType<typeof comparePairing>['diff']>): string {
  const differ = diff.charts.filter((c) => c.divergence !== null).length;
  if (diff.identical) return `Identical: every chart made the same transitions in the same order (${diff.charts.length} pairs).`;
  return `${diff.charts.length} chart pairs compared: ${differ} differ, ${diff.charts.length - differ} identical; ${diff.onlyA.length} only in A, ${diff.onlyB.length} only in B.`;
}
