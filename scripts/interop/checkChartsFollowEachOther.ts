/**
 * (b) The library's own `networkable_active_object.py` (run unmodified by
 * `py_seed_chart.py`) and our `networked-factory` example run together for
 * 40 s. Each must make `other_to_*` transitions caused by the other (see
 * causedTransitions.ts): at least MIN_EACH_WAY each way and MIN_TOTAL in
 * all. After their first follow the two charts share a state, so every
 * timer move of either is followed by the other — about ten follows in
 * 40 s — but which chart leads is a coin toss each time, so "at least 2
 * each way" would fail a few runs in a hundred with nothing wrong. Each such
 * transition must be visible in the other's terminal output and in the
 * dashboard (`miroscope serve`, read through socket.io as the page reads it).
 *
 * Our chart runs with `--no-echo` (it transmits after its own timer's moves
 * only). The seed design re-transmits after every move, a peer's included,
 * and the factory version hears its own payload-less transmits: now and
 * then (once in about 15 runs here) the pair locked into swapping states at
 * network speed, 600 transitions each in 40 s (docs/networked.md, "Limits
 * of the seed chart"), which can end a chart at 500 running timers. That is
 * the seed chart's design, not the wire; the Python node still echoes.
 *
 * One key serves all three networks: the library's example passes only
 * `mesh_encryption_key`, so its snoop networks use that key too.
 *
 * The library's discovery has a race that leaves some Python nodes silent
 * (startPythonSeedNode.ts): the Python node starts first and our chart
 * joins once it has shown that it publishes; a node the race leaves silent
 * shows itself before any of our traffic and is replaced.
 */
import { tail, type Child } from './ChildGroup.ts';
import { transitionsCausedBy, type Caused } from './causedTransitions.ts';
import { type CheckResult, type InteropContext } from './InteropContext.ts';
import { startDashboard } from './startDashboard.ts';
import { startPythonSeedNode } from './startPythonSeedNode.ts';
import { ownChartName, snoopTraceLines, type TraceLine } from './snoopTraceLines.ts';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import type { TraceRecord } from '../../shared/records/MirosRecord.ts';

const SECONDS = 40;
const MIN_EACH_WAY = 1;
const MIN_TOTAL = 4;
const STARTUP_MS = 60_000;
/** Python nodes tried before the check gives up (startPythonSeedNode.ts). */
const PY_ATTEMPTS = 3;
/** A transition this close to the other process's end may legitimately miss its output. */
const END_MARGIN_MS = 2000;

