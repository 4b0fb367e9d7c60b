/**
 * Transport over RabbitMQ (amqplib), in miros-rabbitmq's topology: every
 * exchange a non-durable topic exchange, every subscription an exclusive,
 * server-named queue bound to its pattern.
 *
 * Layers (style habit 5): the codec lives above (MessageCodec); AmqpLink owns
 * the connection lifecycle and recovery policy; this class is the thin
 * facade: it declares, subscribes, publishes, buffers and counts.
 *
 *   publish ──▶ connected, and the channel not paused? ──yes──▶ channel.publish  (published++)
 *                  │ no                                               │ returned false:
 *                  ▼                                                  ▼ paused (paused++)
 *            PublishBuffer (bounded; oldest dropped → dropped.overflow++)
 *                  │  flushed, in order, the moment setup() has redeclared
 *                  ▼  everything after a (re)connect, or on the channel's 'drain'
 *            channel.publish
 *
 * Backpressure: amqplib queues every publish in the channel's write buffer
 * and returns false once that buffer is full (the broker or the socket is
 * slower than we publish). Writing on regardless would grow it without
 * bound, so from then until the channel's 'drain' publishes wait in the
 * same bounded buffer as during an outage. Likewise from the broker's
 * connection.blocked (a memory or disk alarm: it has stopped reading our
 * publishes) until connection.unblocked, without first filling the socket.
 *
 * Consuming: manual acks with a prefetch window; every delivery is acked
 * (in batches, AckBatcher) whatever the handler made of it — a rejected
 * message is dropped, never nack-requeued (miros-rabbitmq's requeue loops a
 * bad message ~4,000 times a second).
 */
import type * as amqp from 'amqplib';
import { AckBatcher } from './AckBatcher.ts';
import { AmqpLink, type AmqpConnect } from './AmqpLink.ts';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoffDelay.ts';
import { CounterSet } from './CounterSet.ts';
import { deliverSafely } from './deliverSafely.ts';
import { ListenerSet } from './ListenerSet.ts';
import { PublishBuffer } from './PublishBuffer.ts';
import { publishMessage } from './publishMessage.ts';
import type { Clock, TimerHandle } from '../../statechart/Clock.ts';
import { keepAliveClock } from './keepAliveClock.ts';
import type { DeliveryHandler, PublishProps, PublishResult, Subscription, Transport, TransportCounters, TransportEvents, TransportState } from './Transport.ts';
import { TransportClosedError } from './TransportClosedError.ts';

export const DEFAULT_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672/';

/**
 * Unacked deliveries per consumer. Generous on purpose: acks go out in
 * batches (AckBatcher), and while a consumer has window left RabbitMQ hands
 * each message straight over; once the window is full it queues them, which
 * costs it more CPU per message. In the wire bench 1,000 filled up during
 * bursts: RabbitMQ's CPU per message fell from ~70 to ~50 µs at 5,000 and
 * our throughput rose from ~0.7× to ~0.9× of raw amqplib (which acks each
 * message at once and gains nothing from a bigger window). A few thousand
 * ~300-byte messages in flight are well under a megabyte.
 */
export const DEFAULT_PREFETCH = 5_000;

/**
 * How long a delivery may wait for its ack (AckBatcher): at most 20 ack
 * writes a second from a steady trickle, instead of one per socket read;
 * a few tens of ms of deliveries are far fewer than the prefetch window.
 */
export const DEFAULT_ACK_DELAY_MS = 50;

export interface AmqpTransportOptions {
  /** One broker URL or a list to fail over between (default: `AMQP_URL`, comma-separated, or guest@127.0.0.1). */
  url?: string | readonly string[];
  heartbeatSec?: number;
  connectTimeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
  /** Publishes held while disconnected (default 10,000). */
  bufferLimit?: number;
  /** Unacked deliveries per consumer (default {@link DEFAULT_PREFETCH}). */
  prefetch?: number;
  /** Deliveries acked together at most (default a quarter of the prefetch); see AckBatcher. */
  ackEvery?: number;
  /** The longest a delivery waits for its ack, in ms (default {@link DEFAULT_ACK_DELAY_MS}); see AckBatcher. */
  ackDelayMs?: number;
  /**
   * Publisher confirms: a publish in flight when the link dies is counted
   * as `dropped.unconfirmed` instead of vanishing (default true).
   */
  confirm?: boolean;
  /** Runs the reconnect backoff and the wait in whenConnected (default Node's timers); tests pass a VirtualClock. */
  clock?: Clock;
  /** Overrides the clock's time. */
  now?: () => number;
  random?: () => number;
  /** Replaces amqplib's connect (tests fake the broker with it). */
  connect?: AmqpConnect;
}

