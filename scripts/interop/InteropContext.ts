/**
 * What every check gets: where things are, the private vhost, and how to
 * start a Python node or one of ours with the right environment.
 *
 * The environment is built here and nowhere else. Python gets the variables
 * the interop README names (MIROS_SRC, MIROS_RABBITMQ_SRC, PIKA_LEGACY_SRC
 * for pika 0.13.1, MESH_KEY / SNOOP_*_KEY, AMQP_URL); our processes get
 * AMQP_URL and MIROS_*_KEY (docs/cli.md). Whatever the caller's shell had
 * under those names is replaced, so a run never touches another broker or
 * key; TZ=UTC for everyone, because Python stamps trace lines with local
 * wall-clock time and (b) compares stamps across the two sides and with
 * this process's clock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { ChildGroup, type Child, type StartOptions } from './ChildGroup.ts';
import type { InteropOptions } from './interopOptions.ts';

export const PYTHON = '/usr/bin/python3';

export interface NetKeys {
  mesh: string;
  trace: string;
  spy: string;
}

export interface CheckResult {
  ok: boolean;
  /** One line with the counts, printed after the check's id. */
  line: string;
  /** Why it failed (or what else is worth knowing), printed indented below. */
  details: string[];
}

/** Variables that would point a child at another broker, key, token or folder. */
const SCRUBBED = /^(AMQP_URL|MESH_KEY|SNOOP_(TRACE|SPY)_KEY|MIROS_(MESH|TRACE|SPY)_KEY|MIROSCOPE_\w+|NO_COLOR|FORCE_COLOR|PYTHONPATH|RABBIT_\w+|MESH_ENCRYPTION_KEY|SNOOP_\w+_ENCRYPTION_KEY)$/;

export class InteropContext {
  readonly root: string;
  readonly options: InteropOptions;
  readonly amqpUrl: string;
  readonly children = new ChildGroup();
  /**
   * Synchronous clean-ups for what is not a child process ((e)'s private
   * brokers), run by main.ts on every way out, Ctrl-C included.
   */
  readonly exitHooks: (() => void)[] = [];
  /** Scratch space of this run (recordings, cache files of the Python node, item files). */
  readonly scratch: string;

  constructor(root: string, options: InteropOptions, amqpUrl: string) {
    this.root = root;
    this.options = options;
    this.amqpUrl = amqpUrl;
    this.scratch = mkdtempSync(join(tmpdir(), 'miroscope-interop-'));
  }

  /** Three fresh keys; (b) uses one for all three networks (see its module). */
  static freshKeys(): NetKeys {
    return { mesh: Fernet.generateKey(), trace: Fernet.generateKey(), spy: Fernet.generateKey() };
  }

  script(name: string): string {
    return join(this.options.scripts, name);
  }

  /**
   * `python3 -u <interop script> …` with the library on its path; on the run's vhost unless
   * `io.amqpUrl` names another broker, and in `io.netns` when given ((e)'s second machine).
   */
  startPython(script: string, args: readonly string[], keys: NetKeys, label: string, io: { cwd?: string; stdinFile?: string; amqpUrl?: string; netns?: string } = {}): Child {
    const python = join(this.options.reference, 'python');
    const env = {
      ...baseEnv(),
      MIROS_SRC: python,
      MIROS_RABBITMQ_SRC: python,
      PIKA_LEGACY_SRC: join(this.options.reference, 'pika-0.13.1'),
      MESH_KEY: keys.mesh,
      SNOOP_TRACE_KEY: keys.trace,
      SNOOP_SPY_KEY: keys.spy,
      AMQP_URL: io.amqpUrl ?? this.amqpUrl,
      PYTHONUNBUFFERED: '1',
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONIOENCODING: 'utf-8',
    };
    return this.startIn(io.netns, PYTHON, ['-u', this.script(script), ...args], { env, label, cwd: io.cwd ?? this.scratch, stdinFile: io.stdinFile });
  }

  /**
   * A child, in network namespace `netns` when given: `ip netns exec` execs the
   * command in place, so the child is still the leader of its own group.
   */
  startIn(netns: string | undefined, command: string, args: readonly string[], options: StartOptions): Child {
    if (netns === undefined) return this.children.start(command, args, options);
    return this.children.start('ip', ['netns', 'exec', netns, command, ...args], options);
  }

  /** `npm run example -- <name> …` (the same script, without npm in between). */
  startExample(name: string, args: readonly string[], keys: NetKeys): Child {
    const tsx = join(this.root, 'node_modules', '.bin', 'tsx');
    return this.children.start(tsx, [join(this.root, 'examples', 'run.ts'), name, ...args], { env: this.ourEnv(keys), label: name, cwd: this.root });
  }

  /** `node bin/miroscope.mjs <command> …` */
  startMiroscope(args: readonly string[], keys: NetKeys, label: string): Child {
    return this.children.start(process.execPath, [join(this.root, 'bin', 'miroscope.mjs'), ...args], { env: this.ourEnv(keys), label, cwd: this.scratch });
  }

  /** Our processes' environment: the run's vhost, unless `amqpUrl` names another broker. */
  ourEnv(keys: NetKeys, amqpUrl = this.amqpUrl): NodeJS.ProcessEnv {
    return { ...baseEnv(), AMQP_URL: amqpUrl, MIROS_MESH_KEY: keys.mesh, MIROS_TRACE_KEY: keys.trace, MIROS_SPY_KEY: keys.spy };
  }
}

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { TZ: 'UTC' };
  for (const [name, value] of Object.entries(process.env)) if (!SCRUBBED.test(name) && name !== 'TZ') env[name] = value;
  return env;
}
