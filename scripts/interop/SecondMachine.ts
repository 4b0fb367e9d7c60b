/**
 * Check (e)'s second machine: a network namespace this run creates, with
 * its own loopback, its own RabbitMQ and a link to this machine.
 *
 *   this machine (A)                          namespace miroscope-e-<pid> (B)
 *   lo 127.0.0.1: the machine's broker        lo 127.0.0.1: a private node (rabbit-node.sh, port 5672)
 *     (the run's private vhost)
 *   veth 10.77.x.1 ──────────── link ──────────── veth 10.77.x.2
 *     tcpForward → 127.0.0.1:5672                   tcpForward → 127.0.0.1:5672
 *
 * Why a namespace, not a second broker on another port or loopback
 * address: a miros-rabbitmq node builds its own consumers' URL with
 * `RabbitHelper.make_amqp_url`, whose port is the constant 5672 (RABBIT_PORT
 * reaches only its producers and scouts), at its working address, which
 * py_seed_chart.py pins to 127.0.0.1. So a Python node always consumes from
 * 127.0.0.1:5672 of the network stack it runs in: the only way to give one
 * a broker of its own is a network stack of its own, which is what a second
 * machine is. (Tried first: two private nodes at 127.0.0.1:PA and :PB; both
 * Python nodes connected their consumers to the machine's broker on 5672
 * and never printed a line.)
 *
 * The brokers listen on loopback only (the machine's is configured so, and
 * is never touched); each machine's tcpForward stands for its broker's LAN
 * listener (see tcpForward.ts). The link is a /30 out of 10.77.0.0/16
 * picked from the pid, so two runs do not collide; nothing is routed or
 * forwarded by the kernel, and no sysctl changes.
 *
 * Removed when the check ends: the children first (the ChildGroup), then
 * the broker, whatever still runs in the namespace (epmd), and the
 * namespace, which takes the link with it. main.ts runs the same,
 * synchronously, on every way out; a run killed outright leaves it for
 * the next run, which removes namespaces whose pid is gone.
 */
import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Child } from './ChildGroup.ts';
import type { InteropContext } from './InteropContext.ts';

const run = promisify(execFile);
/** Of the namespace and of its broker's node name. */
const PREFIX = 'miroscope-e-';
/** The AMQP port of both machines' brokers: the one a Python node's consumers use. */
const AMQP_PORT = 5672;
const READY_MS = 30_000;

export interface SecondMachine {
  /** The namespace's name (for `netns` options). */
  netns: string;
  /** This machine's address on the link (where B reaches broker A). */
  addressA: string;
  /** The namespace's address on the link (where A reaches broker B). */
  addressB: string;
  /** Broker B as its own machine reaches it. */
  brokerUrl: string;
  /** Broker B as this machine reaches it. */
  brokerUrlFromA: string;
  /** How long the namespace and its broker took to come up (ms). */
  startMs: number;
  remove(): Promise<void>;
}

export async function startSecondMachine(ctx: InteropContext): Promise<SecondMachine> {
  const script = join(ctx.root, 'scripts', 'rabbit-node.sh');
  removeOrphans(script);
  const started = Date.now();
  const netns = `${PREFIX}${process.pid}`;
  const slot = (process.pid % 16_384) * 4; // a /30 of 10.77.0.0/16
  const base = `10.77.${slot >> 8}.`;
  const [addressA, addressB] = [`${base}${(slot & 255) + 1}`, `${base}${(slot & 255) + 2}`];
  const veth = `mse${process.pid}`; // ≤ 15 characters with its suffix
  const node = `${PREFIX}${process.pid}`;

  let removed = false;
  const removeNow = () => {
    if (removed) return;
    removed = true;
    tryRun(['ip', 'netns', 'exec', netns, script, 'remove', node]);
    killInside(netns);
    tryRun(['ip', 'netns', 'del', netns]);
  };
  ctx.exitHooks.push(removeNow);
  const remove = async () => {
    if (removed) return;
    await run('ip', ['netns', 'exec', netns, script, 'remove', node], { timeout: 60_000 }).catch(() => undefined);
    removeNow();
  };

  try {
    ip('netns', 'add', netns);
    ip('-n', netns, 'link', 'set', 'lo', 'up');
    ip('link', 'add', `${veth}a`, 'type', 'veth', 'peer', 'name', `${veth}b`, 'netns', netns);
    ip('addr', 'add', `${addressA}/30`, 'dev', `${veth}a`);
    ip('link', 'set', `${veth}a`, 'up');
    ip('-n', netns, 'addr', 'add', `${addressB}/30`, 'dev', `${veth}b`);
    ip('-n', netns, 'link', 'set', `${veth}b`, 'up');
    await run('ip', ['netns', 'exec', netns, script, 'start', node, String(AMQP_PORT), '25672'], { timeout: 120_000 });
    const tsx = join(ctx.root, 'node_modules', '.bin', 'tsx');
    const forward = join(ctx.root, 'scripts', 'interop', 'tcpForward.ts');
    const forwarders: Child[] = [
      ctx.startIn(undefined, tsx, [forward, `${addressA}:${AMQP_PORT}`, `127.0.0.1:${AMQP_PORT}`], { env: process.env, label: 'tcpForward (machine A)', cwd: ctx.root }),
      ctx.startIn(netns, tsx, [forward, `${addressB}:${AMQP_PORT}`, `127.0.0.1:${AMQP_PORT}`], { env: process.env, label: 'tcpForward (machine B)', cwd: ctx.root }),
    ];
    await Promise.all(forwarders.map((f) => f.waitFor((out) => out.includes('forwarding'), READY_MS, 'listening line')));
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    netns,
    addressA,
    addressB,
    brokerUrl: `amqp://guest:guest@127.0.0.1:${AMQP_PORT}/`,
    brokerUrlFromA: `amqp://guest:guest@${addressB}:${AMQP_PORT}/`,
    startMs: Date.now() - started,
    remove,
  };
}

function ip(...args: string[]): void {
  try {
    execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`ip ${args.join(' ')} failed: ${stderr || (error as Error).message}`);
  }
}

function tryRun(argv: string[]): void {
  try {
    execFileSync(argv[0]!, argv.slice(1), { stdio: 'ignore', timeout: 60_000 });
  } catch {
    // Already gone, or never made: nothing to remove.
  }
}

/** SIGKILLs what still runs in our namespace (epmd outlives its node); every one of them is ours. */
function killInside(netns: string): void {
  let pids: number[] = [];
  try {
    pids = execFileSync('ip', ['netns', 'pids', netns], { encoding: 'utf8', timeout: 10_000 }).split('\n').filter(Boolean).map(Number);
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // ended meanwhile
    }
  }
}

/** Namespaces a killed run left behind (its pid is gone): what runs in them, then the namespace. */
function removeOrphans(script: string): void {
  let names: string[] = [];
  try {
    names = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8', timeout: 10_000 }).split('\n').map((l) => l.split(' ')[0]!);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    killInside(name);
    tryRun(['ip', 'netns', 'del', name]);
    tryRun([script, 'remove', name]); // its node's folder (the node itself was killed above)
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
