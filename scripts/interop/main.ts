/**
 * `npm run interop -- <reference folder> [--scripts DIR] [--only a,b,c,d,e]`
 *
 * The real miros-rabbitmq in the loop: runs the unmodified library (and the
 * pika 0.13.1 it was written for) from the reference folder against our
 * TypeScript nodes, through the scripts in `<reference>/../interop`, on a
 * private vhost of the local RabbitMQ with fresh keys. One line per check
 * with its counts, then `N passed, N failed`; the exit status is non-zero
 * on any failure. docs/interop.md says what each check proves.
 *
 * Everything is bounded in time, and every child runs in its own process
 * group, stopped on every way out (normal end, a check out of time, Ctrl-C,
 * an error); the vhost is deleted last. The broker is never stopped.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkBrokerPerMachine } from './checkBrokerPerMachine.ts';
import { checkChartsFollowEachOther } from './checkChartsFollowEachOther.ts';
import { checkListenerDecodesOurs } from './checkListenerDecodesOurs.ts';
import { checkSendReachesPython } from './checkSendReachesPython.ts';
import { checkTailPrintsLikeLibrary } from './checkTailPrintsLikeLibrary.ts';
import { InteropContext, type CheckResult } from './InteropContext.ts';
import { parseInteropOptions, USAGE, UsageError, type CheckId } from './interopOptions.ts';
import { PrivateVhost } from '../../tests/support/PrivateVhost.ts';
import { preflight } from './preflight.ts';

const CHECKS: Record<CheckId, { title: string; run: (ctx: InteropContext) => Promise<CheckResult>; budgetMs: number }> = {
  a: { title: 'Python listener decodes everything our examples publish', run: checkListenerDecodesOurs, budgetMs: 240_000 },
  b: { title: 'networkable_active_object.py and networked-factory follow each other', run: checkChartsFollowEachOther, budgetMs: 420_000 },
  c: { title: 'miroscope tail prints Python items as the library does', run: checkTailPrintsLikeLibrary, budgetMs: 240_000 },
  d: { title: 'miroscope send reaches networkable_active_object.py', run: checkSendReachesPython, budgetMs: 210_000 },
  e: { title: 'a broker per machine: our charts and networkable_active_object.py on two brokers', run: checkBrokerPerMachine, budgetMs: 300_000 },
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let options;
  try {
    options = parseInteropOptions(argv);
    preflight(options.only);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`interop: ${error.message}\n\n${USAGE}`);
    return 2;
  }

  let vhost: PrivateVhost;
  try {
    vhost = PrivateVhost.named('miroscope-interop').create();
  } catch (error) {
    console.error(`interop: could not make a private vhost: ${(error as Error).message}`);
    return 2;
  }
  const ctx = new InteropContext(ROOT, options, vhost.url);
  let cleaned = false;
  const cleanUp = (keepScratch: boolean) => {
    if (cleaned) return;
    cleaned = true;
    ctx.children.killAllNow();
    for (const hook of ctx.exitHooks.splice(0)) hook();
    // Retries: a child just killed may still be closing a file in there.
    if (!keepScratch) rmSync(ctx.scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    const failure = vhost.delete();
    if (failure) console.error(`interop: could not delete vhost ${vhost.name}: ${failure}`);
  };
  const interrupted = (signal: NodeJS.Signals) => {
    if (cleaned) return;
    console.error(`\ninterop: ${signal}: stopping every child and deleting vhost ${vhost.name}`);
    cleanUp(false);
    process.exit(130);
  };
  // `on`, not `once`: Ctrl-C reaches us twice (from the terminal and through
  // tsx), and with no listener left the second would kill us mid-clean-up.
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  process.once('exit', () => cleanUp(true));

  console.log(`interop: vhost ${vhost.name}, reference ${options.reference}, scripts ${options.scripts}`);
  let passed = 0;
  let failed = 0;
  for (const id of options.only) {
    const check = CHECKS[id];
    const started = Date.now();
    const result = await withinBudget(check.run(ctx), check.budgetMs);
    // Whatever a check left running (it ran out of time, or threw) stops here.
    await ctx.children.stopAll();
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`(${id}) ${result.ok ? 'PASS' : 'FAIL'} ${check.title}: ${result.line} [${seconds} s]`);
    for (const detail of result.details) console.log(`      ${detail}`);
    if (result.ok) passed++;
    else failed++;
  }
  if (failed > 0) ctx.children.saveOutputs(ctx.scratch);
  cleanUp(failed > 0);
  if (failed > 0) console.log(`interop: the scratch folder is kept, with every process's output: ${ctx.scratch}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

async function withinBudget(run: Promise<CheckResult>, ms: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, line: `did not finish within ${ms / 1000} s`, details: [] }), ms);
  });
  const settled = run.catch((error: unknown): CheckResult => ({
    ok: false,
    line: 'the check itself failed',
    details: [error instanceof Error ? (error.stack ?? error.message) : String(error)],
  }));
  const result = await Promise.race([settled, late]);
  clearTimeout(timer);
  return result;
}

// exit explicitly: a socket or timer a check left behind must not keep the run alive
process.exit(await main(process.argv.slice(2)));
