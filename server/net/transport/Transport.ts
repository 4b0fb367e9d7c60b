/**
 * The one interface the rest of miroscope publishes and subscribes through.
 * Two implementations share its semantics: AmqpTransport (RabbitMQ, with
 * reconnection) and InProcessBus (the embedded default and fast tests).
 *
 * Semantics both keep:
 * - every exchange is a non-durable topic exchange (miros-rabbitmq's); in a
 *   binding pattern `*` is exactly one word and `#` zero or more words;
 * - each subscription has its own queue, so every subscriber gets a copy;
 * - a handler runs once per message; what it returns (or throws) is counted,
 *   and the message is settled either way: never requeued, never redelivered;
 * - a handler that throws never stops the consumer;
 * - `publish` never blocks: it sends, buffers (while disconnected, bounded)
 *   or drops — and says which, and counts it;
 * - using a closed transport throws TransportClosedError (when and why).
 */
export type TransportState =
  /** Opening a connection (first time, or the next broker in the list). */
  | 'connecting'
  /** Connected; redeclaring exchanges, queues and consumers. */
  | 'setting-up'
  /** Up: publishes go straight out. */
  | 'connected'
  /** Lost or failed; waiting out the backoff delay before the next attempt. */
  | 'waiting'
  | 'closing'
  | 'closed';

/**
 * A header value with its AMQP field type given (amqplib's `{'!': type, value}`
 * form), so no client has to guess it: `int` is `I` (signed 32-bit), `long` `l`.
 */
export interface TypedFieldValue {
  '!': 'int' | 'long';
  value: number;
}

export interface PublishProps {
  appId?: string;
  contentType?: string;
  messageId?: string;
  headers?: Record<string, string | number | boolean | TypedFieldValue>;
}

export interface Delivery {
  exchange: string;
  routingKey: string;
  body: Buffer;
  props: PublishProps;
  /** When the transport handed the message to the handler (epoch ms). */
  received: number;
}

/** What a handler made of a message: nothing to report, or a rejection reason to count. */
export type HandlerOutcome = void | undefined | { rejected: string };
export type DeliveryHandler = (delivery: Delivery) => HandlerOutcome;

export type PublishResult = 'sent' | 'buffered' | 'dropped';

export interface Subscription {
  /** Resolves when the binding is live (messages published after it arrive). */
  readonly ready: Promise<void>;
  unsubscribe(): Promise<void>;
}

export interface TransportCounters {
  published: number;
  received: number;
  /** Messages a handler rejected (or threw on), by reason; `handler-error` for throws. */
  rejected: Record<string, number>;
  /** Successful connections after the first. */
  reconnects: number;
  /** Publishes waiting in the buffer right now. */
  buffered: number;
  /** Publishes lost, by cause: `overflow` (buffer full), `unconfirmed` (in flight when a link died), `closed`. */
  dropped: Record<string, number>;
  /**
   * Times publishing paused while connected because the connection's write
   * buffer was full (the broker or the socket slower than the publisher);
   * publishes waited in the buffer until it drained. Absent until it happens.
   */
  paused?: number;
  /** Times the broker blocked our publishing (connection.blocked: a memory or disk alarm). Absent until it happens. */
  blocked?: number;
}

export interface TransportEvents {
  state: (state: TransportState, previous: TransportState) => void;
  connected: (info: { broker: string }) => void;
  disconnected: (info: { broker: string; error: string }) => void;
  reconnected: (info: { broker: string; downMs: number; attempts: number }) => void;
  /** Something went wrong that did not stop the transport (a failed attempt, a handler error). */
  error: (error: Error) => void;
  closed: (info: { reason: string; at: number }) => void;
}

export interface Transport {
  readonly kind: 'amqp' | 'in-process';
  readonly state: TransportState;
  /** Where it is connected (credentials removed), for status displays. */
  readonly broker: string;
  counters(): TransportCounters;
  publish(exchange: string, routingKey: string, body: Uint8Array, props?: PublishProps): PublishResult;
  subscribe(exchange: string, bindingPattern: string, handler: DeliveryHandler): Subscription;
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void;
  close(reason?: string): Promise<void>;
}
