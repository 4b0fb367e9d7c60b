/**
 * The connection lifecycle under AmqpTransport: connect, run the owner's
 * setup, notice loss, wait, fail over to the next broker, connect again.
 *
 *            start()
 *               │
 *               ▼        connect ok          setup ok
 *   ┌──▶ connecting ─────────────▶ setting-up ─────────▶ connected
 *   │        │ fail                    │ fail                │ connection or channel lost
 *   │        ▼                         ▼                     ▼
 *   └──── waiting ◀───────────────────────────────────────────┘
 *        (backoffDelay(attempt), then the next URL in the list)
 *
 *   any state ──close()──▶ closing ──▶ closed
 *
 * Why not amqplib's own recovery (`connect(url, { recovery })`)? It
 * reconnects to one URL only, and exposes no named states; we need a list of
 * brokers (a cluster) and a state the dashboard can show. The delay policy is
 * the pure backoffDelay; the owner's setup() is re-run after every connect
 * to redeclare exchanges, queues and consumers (all of them are gone with
 * the old connection: exclusive queues die with it).
 *
 * `connect` is injectable so tests can fake the far side (the broker), and
 * the clock so they advance time through the backoff instead of sleeping.
 */
import * as amqp from 'amqplib';
import type { Clock, TimerHandle } from '../../statechart/Clock.ts';
import { backoffDelay, type BackoffPolicy } from './backoffDelay.ts';
import { keepAliveClock } from './keepAliveClock.ts';
import { redactSecrets, redactUrl } from './redactUrl.ts';
import type { TransportState } from './Transport.ts';

export type AmqpConnect = (url: string, socketOptions: Record<string, unknown>) => Promise<amqp.ChannelModel>;

export interface AmqpLinkHooks {
  /** Declares everything on a fresh connection; a throw counts as a failed attempt. */
  setup(connection: amqp.ChannelModel): Promise<void>;
  /** Runs synchronously the moment the state becomes `connected` (flush buffers here). */
  ready(): void;
  state(state: TransportState, previous: TransportState): void;
  connected(info: { broker: string; reconnect: boolean; downMs: number; attempts: number }): void;
  disconnected(info: { broker: string; error: string }): void;
  /** The broker stopped reading this connection's publishes (connection.blocked: a memory or disk alarm). */
  blocked(reason: string): void;
  unblocked(): void;
  error(error: Error): void;
}

export interface AmqpLinkOptions {
  urls: readonly string[];
  heartbeatSec: number;
  connectTimeoutMs: number;
  backoff: BackoffPolicy;
  random?: () => number;
  /** Runs the backoff timer and tells the time (default Node's timers, kept alive). */
  clock?: Clock;
  /** Overrides the clock's time (kept for callers that fake only the time). */
  now?: () => number;
  connect?: AmqpConnect;
}

export class AmqpLink {
  private currentState: TransportState = 'connecting';
  private connection: amqp.ChannelModel | null = null;
  private urlIndex = 0;
  private attempts = 0;
  private everConnected = false;
  private downSince = 0;
  private timer: TimerHandle | null = null;
  private generation = 0;
  private readonly connectFn: AmqpConnect;
  private readonly clock: Clock;
  private readonly now: () => number;

  constructor(
    private readonly options: AmqpLinkOptions,
    private readonly hooks: AmqpLinkHooks,
  ) {
    if (options.urls.length === 0) throw new RangeError('AmqpLink needs at least one broker URL');
    this.connectFn = options.connect ?? ((url, socketOptions) => amqp.connect(url, socketOptions));
    const clock = options.clock ?? keepAliveClock;
    this.clock = clock;
    this.now = options.now ?? (() => clock.now());
  }

  get state(): TransportState {
    return this.currentState;
  }

  /** The broker currently (or next) in use, credentials removed. */
  get broker(): string {
    return redactUrl(this.options.urls[this.urlIndex % this.options.urls.length]!);
  }

  start(): void {
    this.downSince = this.now();
    void this.attempt();
  }

  /** The owner saw the link break (a channel died): drop it and reconnect. */
  fail(error: Error): void {
    const connection = this.connection;
    if (!connection) return;
    this.lost(connection, error);
    connection.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.currentState === 'closing' || this.currentState === 'closed') return;
    this.generation++;
    this.setState('closing');
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    const connection = this.connection;
    this.connection = null;
    if (connection) await connection.close().catch(() => undefined);
    this.setState('closed');
  }

  private async attempt(): Promise<void> {
    const generation = ++this.generation;
    const url = this.options.urls[this.urlIndex % this.options.urls.length]!;
    this.setState('connecting');
    let connection: amqp.ChannelModel | null = null;
    try {
      connection = await this.connectFn(withHeartbeat(url, this.options.heartbeatSec), {
        noDelay: true, // Nagle's algorithm makes small-message latency ~80× worse
        timeout: this.options.connectTimeoutMs,
        clientProperties: { connection_name: 'miroscope' },
      });
      if (generation !== this.generation) {
        await connection.close().catch(() => undefined);
        return;
      }
      const conn = connection;
      // amqplib emits 'error' before 'close'; the close is what triggers recovery.
      conn.on('error', (error: Error) => this.hooks.error(this.redacted(error)));
      conn.on('close', (error?: Error) => this.lost(conn, error ?? new Error('connection closed')));
      conn.on('blocked', (reason: string) => void (this.connection === conn && this.hooks.blocked(String(reason))));
      conn.on('unblocked', () => void (this.connection === conn && this.hooks.unblocked()));
      this.connection = conn;
      this.setState('setting-up');
      await this.hooks.setup(conn);
      if (generation !== this.generation || this.connection !== conn) return;
      const reconnect = this.everConnected;
      const info = { broker: redactUrl(url), reconnect, downMs: this.now() - this.downSince, attempts: this.attempts };
      this.everConnected = true;
      this.attempts = 0;
      this.setState('connected');
      this.hooks.ready();
      this.hooks.connected(info);
    } catch (error) {
      if (generation !== this.generation) return;
      if (connection && this.connection === connection) this.connection = null;
      connection?.close().catch(() => undefined);
      this.hooks.error(this.redacted(error));
      this.retry();
    }
  }

  private lost(connection: amqp.ChannelModel, error: Error): void {
    if (this.connection !== connection) return;
    this.connection = null;
    if (this.currentState === 'closing' || this.currentState === 'closed') return;
    this.generation++;
    const wasConnected = this.currentState === 'connected';
    this.downSince = this.now();
    if (wasConnected) this.hooks.disconnected({ broker: this.broker, error: this.redacted(error).message });
    this.retry();
  }

  private retry(): void {
    if (this.currentState === 'closing' || this.currentState === 'closed') return;
    this.attempts++;
    this.urlIndex++;
    const delay = backoffDelay(this.attempts, this.options.backoff, this.options.random);
    this.setState('waiting');
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.attempt();
    }, delay);
  }

  private setState(next: TransportState): void {
    const previous = this.currentState;
    if (previous === next) return;
    this.currentState = next;
    this.hooks.state(next, previous);
  }

  private redacted(error: unknown): Error {
    const e = error instanceof Error ? error : new Error(String(error));
    const message = redactSecrets(e.message, this.options.urls);
    if (message === e.message) return e;
    const clean = new Error(message);
    clean.name = e.name;
    return clean;
  }
}

function withHeartbeat(url: string, heartbeatSec: number): string {
  if (/[?&]heartbeat=/.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}heartbeat=${heartbeatSec}`;
}
