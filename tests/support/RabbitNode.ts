/**
 * A private RabbitMQ node that a test starts, stops and restarts itself, so
 * a fault test never touches the machine's shared broker (5672).
 *
 * A thin wrapper over scripts/rabbit-node.sh, which owns how the node is
 * launched (its own node name, ports, data, log and config files, no
 * plugins). Ports default to free ones picked on loopback. Nodes started
 * under the same root share an Erlang cookie, so two of them can be
 * clustered with `ctl('join_cluster', other.nodeName)`.
 *
 *   RabbitNode.start() ──▶ serving ──stopApp()──▶ node up, every connection
 *        closed ──startApp()──▶ serving ──stop()──▶ gone (remove(): and its files)
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/rabbit-node.sh', import.meta.url));

export interface RabbitNodeOptions {
  /** Short node name (letters, digits, - and _); default miroscope-test-<pid>-<n>. */
  name?: string;
  /** AMQP port on 127.0.0.1; default a free one. */
  port?: number;
  /** Erlang distribution port; default a free one. */
  distPort?: number;
  /** Loopback address its AMQP listener binds (default 127.0.0.1): 127.0.0.2 … look like other machines. */
  host?: string;
}

/** What another process needs to drive a running node (e.g. from a vitest globalSetup). */
export interface RabbitNodeAddress {
  name: string;
  port: number;
  distPort: number;
  /** Default 127.0.0.1. */
  host?: string;
}

let started = 0;

export class RabbitNode implements RabbitNodeAddress {
  private constructor(
    readonly name: string,
    readonly port: number,
    readonly distPort: number,
    readonly host = '127.0.0.1',
  ) {}

  /** Starts a node and resolves once it accepts AMQP connections (a few seconds). */
  static async start(options: RabbitNodeOptions = {}): Promise<RabbitNode> {
    const name = options.name ?? `miroscope-test-${process.pid}-${++started}`;
    const host = options.host ?? '127.0.0.1';
    const port = options.port ?? (await freePort(host));
    const distPort = options.distPort ?? (await freePort());
    await script({ RABBIT_NODE_ADDRESS: host }, 'start', name, String(port), String(distPort));
    return new RabbitNode(name, port, distPort, host);
  }

  /** A handle on a node started elsewhere (its address passed along). */
  static attach(address: RabbitNodeAddress): RabbitNode {
    return new RabbitNode(address.name, address.port, address.distPort, address.host);
  }

  get nodeName(): string {
    return `${this.name}@localhost`;
  }

  get url(): string {
    return `amqp://guest:guest@${this.host}:${this.port}/`;
  }

  address(): RabbitNodeAddress {
    return { name: this.name, port: this.port, distPort: this.distPort, host: this.host };
  }

  /** `rabbitmqctl -n <node> stop_app`: the node stays up, every connection is closed. */
  async stopApp(): Promise<void> {
    await script('stop_app', this.name);
  }

  async startApp(): Promise<void> {
    await script('start_app', this.name);
  }

  /** Any rabbitmqctl command, run against this node only; resolves with its output. */
  async ctl(...args: string[]): Promise<string> {
    return script('ctl', this.name, ...args);
  }

  /** Stops the Erlang node; its data stays (start it again with the same name and ports). */
  async stop(): Promise<void> {
    await script('stop', this.name);
  }

  /** Stops the node if it runs, and deletes its folder. */
  async remove(): Promise<void> {
    await script('remove', this.name);
  }

  /**
   * Removes nodes named `<prefix><pid>` whose process is gone (a test run
   * killed before its teardown), so they do not linger on a shared machine.
   */
  static async removeOrphans(prefix: string): Promise<string[]> {
    const names = (await script('list', '-')).split('\n').filter((n) => n.startsWith(prefix));
    const orphans = names.filter((n) => {
      const pid = Number(n.slice(prefix.length));
      return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processExists(pid);
    });
    for (const name of orphans) await script('remove', name);
    return orphans;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function script(...args: (string | Record<string, string>)[]): Promise<string> {
  const env = args.find((a): a is Record<string, string> => typeof a !== 'string');
  const argv = args.filter((a): a is string => typeof a === 'string');
  try {
    const { stdout } = await run(SCRIPT, argv, { timeout: 120_000, ...(env ? { env: { ...process.env, ...env } } : {}) });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`scripts/rabbit-node.sh ${argv.join(' ')} failed: ${e.stderr?.trim() || e.message}`);
  }
}

/** A port nobody listens on right now, on loopback. */
function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
