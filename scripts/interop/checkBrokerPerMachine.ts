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
 *   miroscope serve ── consumes A                miroscope serve ── consumes B (over the link)
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
 *   and is in the dashboard of every broker the follower's trace reaches;
 * - the dashboard on A shows exactly Python A, our A and our B, the one
 *   on B exactly Python B, our A and our B;
 * - each Python node printed every trace line of our chart on the other
 *   machine (what our peer publishing carried to its broker);
 * - neither Python node printed `Alien!`, and every mesh item the
 *   dashboards saw carried 127.0.0.1 (what both Python nodes know).
 *
 * Neither dashboard shows the other machine's Python node, and that is the
 * test harness, not our side: py_seed_chart.py pins a Python node's working
 * address and every broker it discovers to 127.0.0.1, so a Python node
 * knows only its own machine's broker and publishes to it alone. On a LAN
 * it would publish to every broker it found, as ours do. (The library's
 * hosts file could name the other broker, but its scout then publishes a
 * 12-character probe on that broker's mesh, which the Python node there
 * reads as a mesh item: `Alien!`, deaf; docs/interop.md.)
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
import type { DashboardClient } from './DashboardClient.ts';
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
  // A dashboard on each broker (both run on this machine; B's reaches its broker over the link).
  const ups = await Promise.all([
    startDashboard(ctx, keys, { label: 'miroscope serve (broker A)', recordings: 'e-recordings-a', waitForBroker: true }),
    startDashboard(ctx, keys, { label: 'miroscope serve (broker B)', recordings: 'e-recordings-b', waitForBroker: true, amqpUrl: machineB.brokerUrlFromA }),
  ]);
  const closeAll = () => ups.forEach((up) => up.ok && up.dashboard.close());
  for (const up of ups) {
    if (!up.ok) {
      closeAll();
      return up.failure;
    }
  }
  const [upA, upB] = ups as [Extract<(typeof ups)[number], { ok: true }>, Extract<(typeof ups)[number], { ok: true }>];

  // The two Python nodes cannot hear each other, so their discoveries cannot disturb each other: start both at once.
  const seed = (side: 'A' | 'B', amqpUrl: string, netns?: string) =>
    startPythonSeedNode(ctx, keys, { attempts: PY_ATTEMPTS, secondsAfterReady: SECONDS, label: `networkable_active_object.py (machine ${side})`, folder: `e-python-${side.toLowerCase()}`, amqpUrl, netns });
  const pyStart = Date.now();
  const timed = async (start: ReturnType<typeof seed>) => ({ ...(await start), seconds: (Date.now() - pyStart) / 1000 });
  const [startedA, startedB] = await Promise.all([timed(seed('A', urlA)), timed(seed('B', machineB.brokerUrl, machineB.netns))]);
  const notes = [...startedA.notes, ...startedB.notes].map((note) => `(not a failure) ${note}`);
  if (!startedA.python || !startedB.python) {
    closeAll();
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
  closeAll();
  await Promise.all([upA.serve.stop(), upB.serve.stop()]);

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
  const views = { A: dashboardView(upA.dashboard), B: dashboardView(upB.dashboard) };
  // Broker A carries Python A, our A and our B (a peer); broker B Python B, our B and our A (a peer).
  const follows: Follow[] = [
    { who: `Python B ${pyB.name}`, whom: `our A ${tsA.name}`, caused: followsOnlyOf(pyB.own, sent.tsA, sent.tsB), printedBy: tsB, carriedBy: ['B'] },
    { who: `Python A ${pyA.name}`, whom: `our B ${tsB.name}`, caused: followsOnlyOf(pyA.own, sent.tsB, sent.tsA), printedBy: tsA, carriedBy: ['A'] },
    { who: `our A ${tsA.name}`, whom: `Python A ${pyA.name}`, caused: followsOnlyOf(tsA.own, sent.pyA, sent.tsB), printedBy: pyB, carriedBy: ['A', 'B'] },
    { who: `our B ${tsB.name}`, whom: `Python B ${pyB.name}`, caused: followsOnlyOf(tsB.own, sent.pyB, sent.tsA), printedBy: pyA, carriedBy: ['A', 'B'] },
  ];
  for (const f of follows) {
    if (f.caused.length < MIN_EACH_WAY) details.push(`${f.who} made ${f.caused.length} other_to_* transitions caused by ${f.whom} (at least ${MIN_EACH_WAY} needed)`);
    const cutoff = f.printedBy.end - END_MARGIN_MS;
    for (const c of f.caused) {
      if (c.effect.time < cutoff && !f.printedBy.printed.has(c.effect.text)) details.push(`${f.who}'s "${c.effect.text}" is missing from ${f.printedBy.child.label}'s output`);
      for (const broker of f.carriedBy) if (!inDashboard(views[broker].trace, c.effect)) details.push(`${f.who}'s "${c.effect.text}" is missing from the dashboard on broker ${broker}`);
    }
  }

  // Each dashboard: both of our charts, and the Python node of its own machine only (see the module comment).
  const expected = { A: [pyA.name, tsA.name, tsB.name].sort(), B: [pyB.name, tsA.name, tsB.name].sort() };
  for (const broker of ['A', 'B'] as const) {
    const view = views[broker];
    if (view.charts.join() !== expected[broker].join()) details.push(`the dashboard on broker ${broker} shows ${view.charts.join(', ') || 'no chart'}; expected exactly ${expected[broker].join(', ')}`);
    if (view.senders.some((s) => s !== '127.0.0.1')) details.push(`mesh items on broker ${broker} carried ${view.senders.join(', ')}, not only 127.0.0.1 (the address the Python nodes know)`);
    if (view.dropped > 0) details.push(`the dashboard client on broker ${broker} was told ${view.dropped} records were dropped`);
  }
  const aliens = [pythonA, pythonB].flatMap((p) => [...p.stdout.matchAll(/^Alien!: (.*)$/gm)].map((m) => `${p.label}: ${m[1]}`));
  if (aliens.length > 0) details.push(`"Alien!" printed ${aliens.length} times: ${[...new Set(aliens)].join('; ')}`);
  // Our side carries everything it publishes to the broker it does not consume from: every trace line, printed there by the library.
  for (const [printer, ours, who] of [[pyB, tsA, 'Python B (broker B)'], [pyA, tsB, 'Python A (broker A)']] as const)
    if (countOf(printer, ours.name!) < ours.own.length) details.push(`${who} printed ${countOf(printer, ours.name!)} of the ${ours.own.length} trace lines ${ours.child.label} printed of itself`);
  const crossed = `Python B printed ${countOf(pyB, tsA.name)} of our A's ${tsA.own.length} trace lines, Python A ${countOf(pyA, tsB.name)} of our B's ${tsB.own.length}`;
  const shows = (broker: 'A' | 'B', names: [string, string][]) =>
    `dashboard on ${broker}: ${names.map(([label, name]) => `${label} ${views[broker].trace.filter((r) => r.chart === name).length}`).join(', ')} trace records`;

  const line =
    `brokers at ${machineB.addressA} (A, the machine's, private vhost) and ${machineB.addressB} (B, namespace ${machineB.netns}, up in ${(machineB.startMs / 1000).toFixed(0)} s); ${SECONDS} s: ` +
    `Python nodes publishing after ${startedA.seconds.toFixed(0)} s (A) and ${startedB.seconds.toFixed(0)} s (B); ` +
    follows.map((f) => `${f.who} followed ${f.whom} ${f.caused.length}×`).join(', ') +
    `; ${crossed}; ` +
    `${shows('A', [['Python A', pyA.name], ['our A', tsA.name], ['our B', tsB.name], ['Python B', pyB.name]])}; ` +
    `${shows('B', [['Python B', pyB.name], ['our A', tsA.name], ['our B', tsB.name], ['Python A', pyA.name]])}; ` +
    `each Python node reaches only its own machine's broker (py_seed_chart.py pins its brokers to 127.0.0.1: a limit of the test harness, not of our side); ` +
    `mesh senders ${[...new Set([...views.A.senders, ...views.B.senders])].join(', ') || 'none'}; Alien! ${aliens.length}`;
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
  /** The brokers the follower's trace reaches: their dashboards must show each follow. */
  carriedBy: ('A' | 'B')[];
}

/** What one dashboard saw: trace records, the charts among them, mesh senders. */
function dashboardView(dashboard: DashboardClient) {
  const trace = dashboard.records.filter((r): r is TraceRecord => r.kind === 'trace');
  return {
    trace,
    charts: [...new Set(trace.map((r) => r.chart))].sort(),
    senders: [...new Set(dashboard.records.filter((r): r is MeshRecord => r.kind === 'mesh').map((r) => r.sender))],
    dropped: dashboard.dropped,
  };
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
