/**
 * Starts the library's own `networkable_active_object.py` (run unmodified by
 * `py_seed_chart.py`) and waits until it has shown that it publishes. Checks
 * (b) and (d) both need such a node, and the facts about the library's
 * discovery race that shape this wait live here, in one place.
 *
 * The library's discovery has a race (py_seed_chart.py's docstring, item 6)
 * that leaves some Python nodes with no producers at all, silent on every
 * network whatever its peers send. Its `--keep-pending-discovery` flag is
 * not used: with it, a Python node started on its own never published in
 * 3 of 3 tries here (without it, 5 of 5 did, in 12–14 s).
 *
 * So the node starts alone, before any of our traffic, and counts as up once
 * it prints a trace line of its own, which it does only once its producers
 * exist (it hears its own trace back). Our side joins after that, for two
 * reasons. A mesh message that reaches a Python node still discovering names
 * an address it does not know yet (`Alien!: 127.0.0.1`, though it is the
 * broker's own host). And a node the race leaves without producers shows
 * itself here, before any of our traffic, so it cannot be put down to us: it
 * is stopped and a fresh node started, up to `attempts` in all.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Child } from './ChildGroup.ts';
import type { InteropContext, NetKeys } from './InteropContext.ts';
import { ownChartName } from './snoopTraceLines.ts';

/** How long a Python node may take to show its first trace line (12–14 s here, at load 20); a node past this is the discovery race. */
const PY_READY_MS = 45_000;
/** Slack on the node's own `--seconds`, so it outlives the check's use of it; the check stops it. */
const RUN_SLACK_S = 30;

export interface SeedNodeOptions {
  /** Nodes tried before giving up. */
  attempts: number;
  /** How long the node must keep running once it is up (s). */
  secondsAfterReady: number;
  /** What the run calls the process. */
  label: string;
  /** Prefix of each attempt's working folder in the run's scratch space (`b-python` → `b-python-1`, …). */
  folder: string;
  /** The broker it talks to (default: the run's vhost). */
  amqpUrl?: string;
  /** The network namespace it runs in (default: this machine's). */
  netns?: string;
}

export interface SeedNodeStart {
  /** The node that published, or null when every attempt stayed silent. */
  python: Child | null;
  /** One line per node the race left silent (not a failure by itself). */
  notes: string[];
}

export async function startPythonSeedNode(ctx: InteropContext, keys: NetKeys, options: SeedNodeOptions): Promise<SeedNodeStart> {
  const notes: string[] = [];
  const seconds = options.secondsAfterReady + PY_READY_MS / 1000 + RUN_SLACK_S;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    const cwd = join(ctx.scratch, `${options.folder}-${attempt}`); // the library writes its cache files here
    mkdirSync(cwd);
    const python = ctx.startPython('py_seed_chart.py', ['--seconds', String(seconds)], keys, options.label, { cwd, amqpUrl: options.amqpUrl, netns: options.netns });
    try {
      await python.waitFor((out) => ownChartName(out), PY_READY_MS, 'trace line of its own');
      return { python, notes };
    } catch (error) {
      await python.stop();
      notes.push(`Python node ${attempt} of ${options.attempts} did not publish within ${PY_READY_MS / 1000} s (the library's discovery race): ${(error as Error).message}`);
    }
  }
  return { python: null, notes };
}