interface Pending {
  exchange: string;
  routingKey: string;
  body: Buffer;
  props: PublishProps;
}

interface SubscriptionState {
  exchange: string;
  pattern: string;
  handler: DeliveryHandler;
  boundIn: amqp.Channel | null;
  queue: string | null;
  consumerTag: string | null;
  resolveReady: () => void;
}

/**
 * A chart's link to RabbitMQ: topic exchanges, its queues, publishing with confirms, reconnection
 * with backoff. A networked chart opens one unless given a `transport`.
 *
 * @remarks miros-rabbitmq: its pika publishers and consumers (`PikaTopicPublisherMaker`,
 * `SimplePikaTopicConsumer`); here one connection per chart that reconnects and buffers publishes
 * while the broker is away.
 */
export class AmqpTransport implements Transport {
  readonly kind = 'amqp' as const;
  private readonly link: AmqpLink;
  private readonly counterSet = new CounterSet();
  private readonly events = new ListenerSet<TransportEvents>((error) => this.reportError(error));
  private readonly buffer: PublishBuffer<Pending>;
  private readonly subscriptions = new Set<SubscriptionState>();
  private readonly exchanges = new Set<string>();
  private readonly declared = new Set<string>();
  private readonly awaitingDeclare = new Map<string, Pending[]>();
  private readonly prefetch: number;
  private readonly confirm: boolean;
  private readonly clock: Clock;
  private readonly now: () => number;
  private pub: amqp.Channel | amqp.ConfirmChannel | null = null;
  private sub: amqp.Channel | null = null;
  /** The publish channel's write buffer is full: hold publishes until its 'drain'. */
  private writeFull = false;
  /** The broker blocked this connection's publishing (an alarm): hold publishes until it unblocks. */
  private brokerBlocked = false;
  private readonly acks: AckBatcher;
  private closedInfo: { at: number; reason: string; stack: string | undefined } | null = null;
  private firstConnect: { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void };

  constructor(options: AmqpTransportOptions = {}) {
    // AMQP_URL may list several brokers (a cluster), comma-separated.
    const fromEnv = (process.env.AMQP_URL || DEFAULT_AMQP_URL).split(',').map((u) => u.trim()).filter(Boolean);
    const urls = typeof options.url === 'string' ? [options.url] : (options.url ?? fromEnv);
    this.prefetch = options.prefetch ?? DEFAULT_PREFETCH;
    this.confirm = options.confirm ?? true;
    const clock = options.clock ?? keepAliveClock;
    this.acks = new AckBatcher(options.ackEvery ?? Math.max(1, Math.floor(this.prefetch / 4)), { clock, ms: options.ackDelayMs ?? DEFAULT_ACK_DELAY_MS });
    this.clock = clock;
    this.now = options.now ?? (() => clock.now());
    this.buffer = new PublishBuffer(options.bufferLimit ?? 10_000);
    let resolve!: () => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    promise.catch(() => undefined);
    this.firstConnect = { promise, resolve, reject };
    this.link = new AmqpLink(
      {
        urls,
        heartbeatSec: options.heartbeatSec ?? 10,
        connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
        backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
        ...(options.random ? { random: options.random } : {}),
        ...(options.connect ? { connect: options.connect } : {}),
        clock,
        now: this.now,
      },
      {
        setup: (connection) => this.setup(connection),
        ready: () => this.flush(),
        state: (state, previous) => this.events.emit('state', state, previous),
        connected: ({ broker, reconnect, downMs, attempts }) => {
          this.firstConnect.resolve();
          if (!reconnect) return this.events.emit('connected', { broker });
          this.counterSet.reconnects++;
          this.events.emit('reconnected', { broker, downMs, attempts });
        },
        blocked: () => {
          this.brokerBlocked = true;
          this.counterSet.blocked++;
        },
        unblocked: () => {
          this.brokerBlocked = false;
          if (this.link.state === 'connected') this.flush();
        },
        disconnected: (info) => {
          this.pub = null;
          this.sub = null;
          this.events.emit('disconnected', info);
        },
        error: (error) => this.reportError(error),
      },
    );
    this.link.start();
  }

  get state(): TransportState {
    return this.link.state;
  }

  /** Publishes must wait in the buffer (write buffer full, or the broker blocked us). */
  private get paused(): boolean {
    return this.writeFull || this.brokerBlocked;
  }

  get broker(): string {
    return this.link.broker;
  }

