/**
 * Stopping and starting the shared RabbitMQ broker for fault tests.
 *
 * Every test on this machine talks to the same broker, so a test that stops
 * it first takes /tmp/rabbit-restart.lock (held by a `flock` child until
 * released) and must start the app again in a `finally`.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Takes the broker-restart lock; resolves with its release. */
export function lockBrokerRestarts(): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const holder = spawn('flock', ['/tmp/rabbit-restart.lock', 'sh', '-c', 'echo locked; read _'], { stdio: ['pipe', 'pipe', 'inherit'] });
    holder.on('error', reject);
    holder.stdout.once('data', () => resolve(() => holder.stdin.end()));
  });
}

/** `rabbitmqctl stop_app`: the node stays up, every connection is closed. */
export async function stopBrokerApp(): Promise<void> {
  await run('rabbitmqctl', ['-q', 'stop_app']);
}

export async function startBrokerApp(): Promise<void> {
  await run('rabbitmqctl', ['-q', 'start_app']);
}
