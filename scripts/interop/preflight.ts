/**
 * What the run needs from this machine, checked before anything starts, so a
 * missing piece is one sentence: Debian's /usr/bin/python3 with the modules
 * miros-rabbitmq imports (cryptography, netifaces, dotenv; pika comes from
 * the reference folder), and rabbitmqctl for the private vhost; for (e),
 * network namespaces (`ip netns`, root) and a RabbitMQ server to start in one.
 */
import { spawnSync } from 'node:child_process';
import { PYTHON } from './InteropContext.ts';
import { UsageError, type CheckId } from './interopOptions.ts';

export function preflight(only: readonly CheckId[]): void {
  const python = spawnSync(PYTHON, ['-c', 'import cryptography, netifaces, dotenv'], { encoding: 'utf8', timeout: 30_000 });
  if (python.error || python.status !== 0)
    throw new UsageError(
      `${PYTHON} with cryptography, netifaces and dotenv is needed (apt-get install python3-cryptography python3-netifaces python3-dotenv): ` +
        (python.error?.message ?? python.stderr.trim().split('\n').at(-1)),
    );
  const ctl = spawnSync('rabbitmqctl', ['-q', 'list_vhosts'], { encoding: 'utf8', timeout: 30_000 });
  if (ctl.error || ctl.status !== 0)
    throw new UsageError(`rabbitmqctl must reach the local RabbitMQ (for a private vhost): ${ctl.error?.message ?? ctl.stderr.trim()}`);
  if (only.includes('e')) {
    const netns = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8', timeout: 10_000 });
    if (netns.error || netns.status !== 0 || process.getuid?.() !== 0)
      throw new UsageError(`(e) makes a network namespace: it needs root and ip (iproute2): ${netns.error?.message ?? (netns.stderr.trim() || 'not root')}`);
    const server = spawnSync('sh', ['-c', 'test -x "${RABBIT_BIN:-/usr/lib/rabbitmq/bin}/rabbitmq-server"'], { timeout: 10_000 });
    if (server.status !== 0) throw new UsageError('(e) starts a private RabbitMQ node (scripts/rabbit-node.sh): no rabbitmq-server in $RABBIT_BIN or /usr/lib/rabbitmq/bin');
  }
}