  /** Resolves on the first successful connection; rejects after `timeoutMs` or on close. */
  whenConnected(timeoutMs = 10_000): Promise<void> {
    if (this.closedInfo) return Promise.reject(this.closedError('wait for a connection'));
    let timer: TimerHandle;
    const timeout = new Promise<void>((_, reject) => {
      timer = this.clock.setTimeout(() => reject(new Error(`no broker reachable within ${timeoutMs} ms (${this.broker})`)), timeoutMs);
    });
    return Promise.race([this.firstConnect.promise, timeout]).finally(() => this.clock.clearTimeout(timer));
  }

  counters(): TransportCounters {
    return this.counterSet.snapshot(this.buffer.size);
  }

  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  publish(exchange: string, routingKey: string, body: Uint8Array, props: PublishProps = {}): PublishResult {
    if (this.closedInfo) throw this.closedError('publish');
    const content = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.length);
    const message = { exchange, routingKey, body: content, props };
    if (this.state === 'connected' && this.pub) {
      if (this.buffer.size > 0 && !this.paused) this.flush();
      if (!this.paused && this.buffer.size === 0) {
        if (this.declared.has(exchange)) this.send(this.pub, message);
        else this.declareThenSend(this.pub, message);
        return 'sent';
      }
    }
    this.exchanges.add(exchange);
    this.hold({ ...message, body: Buffer.from(content) });
    return 'buffered';
  }

  subscribe(exchange: string, bindingPattern: string, handler: DeliveryHandler): Subscription {
    if (this.closedInfo) throw this.closedError('subscribe');
    this.exchanges.add(exchange);
    let resolveReady!: () => void;
    const ready = new Promise<void>((resolve) => (resolveReady = resolve));
    const sub: SubscriptionState = { exchange, pattern: bindingPattern, handler, boundIn: null, queue: null, consumerTag: null, resolveReady };
    this.subscriptions.add(sub);
    if (this.sub && (this.state === 'connected' || this.state === 'setting-up')) {
      this.bind(sub, this.sub).catch((error: unknown) => this.reportError(error));
    }
    return {
      ready,
      unsubscribe: async () => {
        if (!this.subscriptions.delete(sub)) return;
        const channel = sub.boundIn;
        if (channel && channel === this.sub && sub.consumerTag && sub.queue) {
          await channel.cancel(sub.consumerTag).catch(() => undefined);
          await channel.deleteQueue(sub.queue).catch(() => undefined);
        }
      },
    };
  }

  async close(reason = 'closed by its owner'): Promise<void> {
    if (this.closedInfo) return;
    this.closedInfo = { at: this.now(), reason, stack: new Error('closed here').stack };
    const pub = this.pub;
    // Held only for a full write buffer: hand them to amqplib now, they go out before the close.
    if (pub && this.state === 'connected') this.flush(true);
    this.counterSet.drop('closed', this.buffer.drain().length);
    this.acks.flush();
    if (pub && this.confirm) {
      // Let in-flight publishes land, but never hang a shutdown on a dead socket
      // (a real timer even under a test's clock: a safety net, not behaviour).
      const confirmed = (pub as amqp.ConfirmChannel).waitForConfirms().catch(() => undefined);
      await Promise.race([confirmed, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    }
    await this.link.close();
    this.pub = null;
    this.sub = null;
    this.firstConnect.reject(this.closedError('connect'));
    this.events.emit('closed', { reason, at: this.closedInfo.at });
  }

  // ── after every (re)connect ──────────────────────────────────────────

  private async setup(connection: amqp.ChannelModel): Promise<void> {
    this.declared.clear();
    const pub = this.confirm ? await connection.createConfirmChannel() : await connection.createChannel();
    const sub = await connection.createChannel();
    // A fresh connection: the broker says connection.blocked again if its alarm is still on.
    this.writeFull = false;
    this.brokerBlocked = false;
    pub.on('drain', () => {
      if (this.pub !== pub || !this.writeFull) return;
      this.writeFull = false;
      if (this.state === 'connected') this.flush();
    });
    for (const channel of [pub, sub]) {
      channel.on('error', (error: Error) => this.reportError(error));
      // A channel closed by the broker (e.g. a 404) leaves the link unusable: start over.
      // Deferred so that when the whole connection drops, its own close
      // (with the real reason) is handled first and this becomes a no-op.
      channel.on('close', () =>
        setImmediate(() => {
          if (this.pub === pub || this.sub === sub) this.link.fail(new Error('a channel closed unexpectedly'));
        }),
      );
    }
    await sub.prefetch(this.prefetch);
    for (const exchange of this.exchanges) await this.declare(pub, exchange);
    this.pub = pub;
    this.sub = sub;
    for (const s of this.subscriptions) await this.bind(s, sub);
  }

  /**
   * Buffered publishes go out, in order: the moment the link is `connected`,
   * and on each 'drain' — until the channel says wait again. `closing`: all
   * to declared exchanges regardless (the connection closes right after).
   */
  private flush(closing = false): void {
    const pub = this.pub;
    if (!pub) return;
    while (this.pub === pub && (closing || !this.paused)) {
      const message = this.buffer.shift();
      if (message === undefined) return;
      if (this.declared.has(message.exchange)) this.send(pub, message);
      else if (!closing) this.declareThenSend(pub, message);
      else this.counterSet.drop('closed');
    }
  }

  private async declare(channel: amqp.Channel, exchange: string): Promise<void> {
    await channel.assertExchange(exchange, 'topic', { durable: false });
    this.exchanges.add(exchange);
    this.declared.add(exchange);
  }

  /** A first publish to a new exchange waits for its declaration (a publish to a missing exchange kills the channel). */
  private declareThenSend(channel: amqp.Channel, message: Pending): void {
    const waiting = this.awaitingDeclare.get(message.exchange);
    if (waiting) return void waiting.push(message);
    const queue = [message];
    this.awaitingDeclare.set(message.exchange, queue);
    this.declare(channel, message.exchange).then(
      () => {
        this.awaitingDeclare.delete(message.exchange);
        for (const m of queue) {
          if (this.pub === channel && !this.paused) this.send(channel, m);
          else this.hold(m);
        }
      },
      (error: unknown) => {
        this.awaitingDeclare.delete(message.exchange);
        for (const m of queue) this.hold(m);
        this.reportError(error);
      },
    );
  }

  private send(channel: amqp.Channel | amqp.ConfirmChannel, message: Pending): void {
    const more = publishMessage(channel, message.exchange, message.routingKey, message.body, message.props, this.confirm ? this.confirmed : null);
    this.counterSet.published++;
    if (!more && !this.writeFull) {
      this.writeFull = true;
      this.counterSet.paused++;
    }
  }

  private hold(message: Pending): void {
    const before = this.buffer.dropped;
    this.buffer.push(message);
    this.counterSet.drop('overflow', this.buffer.dropped - before);
  }

  /** One callback for every confirm (not a closure per message): only a failure needs counting. */
  private readonly confirmed = (error: unknown): void => {
    if (error) this.counterSet.drop('unconfirmed');
  };

  private async bind(sub: SubscriptionState, channel: amqp.Channel): Promise<void> {
    if (sub.boundIn === channel) return;
    sub.boundIn = channel;
    if (!this.declared.has(sub.exchange)) await this.declare(channel, sub.exchange);
    const { queue } = await channel.assertQueue('', { exclusive: true, durable: false, autoDelete: true });
    await channel.bindQueue(queue, sub.exchange, sub.pattern);
    const { consumerTag } = await channel.consume(queue, (message) => this.onMessage(sub, channel, message), { noAck: false });
    sub.queue = queue;
    sub.consumerTag = consumerTag;
    if (!this.subscriptions.has(sub)) {
      await channel.cancel(consumerTag).catch(() => undefined);
      return;
    }
    sub.resolveReady();
  }

  private onMessage(sub: SubscriptionState, channel: amqp.Channel, message: amqp.ConsumeMessage | null): void {
    if (message === null) {
      // The broker cancelled the consumer (its queue was deleted): bind afresh.
      sub.boundIn = null;
      if (this.subscriptions.has(sub) && this.sub === channel) this.bind(sub, channel).catch((e: unknown) => this.reportError(e));
      return;
    }
    if (this.subscriptions.has(sub)) {
      const p = message.properties;
      const props: PublishProps = {};
      if (p.appId !== undefined) props.appId = p.appId;
      if (p.contentType !== undefined) props.contentType = p.contentType;
      if (p.messageId !== undefined) props.messageId = p.messageId;
      if (p.headers) props.headers = p.headers as PublishProps['headers'];
      const delivery = { exchange: message.fields.exchange, routingKey: message.fields.routingKey, body: message.content, props, received: this.now() };
      deliverSafely(sub.handler, delivery, this.counterSet, this.reportError);
    }
    this.acks.add(channel, message);
  }

  private closedError(operation: string): TransportClosedError {
    const info = this.closedInfo!;
    return new TransportClosedError(operation, info.at, info.reason, info.stack);
  }

  /** A field, not a method: it is handed to every delivery without a new closure each time. */
  private readonly reportError = (error: unknown): void => {
    this.events.emit('error', error instanceof Error ? error : new Error(String(error)));
  };
}
