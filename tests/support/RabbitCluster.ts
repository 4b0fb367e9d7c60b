/**
 * A two-node RabbitMQ cluster that a test starts and takes apart itself,
 * so a failover test never touches the machine's shared broker (5672).
 *
 * A thin wrapper over scripts/rabbit-cluster.sh (two private nodes of
 * scripts/rabbit-node.sh, b joined to a's cluster). Each node is a
 * RabbitNode: stop or restart one with `cluster.a.stopApp()` and the like.
 *
 *   RabbitCluster.start() ──▶ a and b serving, one cluster ──remove()──▶ gone
 *   (about 30 s on a loaded two-core machine: two nodes boot, b restarts its app to join)
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { RabbitNode } from './RabbitNode.ts';

const run = promisify(execFile);
const CLUSTER = fileURLToPath(new URL('../../scripts/rabbit-cluster.sh', import.meta.url));
const NODE = fileURLToPath(new URL('../../scripts/rabbit-node.sh', import.meta.url));

export class RabbitCluster {
  private constructor(
    readonly prefix: string,
    readonly a: RabbitNode,
    readonly b: RabbitNode,
  ) {}

  /** Starts both nodes and clusters them; `prefix` defaults to miroscope-cluster-<pid>. */
  static async start(options: { prefix?: string } = {}): Promise<RabbitCluster> {
    const prefix = options.prefix ?? `miroscope-cluster-${process.pid}`;
    const [portA, portB, distA, distB] = await freePorts(4);
    await script(CLUSTER, 'start', prefix, String(portA), String(portB), String(distA), String(distB));
    return new RabbitCluster(
      prefix,
      RabbitNode.attach({ name: `${prefix}-a`, port: portA, distPort: distA }),
      RabbitNode.attach({ name: `${prefix}-b`, port: portB, distPort: distB }),
    );
  }

  /** Both nodes' URLs, a first: what a client fails over between. */
  get urls(): [string, string] {
    return [this.a.url, this.b.url];
  }

  /** `rabbitmqctl cluster_status` as node a sees it. */
  async status(): Promise<string> {
    return script(CLUSTER, 'status', this.prefix);
  }

  /** Stops both nodes and deletes their folders. */
  async remove(): Promise<void> {
    await script(CLUSTER, 'stop', this.prefix);
  }

  /**
   * Removes clusters named `<prefix><pid>` whose process is gone (a run
   * killed before its teardown), so their nodes do not linger.
   */
  static async removeOrphans(prefix: string): Promise<string[]> {
    const names = (await script(NODE, 'list', '-')).split('\n');
    const orphans = new Set<string>();
    for (const name of names) {
      const match = name.startsWith(prefix) ? /^(\d+)-[ab]$/.exec(name.slice(prefix.length)) : null;
      if (match && Number(match[1]) !== process.pid && !processExists(Number(match[1]))) orphans.add(`${prefix}${match[1]}`);
    }
    for (const cluster of orphans) await script(CLUSTER, 'stop', cluster);
    return [...orphans];
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

async function script(file: string, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await run(file, args, { timeout: 180_000 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${file.split('/').slice(-2).join('/')} ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`);
  }
}

/** `count` distinct ports nobody listens on right now, on loopback (held open together so none repeats). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}
