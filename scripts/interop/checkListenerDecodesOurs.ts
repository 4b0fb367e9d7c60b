/**
 * (a) A Python listener — the library's own PikaTopicConsumer on pika 0.13.1,
 * `py_listen.py --strict --restricted` — decodes every trace, spy and mesh
 * message our two examples publish in 15 s, with no failure and no dead
 * consumer.
 *
 * "Every" is counted: each example says on stderr what it published per
 * network (sent + buffered, none dropped), and the listener's per-network
 * counts must equal the sums exactly. The listener is bound before the
 * examples start and stops 8 s after the last message it decoded.
 *
 * The examples run at `--time-scale 0.01` (timers of 20–70 ms instead of
 * 2–7 s) with `--spy`, so that each node numbers well over 128 messages on
 * every network within the 15 s: 128 is where a header our nodes send once
 * stopped decoding in pika 0.13.1 (the `s` field tag; docs/interop.md).
 * `--no-echo` keeps two fast charts from locking into a swapping storm
 * (docs/networked.md), which would end an example early.
 * `--allow-extra-headers x-miroscope-`: our correlation headers ride next to
 * the library's `version: 1.0`; every other property must be the library's.
 *
 * Beyond the counts: every trace and spy line an example printed for its own
 * chart (it prints what it hears back from the snoop networks) must be among
 * the items Python decoded, and every mesh item must carry the broker's host
 * as its address — the address a Python node on this broker knows (an
 * unknown one sends it down its "Alien!" branch; see check (b)).
 */
import type { Child } from './ChildGroup.ts';
import { tail } from './ChildGroup.ts';
import { exampleCounters, NETWORKS, type Network } from './exampleCounters.ts';
import { InteropContext, type CheckResult } from './InteropContext.ts';
import { listenerReport } from './listenerReport.ts';
import { printedLinesDecoded } from './printedLinesDecoded.ts';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

const SECONDS = 15;
const EXAMPLES = ['networked-ao', 'networked-factory'] as const;
const EXAMPLE_ARGS = ['--seconds', String(SECONDS), '--spy', '--no-echo', '--time-scale', '0.01', '--no-color'];
/** Start-up (tsx compiling on a busy machine) plus the run, plus draining. */
const STARTUP_MS = 60_000;
const LISTENER_IDLE_S = 8;

export async function checkListenerDecodesOurs(ctx: InteropContext): Promise<CheckResult> {
  const keys = InteropContext.freshKeys();
  const ready = join(ctx.scratch, 'a-listener.ready');
  const listenerBudgetS = SECONDS + (2 * STARTUP_MS) / 1000;
  const listener = ctx.startPython(
    'py_listen.py',
    ['--strict', '--restricted', '--allow-extra-headers', 'x-miroscope-', '--timeout', String(listenerBudgetS), '--idle', String(LISTENER_IDLE_S), '--ready-file', ready],
    keys,
    'py_listen',
  );
  try {
    await listener.waitFor(() => existsSync(ready), 30_000, 'ready file (consumers bound)');
  } catch (error) {
    return { ok: false, line: 'the Python listener did not bind', details: [(error as Error).message] };
  }

  const examples: Child[] = EXAMPLES.map((name) => ctx.startExample(name, EXAMPLE_ARGS, keys));
  const charts: (string | undefined)[] = [];
  const ends = await Promise.all(examples.map((child) => child.endWithin(SECONDS * 1000 + STARTUP_MS)));
  const heard = await listener.endWithin(listenerBudgetS * 1000 + 10_000);

  const details: string[] = [];
  const expected: Record<Network, number> = { trace: 0, spy: 0, mesh: 0 };
  const perChart: string[] = [];
  examples.forEach((child, i) => {
    const end = ends[i]!;
    const counters = exampleCounters(child.stderr);
    if (end.timedOut || end.code !== 0) details.push(`${child.label} ${end.timedOut ? 'ran out of time' : `exited ${end.code ?? end.signal}`}: ${tail(child.stderr)}`);
    if (!counters) return void details.push(`${child.label} did not say what it published: ${tail(child.stderr)}`);
    for (const network of NETWORKS) {
      const p = counters.published[network];
      expected[network] += p.sent + p.buffered;
      if (p.dropped > 0) details.push(`${counters.chart} dropped ${p.dropped} ${network} messages (so "every" cannot be checked)`);
    }
    charts[i] = counters.chart;
    perChart.push(`${counters.chart} ${NETWORKS.map((n) => counters.published[n].sent + counters.published[n].buffered).join('/')}`);
  });

  const report = listenerReport(listener.stdout);
  const summary = report.summary;
  if (heard.timedOut) details.push('the Python listener ran out of time');
  if (!summary) {
    details.push(`the Python listener printed no summary (exit ${heard.code ?? heard.signal}): ${tail(listener.stderr)}`);
    return { ok: false, line: 'no report from the Python listener', details };
  }
  const decoded = NETWORKS.map((n) => `${n} ${summary.counts[n]}/${expected[n]}`).join(', ');
  for (const network of NETWORKS) {
    if (expected[network] === 0) details.push(`our examples published no ${network} messages`);
    else if (summary.counts[network] !== expected[network])
      details.push(`${network}: the Python listener decoded ${summary.counts[network]} of the ${expected[network]} our examples published`);
  }
  const content = printedLinesDecoded(examples.map((child, i) => ({ chart: charts[i], stdout: child.stdout })), report.items);
  if (content.missing.length > 0)
    details.push(`${content.missing.length} of the ${content.checked} lines our examples printed for their own charts were not decoded by Python, first ${JSON.stringify(content.missing[0])}`);
  const brokerHost = new URL(ctx.amqpUrl).hostname;
  const addresses = report.items.filter((r) => r.kind === 'mesh').map((r) => String(r.ip));
  const foreign = addresses.filter((ip) => ip !== brokerHost);
  if (foreign.length > 0) details.push(`${foreign.length} of ${addresses.length} mesh items carry ${[...new Set(foreign)].join(', ')}, not the broker's host ${brokerHost}`);
  for (const crash of summary.consumer_crashes) details.push(`the ${crash.kind} consumer thread died at ${crash.at_s} s: ${crash.error}`);
  if (summary.failed_deliveries > 0) details.push(`${summary.failed_deliveries} deliveries failed to decrypt or unpickle (the library nacks and requeues them)`);
  if (summary.strict_violations > 0) details.push(`${summary.strict_violations} messages differ from what the Python publisher sends`);
  if (heard.code !== 0 && details.length === 0) details.push(`the Python listener exited ${heard.code ?? heard.signal}: ${tail(listener.stderr)}`);
  details.push(...report.problems.map((p) => `listener: ${p}`));
  const failed = details.length > 0;
  const line =
    `py_listen (pika ${summary.pika}, --strict --restricted) decoded ${decoded} of networked-ao + networked-factory in ${SECONDS} s` +
    ` (${perChart.join(', ')} trace/spy/mesh); ${content.checked - content.missing.length}/${content.checked} printed lines among them;` +
    ` mesh address ${[...new Set(addresses)].join(', ') || 'none'}; ${summary.failed_deliveries} failed, ${summary.consumer_crashes.length} dead consumers`;
  return { ok: !failed, line, details: failed ? details : [] };
}
