/**
 * A RabbitMQ virtual host of our own, for one test file, bench or interop run.
 *
 * miros-rabbitmq's exchanges have fixed names, so everything on the broker's
 * default vhost shares them; and the library requeues every body it cannot
 * decrypt, so one foreign message would loop through a Python consumer
 * thousands of times a second. A vhost with a random name keeps a run apart
 * from everyone else and everyone else apart from the run. Only add_vhost /
 * set_permissions / delete_vhost are used: the broker itself is never
 * stopped or reset.
 *
 *   const vhost = PrivateVhost.named('miroscope-send');  // name and url, nothing made yet
 *   beforeAll(() => vhost.create());
 *   afterAll(() => vhost.delete());                       // best effort; says why it failed
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

  /** A fresh random name under `prefix`, on the broker at host:port; nothing is made until create(). */
  static named(prefix: string, host = '127.0.0.1', port = 5672): PrivateVhost {
    return new PrivateVhost(`${prefix}-${randomBytes(6).toString('hex')}`, host, port);
  }

  /** Creates the vhost and gives `guest` every permission on it. */
  create(): this {
    rabbitmqctl(['add_vhost', this.name]);
    try {
      rabbitmqctl(['set_permissions', '-p', this.name, 'guest', '.*', '.*', '.*']);
    } catch (error) {
      this.delete();
      throw error;
    }
    return this;
  }

  /** Synchronous, so it also runs on a Ctrl-C path; null when deleted, else why not. */
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