export async function checkChartsFollowEachOther(ctx: InteropContext): Promise<CheckResult> {
  const key = Fernet.generateKey();
  const keys = { mesh: key, trace: key, spy: key };
  const up = await startDashboard(ctx, keys, { label: 'miroscope serve', recordings: 'b-recordings', waitForBroker: true });
  if (!up.ok) return up.failure;
  const { serve, dashboard } = up;

  const started = await startPythonSeedNode(ctx, keys, { attempts: PY_ATTEMPTS, secondsAfterReady: SECONDS, label: 'networkable_active_object.py', folder: 'b-python' });
  if (!started.python) {
    dashboard.close();
    return { ok: false, line: `the Python node never published on its own (${PY_ATTEMPTS} nodes tried, before any of our traffic)`, details: started.notes };
  }
  const python = started.python;
  const ours = ctx.startExample('networked-factory', ['--seconds', String(SECONDS), '--no-echo'], keys);
  const tsEnd = await ours.endWithin(SECONDS * 1000 + STARTUP_MS);
  const pyEnd = python.hasEnded ? { ...(await python.ended), timedOut: false } : { ...(await python.stop()), timedOut: false };
  await new Promise((resolve) => setTimeout(resolve, 2000)); // the last records' way to the page
  dashboard.close();
  await serve.stop();

  const details: string[] = [];
  for (const [child, end] of [[python, pyEnd], [ours, tsEnd]] as const)
    if (end.timedOut || end.code !== 0) details.push(`${child.label} ${end.timedOut ? 'ran out of time' : `exited ${end.code ?? end.signal}`}: ${tail(child.stderr)}`);
  const py = sideOf(python);
  const ts = sideOf(ours);
  if (!py.name) details.push(`the Python node printed no trace line of its own (no producers?): ${tail(python.stdout + python.stderr)}`);
  if (!ts.name) details.push(`networked-factory printed no trace line of its own: ${tail(ours.stderr)}`);
  const aliens = [...python.stdout.matchAll(/^Alien!: (.*)$/gm)].map((m) => m[1]!);
  if (!py.name || !ts.name) return { ok: false, line: 'a chart did not show itself', details };

  const trace = dashboard.records.filter((r): r is TraceRecord => r.kind === 'trace');
  const cutoff = Math.min(pyEnd.at, tsEnd.at) - END_MARGIN_MS;
  const pyCaused = transitionsCausedBy(py.own, ts.own);
  const tsCaused = transitionsCausedBy(ts.own, py.own);
  const pyView = visibility(pyCaused, ts.printed, trace, cutoff);
  const tsView = visibility(tsCaused, py.printed, trace, cutoff);
  for (const [who, caused, view, where] of [
    [`${py.name} (Python)`, pyCaused, pyView, 'networked-factory'],
    [`${ts.name} (ours)`, tsCaused, tsView, 'the Python node'],
  ] as const) {
    if (caused.length < MIN_EACH_WAY) details.push(`${who} made ${caused.length} other_to_* transitions caused by the other chart (at least ${MIN_EACH_WAY} needed)`);
    for (const line of view.notPrinted) details.push(`${who}'s "${line}" is missing from ${where}'s output`);
    for (const line of view.notInDashboard) details.push(`${who}'s "${line}" is missing from the dashboard`);
  }
  if (pyCaused.length + tsCaused.length < MIN_TOTAL)
    details.push(`${pyCaused.length + tsCaused.length} other_to_* transitions caused by the other chart in all (at least ${MIN_TOTAL} needed)`);
  if (aliens.length > 0) details.push(`the Python node printed "Alien!" ${aliens.length} times, for ${[...new Set(aliens)].join(', ')}`);
  if (dashboard.dropped > 0) details.push(`the dashboard client was told ${dashboard.dropped} records were dropped`);

  details.push(...started.notes.map((note) => `(not a failure) ${note}`));
  const line =
    `${SECONDS} s: Python ${py.name} made ${pyCaused.length} other_to_* transitions caused by ours ` +
    `(${pyView.printed} in our output, ${pyView.inDashboard} in the dashboard), ` +
    `our ${ts.name} made ${tsCaused.length} caused by Python (${tsView.printed} in its output, ${tsView.inDashboard} in the dashboard); ` +
    `Alien! ${aliens.length}; dashboard ${trace.length} trace records`;
  const failed = details.some((d) => !d.startsWith('(not a failure)'));
  return { ok: !failed, line, details };
}

interface Side {
  name: string | null;
  /** The chart's own transitions, as it printed them. */
  own: TraceLine[];
  /** Every transition line it printed (its own and the other's), colours removed. */
  printed: Set<string>;
}

function sideOf(child: Child): Side {
  const name = ownChartName(child.stdout);
  const lines = snoopTraceLines(child.stdout);
  return { name, own: lines.filter((l) => l.chart === name), printed: new Set(lines.map((l) => l.text)) };
}

function visibility(caused: readonly Caused[], otherPrinted: Set<string>, trace: readonly TraceRecord[], cutoff: number) {
  const inDashboard = (l: TraceLine) => trace.some((r) => r.chart === l.chart && r.stamp === l.stamp && r.signal === l.signal && r.from === l.from && r.to === l.to);
  const notPrinted = caused.filter((c) => c.effect.time < cutoff && !otherPrinted.has(c.effect.text)).map((c) => c.effect.text);
  const notInDashboard = caused.filter((c) => !inDashboard(c.effect)).map((c) => c.effect.text);
  return {
    printed: caused.filter((c) => otherPrinted.has(c.effect.text)).length,
    inDashboard: caused.length - notInDashboard.length,
    notPrinted,
    notInDashboard,
  };
}
