/**
 * (e) miros-rabbitmq's own deployment, a broker per machine, with the real
 * library on each machine (issue 11). Machine B is a network namespace the
 * run creates, with its own RabbitMQ (SecondMachine.ts):
 *
 *   machine A (this one)                          machine B (namespace)
 *   broker A 127.0.0.1:5672, the run's vhost      broker B 127.0.0.1:5672, a private node
 *     reached from B at 10.77.x.1                   reached from A at 10.77.x.2
 *   Python A ── consumes, publishes ── A          B ── consumes, publishes ── Python B
 *   our ao A ── consumes A, publishes ──▶ A and B ◀── publishes, consumes B ── our ao B
 *   miroscope serve ── consumes A
 *
 * The library's `networkable_active_object.py` (run unmodified by
 * `py_seed_chart.py`, as in (b)) runs on each machine, and on each one of
 * our seed charts that consumes from its own broker and publishes to both
 * (`peerAmqpUrls`, peerSeedChart.ts), for SECONDS seconds. It passes when:
 *
 * - Python B followed our A, and Python A followed our B: events that
 *   reached the other machine's broker only through our peer publishing;
 * - our A followed Python A, and our B followed Python B;
 * - each of those follows is printed by another process that hears it
 *   (our charts' follows by the Python node on the other machine: our
 *   trace crossing brokers; a Python node's by our chart on its machine),
 *   and, for the three charts broker A carries, is in the dashboard;
 * - the dashboard (on A) shows exactly Python A, our A and our B;
 * - neither Python node printed `Alien!`, and every mesh item the
 *   dashboard saw carried 127.0.0.1 (what both Python nodes know).
 *
 * The dashboard cannot show Python B, and that is the test harness, not our
 * side: py_seed_chart.py pins a Python node's working address and every
 * broker it discovers to 127.0.0.1, so a Python node knows only its own
 * machine's broker and publishes to it alone. On a LAN it would publish to
 * every broker it found, as ours do, and broker A would carry it too. What
 * our charts publish reaches both brokers; the line gives the counts.
 *
 * Follows are counted as in (b) (causedTransitions.ts), with one more rule,
 * because each chart hears two leaders here: a follow that two leaders
 * could explain is counted for neither (followsAcrossBrokers.ts). Both
 * Python nodes start first and alone, as in (b) (startPythonSeedNode.ts:
 * the library's discovery race); our charts join once both publish.
 */
import { join } from 'node:path';
import { tail, type Child, type Ended } from './ChildGroup.ts';
import { type Caused } from './causedTransitions.ts';
import { followsOnlyOf, noEchoTransmits } from './followsAcrossBrokers.ts';
import { type CheckResult, type InteropContext, type NetKeys } from './InteropContext.ts';
import { startDashboard } from './startDashboard.ts';
import { startSecondMachine, type SecondMachine } from './SecondMachine.ts';
import { startPythonSeedNode } from './startPythonSeedNode.ts';
import { ownChartName, snoopTraceLines, type TraceLine } from './snoopTraceLines.ts';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import type { MeshRecord, TraceRecord } from '../../shared/records/MirosRecord.ts';

const SECONDS = 60;
/** Each of the four directions at least once (see docs/interop.md for the counts seen). */
const MIN_EACH_WAY = 1;
const STARTUP_MS = 60_000;
const PY_ATTEMPTS = 3;
/** A transition this close to a process's end may legitimately miss its output. */
const END_MARGIN_MS = 2000;

export async function checkBrokerPerMachine(ctx: InteropContext): Promise<CheckResult> {
  const key = Fernet.generateKey(); // one key for all three networks, as in (b): the example passes only the mesh key
  const keys = { mesh: key, trace: key, spy: key };
  const machineB = await startSecondMachine(ctx);
  try {
    return await onTwoMachines(ctx, keys, machineB);
  } finally {
    await ctx.children.stopAll(); // nothing may still run in the namespace being removed
    await machineB.remove();
  }
}

