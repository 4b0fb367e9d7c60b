/**
 * The command line of `npm run interop -- <reference folder> [--scripts DIR] [--only a,b,c,d,e]`.
 *
 * The reference folder holds the unmodified Python sources (`python/` with
 * miros, miros_rabbitmq and examples/, `pika-0.13.1/`); the interop scripts
 * that drive them are looked for beside it, in `<reference>/../interop`.
 * Both are checked here, so a wrong path is one clear sentence, not a
 * Python traceback three checks later.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CHECK_IDS = ['a', 'b', 'c', 'd', 'e'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface InteropOptions {
  reference: string;
  scripts: string;
  only: CheckId[];
}

export const USAGE = `usage: npm run interop -- <reference folder> [--scripts DIR] [--only a,b,c,d,e]

Runs the unmodified miros-rabbitmq (with pika 0.13.1) from <reference folder>
against our TypeScript nodes on a private vhost of the local RabbitMQ ((e): on two private nodes):
  (a) a Python listener decodes every message our two examples publish
  (b) the library's networkable_active_object.py and our networked-factory
      follow each other, in their outputs and in the dashboard
  (c) miroscope tail prints a Python node's items as the library prints them
  (d) miroscope send reaches the library's networkable_active_object.py
  (e) a broker per machine: two private RabbitMQ nodes, one of our charts
      (publishing to both) and one networkable_active_object.py on each;
      each follows the other, and the dashboard shows what broker A carries
--scripts DIR  the interop scripts (default: <reference folder>/../interop)
--only LIST    run only these checks (comma-separated ids)
See docs/interop.md.`;

export class UsageError extends Error {}

export function parseInteropOptions(argv: readonly string[]): InteropOptions {
  let reference: string | undefined;
  let scripts: string | undefined;
  let only: CheckId[] = [...CHECK_IDS];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--scripts' || arg === '--only') {
      const value = argv[++i];
      if (!value || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      if (arg === '--scripts') scripts = value;
      else only = parseOnly(value);
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (reference === undefined) reference = arg;
    else throw new UsageError(`one reference folder, not also ${JSON.stringify(arg)}`);
  }
  if (reference === undefined) throw new UsageError('the reference folder is missing');
  reference = resolve(reference);
  scripts = resolve(scripts ?? join(dirname(reference), 'interop'));
  const missing = [
    join(reference, 'python', 'miros', '__init__.py'),
    join(reference, 'python', 'miros_rabbitmq', 'network.py'),
    join(reference, 'python', 'examples', 'networkable_active_object.py'),
    join(reference, 'pika-0.13.1', 'pika', '__init__.py'),
    ...['py_listen.py', 'py_emit.py', 'py_seed_chart.py', 'py_snoop_print.py'].map((f) => join(scripts!, f)),
    join(scripts, 'samples', 'trace.txt'),
    join(scripts, 'samples', 'spy.txt'),
  ].filter((path) => !existsSync(path));
  if (missing.length > 0) throw new UsageError(`not found: ${missing.join(', ')}`);
  return { reference, scripts, only };
}

function parseOnly(value: string): CheckId[] {
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  const bad = ids.filter((id) => !(CHECK_IDS as readonly string[]).includes(id));
  if (bad.length > 0 || ids.length === 0) throw new UsageError(`--only takes ${CHECK_IDS.join(', ')}, not ${JSON.stringify(value)}`);
  return CHECK_IDS.filter((id) => ids.includes(id));
}
