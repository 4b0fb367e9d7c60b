/**
 * A RabbitMQ virtual host of our own for one interop run.
 *
 * miros-rabbitmq's exchanges have fixed names, so everything on the broker's
 * default vhost shares them; and the library requeues every body it cannot
 * decrypt, so one foreign message would loop through a Python consumer
 * thousands of times a second. A vhost with a random name keeps the run
 * apart from everyone else and everyone else apart from the run. Only
 * add_vhost / set_permissions / delete_vhost are used: the broker itself
 * is never stopped or reset.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const RABBITMQCTL_TIMEOUT_MS = 30_000;

export class PrivateVhost {
  readonly name: string;
  readonly url: string;
  #deleted = false;

  private constructor(name: string, host: string, port: number) {
    this.name = name;
    this.url = `amqp://guest:guest@${host}:${port}/${encodeURIComponent(name)}`;
  }

  /** Creates the vhost and gives `guest` every permission on it. */
  static create(host = '127.0.0.1', port = 5672): PrivateVhost {
    const vhost = new PrivateVhost(`miroscope-interop-${randomBytes(6).toString('hex')}`, host, port);
    rabbitmqctl(['add_vhost', vhost.name]);
    try {
      rabbitmqctl(['set_permissions', '-p', vhost.name, 'guest', '.*', '.*', '.*']);
    } catch (error) {
      vhost.delete();
      throw error;
    }
    return vhost;
  }

  /** Synchronous, so it also runs on the Ctrl-C path; says why when it fails. */
  delete(): string | null {
    if (this.#deleted) return null;
    this.#deleted = true;
    try {
      rabbitmqctl(['delete_vhost', this.name]);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }
}

function rabbitmqctl(args: string[]): void {
  const run = spawnSync('rabbitmqctl', ['-q', ...args], { encoding: 'utf8', timeout: RABBITMQCTL_TIMEOUT_MS });
  if (run.error) throw new Error(`rabbitmqctl ${args[0]}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`rabbitmqctl ${args[0]} exited ${run.status}: ${(run.stderr || run.stdout).trim()}`);
}
