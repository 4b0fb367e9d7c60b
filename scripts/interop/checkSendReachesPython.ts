/**
 * (d) `miroscope send` reaches a Python chart (issue 12): the library's own
 * `networkable_active_object.py` (run unmodified by `py_seed_chart.py`) is
 * alone on the private vhost with `miroscope serve`; when the dashboard shows
 * it has just entered `outer`, `miroscope send <its name> other_to_inner`
 * goes out through the server's REST route, and the Python node must print
 * `e->other_to_inner() outer->inner` for its own chart, and never `Alien!`.
 *
 * Nobody else on the vhost sends `other_to_inner` to it: the Python node
 * drops its own transmits (their payload is its name), and our send carries
 * no payload. So that line, on its first move out of `outer` after the entry
 * we saw, can only be our event. Its own timer (`to_inner`, 2–7 s after the
 * entry) may still move it first on a slow round; then the next entry into
 * `outer` is waited for and the send tried again, SEND_ATTEMPTS in all. The
 * send waits for an entry under FRESH_MS old, so the timer has at least
 * 0.5 s left.
 *
 * The Python node starts before any send, and one that the library's
 * discovery race leaves without producers (it never prints a trace line of
 * its own) is replaced (startPythonSeedNode.ts).
 */
import { tail, type Child } from './ChildGroup.ts';
import type { DashboardClient } from './DashboardClient.ts';
import type { CheckResult, InteropContext, NetKeys } from './InteropContext.ts';
import { startDashboard } from './startDashboard.ts';
import { startPythonSeedNode } from './startPythonSeedNode.ts';
import { ownChartName, snoopTraceLines, type TraceLine } from './snoopTraceLines.ts';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import type { MirosRecord, TraceRecord } from '../../shared/records/MirosRecord.ts';

/** Python nodes tried before the check gives up (startPythonSeedNode.ts). */
const PY_ATTEMPTS = 2;
const SEND_ATTEMPTS = 5;
/** An entry into `outer` this recent leaves the 2 s minimum timer at least 0.5 s. */
const FRESH_MS = 1500;
/** One outer/inner cycle takes at most 14 s (two 7 s timers). */
const ENTRY_WAIT_MS = 20_000;
/** The timer leaves `outer` at most 7 s after the entry; plus the trace's way back. */
const REACTION_WAIT_MS = 10_000;
/** Everything after the Python node is up: 5 rounds fit in well under this. */
const SENDS_BUDGET_MS = 70_000;

export async function checkSendReachesPython(ctx: InteropContext): Promise<CheckResult> {
  const key = Fernet.generateKey(); // the library's example passes only its mesh key
  const keys = { mesh: key, trace: key, spy: key };
  const up = await startDashboard(ctx, keys, { label: 'miroscope serve (d)', recordings: 'd-recordings', waitForBroker: false });
  if (!up.ok) return up.failure;
  const { url, dashboard } = up;
  try {
    const started = await startPythonSeedNode(ctx, keys, { attempts: PY_ATTEMPTS, secondsAfterReady: SENDS_BUDGET_MS / 1000, label: 'networkable_active_object.py (d)', folder: 'd-python' });
    if (!started.python) return { ok: false, line: `the Python node never published on its own (${PY_ATTEMPTS} nodes tried)`, details: started.notes };
    const result = await sendUntilReacted(ctx, started.python, url, dashboard, keys);
    result.details.push(...started.notes.map((note) => `(not a failure) ${note}`));
    return result;
  } finally {
    dashboard.close();
  }
}

