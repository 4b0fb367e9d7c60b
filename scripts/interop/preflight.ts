/**
 * What the run needs from this machine, checked before anything starts, so a
 * missing piece is one sentence: Debian's /usr/bin/python3 with the modules
 * miros-rabbitmq imports (cryptography, netifaces, dotenv; pika comes from
 * the reference folder), and rabbitmqctl for the private vhost.
 */
import { spawnSync } from 'node:child_process';
import { PYTHON } from './InteropContext.ts';
import { UsageError } from './interopOptions.ts';

export function preflight(): void {
  const python = spawnSync(PYTHON, ['-c', 'import cryptography, netifaces, dotenv'], { encoding: 'utf8', timeout: 30_000 });
  if (python.error || python.status !== 0)
    throw new UsageError(
      `${PYTHON} with cryptography, netifaces and dotenv is needed (apt-get install python3-cryptography python3-netifaces python3-dotenv): ` +
        (python.error?.message ?? python.stderr.trim().split('\n').at(-1)),
    );
  const ctl = spawnSync('rabbitmqctl', ['-q', 'list_vhosts'], { encoding: 'utf8', timeout: 30_000 });
  if (ctl.error || ctl.status !== 0)
    throw new UsageError(`rabbitmqctl must reach the local RabbitMQ (for a private vhost): ${ctl.error?.message ?? ctl.stderr.trim()}`);
}