async function onTwoMachines(ctx: InteropContext, keys: NetKeys, machineB: SecondMachine): Promise<CheckResult> {
  const urlA = ctx.amqpUrl;
  // Broker A as machine B reaches it: the link address, the run's vhost.
  const fromB = new URL(ctx.amqpUrl);
  fromB.hostname = machineB.addressA;
  const urlAFromB = fromB.href;
  const up = await startDashboard(ctx, keys, { label: 'miroscope serve (broker A)', recordings: 'e-recordings', waitForBroker: true });
  if (!up.ok) return up.failure;
  const { serve, dashboard } = up;

  // The two Python nodes cannot hear each other, so their discoveries cannot disturb each other: start both at once.
  const seed = (side: 'A' | 'B', amqpUrl: string, netns?: string) =>
    startPythonSeedNode(ctx, keys, { attempts: PY_ATTEMPTS, secondsAfterReady: SECONDS, label: `networkable_active_object.py (machine ${side})`, folder: `e-python-${side.toLowerCase()}`, amqpUrl, netns });
  const pyStart = Date.now();
  const timed = async (start: ReturnType<typeof seed>) => ({ ...(await start), seconds: (Date.now() - pyStart) / 1000 });
  const [startedA, startedB] = await Promise.all([timed(seed('A', urlA)), timed(seed('B', machineB.brokerUrl, machineB.netns))]);
  const notes = [...startedA.notes, ...startedB.notes].map((note) => `(not a failure) ${note}`);
  if (!startedA.python || !startedB.python) {
    dashboard.close();
    return { ok: false, line: `a Python node never published on its own (${PY_ATTEMPTS} tried per broker, before any of our traffic)`, details: notes };
  }
  const pythonA = startedA.python;
  const pythonB = startedB.python;

  const tsx = join(ctx.root, 'node_modules', '.bin', 'tsx');
  const chart = (side: 'A' | 'B', home: string, peer: string, netns?: string) =>
    ctx.startIn(netns, tsx, [join(ctx.root, 'scripts', 'interop', 'peerSeedChart.ts'), '--peer', peer, '--seconds', String(SECONDS), '--no-echo'], {
      env: ctx.ourEnv(keys, home),
      label: `our ao (machine ${side})`,
      cwd: ctx.root,
    });
  const oursA = chart('A', urlA, machineB.brokerUrlFromA);
  const oursB = chart('B', machineB.brokerUrl, urlAFromB, machineB.netns);
  const tsEnds = await Promise.all([oursA, oursB].map((c) => c.endWithin(SECONDS * 1000 + STARTUP_MS)));
  const pyEnds = await Promise.all([pythonA, pythonB].map((c) => (c.hasEnded ? c.ended : c.stop())));
  await new Promise((resolve) => setTimeout(resolve, 2000)); // the last records' way to the page
  dashboard.close();
  await serve.stop();

  const details: string[] = [];
  for (const [child, end] of [[oursA, tsEnds[0]!], [oursB, tsEnds[1]!], [pythonA, pyEnds[0]!], [pythonB, pyEnds[1]!]] as const) {
    const timedOut = 'timedOut' in end && end.timedOut;
    if (timedOut || end.code !== 0) details.push(`${child.label} ${timedOut ? 'ran out of time' : `exited ${end.code ?? end.signal}`}: ${tail(child.stderr)}`);
  }
  const pyA = sideOf(pythonA, pyEnds[0]!);
  const pyB = sideOf(pythonB, pyEnds[1]!);
  const tsA = sideOf(oursA, tsEnds[0]!);
  const tsB = sideOf(oursB, tsEnds[1]!);
  for (const side of [pyA, pyB, tsA, tsB]) if (!side.name) details.push(`${side.child.label} printed no trace line of its own: ${tail(side.child.stdout + side.child.stderr)}`);
  if (!pyA.name || !pyB.name || !tsA.name || !tsB.name) return { ok: false, line: 'a chart did not show itself', details: [...details, ...notes] };

  // Who transmitted what: Python on every entry, ours (--no-echo) after its own timer's moves only.
  const sent = { pyA: pyA.own, pyB: pyB.own, tsA: noEchoTransmits(tsA.own), tsB: noEchoTransmits(tsB.own) };
  const trace = dashboard.records.filter((r): r is TraceRecord => r.kind === 'trace');
  const follows: Follow[] = [
    // Broker B hears our A (peer publishing) and our B; Python A's items never reach it.
    { who: `Python B ${pyB.name}`, whom: `our A ${tsA.name}`, caused: followsOnlyOf(pyB.own, sent.tsA, sent.tsB), printedBy: tsB, inDashboard: false },
    // Broker A hears our B (peer publishing), our A and Python A.
    { who: `Python A ${pyA.name}`, whom: `our B ${tsB.name}`, caused: followsOnlyOf(pyA.own, sent.tsB, sent.tsA), printedBy: tsA, inDashboard: true },
    { who: `our A ${tsA.name}`, whom: `Python A ${pyA.name}`, caused: followsOnlyOf(tsA.own, sent.pyA, sent.tsB), printedBy: pyB, inDashboard: true },
    { who: `our B ${tsB.name}`, whom: `Python B ${pyB.name}`, caused: followsOnlyOf(tsB.own, sent.pyB, sent.tsA), printedBy: pyA, inDashboard: true },
  ];
  for (const f of follows) {
    if (f.caused.length < MIN_EACH_WAY) details.push(`${f.who} made ${f.caused.length} other_to_* transitions caused by ${f.whom} (at least ${MIN_EACH_WAY} needed)`);
    const cutoff = f.printedBy.end - END_MARGIN_MS;
    for (const c of f.caused) {
      if (c.effect.time < cutoff && !f.printedBy.printed.has(c.effect.text)) details.push(`${f.who}'s "${c.effect.text}" is missing from ${f.printedBy.child.label}'s output`);
      if (f.inDashboard && !inDashboard(trace, c.effect)) details.push(`${f.who}'s "${c.effect.text}" is missing from the dashboard`);
    }
  }

  // The dashboard on A: every chart broker A carries, and Python B, which the harness keeps off it.
  const seen = [...new Set(trace.map((r) => r.chart))].sort();
  const expected = [pyA.name, tsA.name, tsB.name].sort();
  if (seen.join() !== expected.join()) details.push(`the dashboard on broker A shows ${seen.join(', ') || 'no chart'}; expected exactly ${expected.join(', ')}`);
  const ofChart = (name: string) => trace.filter((r) => r.chart === name).length;
  const meshSenders = [...new Set(dashboard.records.filter((r): r is MeshRecord => r.kind === 'mesh').map((r) => r.sender))];
  if (meshSenders.some((s) => s !== '127.0.0.1')) details.push(`mesh items carried ${meshSenders.join(', ')}, not only 127.0.0.1 (the address the Python nodes know)`);
  const aliens = [pythonA, pythonB].flatMap((p) => [...p.stdout.matchAll(/^Alien!: (.*)$/gm)].map((m) => `${p.label}: ${m[1]}`));
  if (aliens.length > 0) details.push(`"Alien!" printed ${aliens.length} times: ${[...new Set(aliens)].join('; ')}`);
  if (dashboard.dropped > 0) details.push(`the dashboard client was told ${dashboard.dropped} records were dropped`);
  // Our side carries the rest: each of our charts' trace, as heard on the broker it does not consume from.
  const crossed = `Python B printed ${countOf(pyB, tsA.name)} of our A's ${tsA.own.length} trace lines, Python A ${countOf(pyA, tsB.name)} of our B's ${tsB.own.length}`;

  const line =
    `brokers at ${machineB.addressA} (A, the machine's, private vhost) and ${machineB.addressB} (B, namespace ${machineB.netns}, up in ${(machineB.startMs / 1000).toFixed(0)} s); ${SECONDS} s: ` +
    `Python nodes publishing after ${startedA.seconds.toFixed(0)} s (A) and ${startedB.seconds.toFixed(0)} s (B); ` +
    follows.map((f) => `${f.who} followed ${f.whom} ${f.caused.length}×`).join(', ') +
    `; ${crossed}; dashboard on A shows ${seen.length} charts (Python A ${ofChart(pyA.name)}, our A ${ofChart(tsA.name)}, our B ${ofChart(tsB.name)} trace records), ` +
    `not Python B (${ofChart(pyB.name)}): py_seed_chart.py pins a Python node's brokers to 127.0.0.1, so Python B publishes to broker B only — a limit of the test harness, not of our side; ` +
    `mesh senders ${meshSenders.join(', ') || 'none'}; Alien! ${aliens.length}`;
  const failed = details.length > 0;
  return { ok: !failed, line, details: [...details, ...notes] };
}

interface Side {
  child: Child;
  name: string | null;
  own: TraceLine[];
  /** Every transition line it printed (its own and others'), colours removed. */
  printed: Set<string>;
  lines: TraceLine[];
  /** When the process ended (epoch ms). */
  end: number;
}

interface Follow {
  who: string;
  whom: string;
  caused: Caused[];
  /** Another process that hears the follower's trace, and must have printed each follow. */
  printedBy: Side;
  /** Whether the follower's trace reaches broker A, where the dashboard listens. */
  inDashboard: boolean;
}

function sideOf(child: Child, end: Ended): Side {
  const name = ownChartName(child.stdout);
  const lines = snoopTraceLines(child.stdout);
  return { child, name, own: lines.filter((l) => l.chart === name), printed: new Set(lines.map((l) => l.text)), lines, end: end.at };
}

function countOf(printer: Side, chart: string): number {
  return printer.lines.filter((l) => l.chart === chart).length;
}

function inDashboard(trace: readonly TraceRecord[], l: TraceLine): boolean {
  return trace.some((r) => r.chart === l.chart && r.stamp === l.stamp && r.signal === l.signal && r.from === l.from && r.to === l.to);
}