async function sendUntilReacted(ctx: InteropContext, python: Child, url: string, dashboard: DashboardClient, keys: NetKeys): Promise<CheckResult> {
  const name = ownChartName(python.stdout)!;
  const details: string[] = [];
  const deadline = Date.now() + SENDS_BUDGET_MS;
  let attempts = 0;
  let unknownRoute = 0;
  let timerFirst = 0;
  let lastEntry = 0;
  let reacted: TraceLine | null = null;
  while (attempts < SEND_ATTEMPTS && !reacted && Date.now() < deadline) {
    const entry = await freshOuterEntry(dashboard, name, lastEntry, Math.min(ENTRY_WAIT_MS, deadline - Date.now()));
    if (entry === null) {
      details.push(`the dashboard showed ${name} entering outer no more within ${ENTRY_WAIT_MS / 1000} s`);
      break;
    }
    lastEntry = entry;
    const send = ctx.startMiroscope(['send', name, 'other_to_inner', '--url', url], keys, `miroscope send #${attempts + 1}`);
    const end = await send.endWithin(20_000);
    if (end.code !== 0) {
      // The server learns a chart's routing key from its mesh transmits; the
      // trace line can come before the transmit that goes with it.
      if (/not been heard transmitting|no routing key has been heard/.test(send.stderr)) {
        unknownRoute++;
        continue;
      }
      attempts++;
      details.push(`send ${attempts} ${end.timedOut ? 'ran out of time' : `exited ${end.code ?? end.signal}`}: ${tail(send.stderr)}`);
      continue;
    }
    attempts++;
    const exit = await python
      .waitFor((out) => firstExitFromOuter(snoopTraceLines(out), name, entry), REACTION_WAIT_MS, `move out of outer after ${attempts} sends`)
      .catch(() => null);
    if (exit?.signal === 'other_to_inner' && exit.to === 'inner') reacted = exit;
    else if (exit) timerFirst++;
    else details.push(`after send ${attempts}, ${name} printed no move out of outer within ${REACTION_WAIT_MS / 1000} s`);
  }

  const aliens = [...python.stdout.matchAll(/^Alien!: (.*)$/gm)].map((m) => m[1]!);
  if (!reacted) details.unshift(`${name} never printed "e->other_to_inner() outer->inner" after a send`);
  if (aliens.length > 0) details.push(`the Python node printed "Alien!" ${aliens.length} times, for ${[...new Set(aliens)].join(', ')}`);
  if (timerFirst > 0 && reacted) details.push(`(not a failure) its own timer moved it first on ${timerFirst} of ${attempts} sends`);
  if (unknownRoute > 0) details.push(`(not a failure) ${unknownRoute} sends came before the server had heard ${name} transmit (404, not counted)`);
  const line =
    `Python ${name} ${reacted ? `printed "${reacted.text.replace(/^\[[^\]]*\] /, '')}"` : 'did not react'} ` +
    `after ${attempts} of at most ${SEND_ATTEMPTS} sends (${timerFirst} beaten by its own timer); Alien! ${aliens.length}`;
  return { ok: !details.some((d) => !d.startsWith('(not a failure)')), line, details };
}

/** Waits until the dashboard holds an entry of `chart` into `outer`, newer than `after` and under FRESH_MS old; its stamp (epoch ms), or null. */
async function freshOuterEntry(dashboard: DashboardClient, chart: string, after: number, ms: number): Promise<number | null> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const entered = latestEntry(dashboard.records, chart, 'outer');
    if (entered !== null && entered > after && Date.now() - entered < FRESH_MS) return entered;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

/** The stamp (epoch ms, UTC) of the last trace record of `chart` entering `state`, or null. */
export function latestEntry(records: readonly MirosRecord[], chart: string, state: string): number | null {
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    if (r.kind !== 'trace' || r.chart !== chart || (r as TraceRecord).to !== state) continue;
    const at = stampMs((r as TraceRecord).stamp);
    if (at !== null) return at;
  }
  return null;
}

/** `2026-12-06 11:40:01.000100` read as UTC (every process of the run has TZ=UTC), epoch ms; null for any other shape. */
export function stampMs(stamp: string | undefined): number | null {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6})$/.exec(stamp ?? '');
  if (!m) return null;
  const [, y, mo, d, h, mi, s, us] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) + us! / 1000;
}

/** The chart's first printed move out of `outer` stamped after `enteredAt` (its entry), or null while there is none. */
export function firstExitFromOuter(lines: readonly TraceLine[], chart: string, enteredAt: number): TraceLine | null {
  return lines.find((l) => l.chart === chart && l.from === 'outer' && l.time > enteredAt) ?? null;
}
