/**
 * (c) What a Python node sends reaches `miroscope tail` exactly as the
 * library prints it.
 *
 * `py_emit.py` publishes trace and spy items through the library's own
 * publisher (tailItems.ts says which). Three listeners hear them at once:
 * `miroscope tail --spy --name 04ccc_ao`, the same with `--no-color`, and
 * `py_listen.py`, which records each item exactly as the library unpickled
 * it. Those items are then handed to `py_snoop_print.py`, which prints them
 * with the library's own snoop printers (coloured, and the `_no_color`
 * ones) for a node named 04ccc_ao. Tail's lines must equal the library's
 * byte for byte, network by network in publish order (the two networks are
 * separate queues, so only their interleaving may differ).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tail, type Child } from './ChildGroup.ts';
import { InteropContext, type CheckResult } from './InteropContext.ts';
import { listenerReport } from './listenerReport.ts';
import { SELF, tailItems } from './tailItems.ts';

const STARTUP_MS = 60_000;
const ARRIVAL_MS = 30_000;

type Kind = 'trace' | 'spy';
const PREFIX: Record<Kind, string> = { trace: ' [+t] ', spy: ' [+s] ' };

export async function checkTailPrintsLikeLibrary(ctx: InteropContext): Promise<CheckResult> {
  const keys = InteropContext.freshKeys();
  const batches = tailItems(join(ctx.options.scripts, 'samples'), ctx.scratch);
  const expected = { trace: sum(batches.map((b) => b.trace)), spy: sum(batches.map((b) => b.spy)) };
  const total = expected.trace + expected.spy;

  const ready = join(ctx.scratch, 'c-listener.ready');
  const listener = ctx.startPython('py_listen.py', ['--kinds', 'trace,spy', '--count', String(total), '--timeout', String((STARTUP_MS + ARRIVAL_MS) / 1000 + 30), '--ready-file', ready], keys, 'py_listen');
  const tails = {
    colour: ctx.startMiroscope(['tail', '--spy', '--name', SELF, '--seconds', '300'], keys, 'miroscope tail'),
    plain: ctx.startMiroscope(['tail', '--spy', '--name', SELF, '--no-color', '--seconds', '300'], keys, 'miroscope tail --no-color'),
  };
  try {
    await Promise.all([
      listener.waitFor(() => existsSync(ready), STARTUP_MS, 'ready file (consumers bound)'),
      ...Object.values(tails).map((t) => t.waitFor((_, err) => err.includes('tail: listening'), STARTUP_MS, '"listening" line')),
    ]);
  } catch (error) {
    return { ok: false, line: 'the listeners did not come up', details: [(error as Error).message] };
  }

  for (const batch of batches) {
    const emit = ctx.startPython('py_emit.py', [...batch.args, '--timeout', '30'], keys, 'py_emit');
    const end = await emit.endWithin(60_000);
    if (end.code !== 0) return { ok: false, line: 'py_emit.py failed', details: [`exit ${end.code ?? end.signal}: ${tail(emit.stderr)}`] };
  }

  const heard = await listener.endWithin(ARRIVAL_MS);
  const report = listenerReport(listener.stdout);
  const items = report.items.filter((r) => r.kind === 'trace' || r.kind === 'spy');
  const counts = { trace: items.filter((r) => r.kind === 'trace').length, spy: items.filter((r) => r.kind === 'spy').length };
  if (heard.code !== 0 || counts.trace !== expected.trace || counts.spy !== expected.spy)
    return {
      ok: false,
      line: `py_listen heard trace ${counts.trace}/${expected.trace}, spy ${counts.spy}/${expected.spy}`,
      details: [`exit ${heard.code ?? heard.signal}: ${tail(listener.stderr)}`, ...report.problems],
    };
  await Promise.all(Object.values(tails).map((t) => t.waitFor((out) => lineCount(out) >= total, ARRIVAL_MS, `${total} lines`).catch(() => undefined)));
  await Promise.all(Object.values(tails).map((t) => t.stop()));

  const itemsFile = join(ctx.scratch, 'c-items.jsonl');
  writeFileSync(itemsFile, items.map((r) => JSON.stringify({ kind: r.kind, item: r.item })).join('\n') + '\n');
  const details: string[] = [];
  const matched: string[] = [];
  for (const [mode, tailChild] of Object.entries(tails) as [keyof typeof tails, Child][]) {
    const printer = ctx.startPython('py_snoop_print.py', ['--self-name', SELF, ...(mode === 'plain' ? ['--no-color'] : [])], keys, 'py_snoop_print', { stdinFile: itemsFile });
    const end = await printer.endWithin(60_000);
    if (end.code !== 0) {
      details.push(`py_snoop_print.py exited ${end.code ?? end.signal}: ${tail(printer.stderr)}`);
      continue;
    }
    for (const kind of ['trace', 'spy'] as const) {
      const library = linesOf(printer.stdout, kind);
      const ours = linesOf(tailChild.stdout, kind);
      const same = library.filter((line, i) => ours[i] === line).length;
      matched.push(`${kind} ${same}/${library.length}`);
      if (same !== library.length || ours.length !== library.length) details.push(...differences(`${tailChild.label} ${kind}`, library, ours));
    }
    const stray = lines(tailChild.stdout).filter((l) => !l.startsWith(PREFIX.trace) && !l.startsWith(PREFIX.spy));
    if (stray.length > 0) details.push(`${tailChild.label} printed ${stray.length} other lines, first ${JSON.stringify(stray[0])}`);
  }
  const line = `${items.length} items from py_emit.py (pika 0.13.1): tail printed ${matched.slice(0, 2).join(', ')} coloured and ${matched.slice(2).join(', ')} --no-color lines identical to the library's printers`;
  return { ok: details.length === 0, line, details };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function lines(output: string): string[] {
  const all = output.split('\n');
  if (all.at(-1) === '') all.pop();
  return all;
}

function lineCount(output: string): number {
  return output.split('\n').length - 1;
}

function linesOf(output: string, kind: Kind): string[] {
  return lines(output).filter((l) => l.startsWith(PREFIX[kind]));
}

/** The first few lines that differ, as escaped strings (colour bytes visible). */
function differences(what: string, library: string[], ours: string[]): string[] {
  const out: string[] = [];
  if (ours.length !== library.length) out.push(`${what}: ${ours.length} lines, the library printed ${library.length}`);
  for (let i = 0; i < Math.max(library.length, ours.length) && out.length < 4; i++)
    if (library[i] !== ours[i]) out.push(`${what} line ${i + 1}: library ${JSON.stringify(library[i] ?? null)}, tail ${JSON.stringify(ours[i] ?? null)}`);
  return out;
}
