/**
 * One basic.publish on an amqplib channel, without amqplib's per-message
 * options processing.
 *
 * Why: `Channel#publish` first runs amqplib's `Args.publish`, which wraps
 * the caller's headers as `Object.create(headers)`. That makes every
 * message's headers object a prototype (V8 reshapes an object the first
 * time it becomes one) and sends the table encoder's `for…in` down its
 * slow path over a prototype chain. With miroscope's five correlation
 * headers on every message this was the largest single cost of a publish
 * after Fernet (~5 µs of ~9 µs for the AMQP framing, measured on the wire
 * bench's message). We build the fields object `Args.publish` would return
 * (same keys, same order, a plain headers table) and hand it to the
 * channel's `sendMessage`, the method `publish` itself ends in; on a
 * confirm channel the callback is queued with `pushConfirmCallback`, as
 * `ConfirmChannel#publish` does.
 *
 * These two are amqplib internals (the version is pinned in package.json).
 * A channel without them — another amqplib, or a test's fake — gets the
 * public `publish`, so the worst an upgrade can do is lose the speed-up;
 * tests/net/publishMessage.test.ts fails loudly if that happens.
 */
import type * as amqp from 'amqplib';
import type { PublishProps } from './Transport.ts';

export type ConfirmCallback = (error: unknown) => void;

/** What Args.publish sends when a message has no headers: an empty table. */
const NO_HEADERS = Object.freeze({});

interface ChannelInternals {
  sendMessage(fields: object, properties: object, content: Buffer): boolean;
  pushConfirmCallback(callback: ConfirmCallback | false): void;
}

/** True when the channel has the internals the fast path needs. */
export function hasFastPublish(channel: amqp.Channel): boolean {
  const c = channel as unknown as Partial<ChannelInternals>;
  return typeof c.sendMessage === 'function' && typeof c.pushConfirmCallback === 'function';
}

/**
 * Publishes `body`; with `confirmed`, the channel must be a confirm channel
 * and the callback runs once the broker acks (null) or nacks (an error), or
 * with an error when the channel closes first.
 *
 * Returns amqplib's answer: false when the channel's write buffer is full.
 * The message is queued all the same; the caller should publish nothing
 * more until the channel emits 'drain'.
 */
export function publishMessage(
  channel: amqp.Channel | amqp.ConfirmChannel,
  exchange: string,
  routingKey: string,
  body: Buffer,
  props: PublishProps,
  confirmed: ConfirmCallback | null,
): boolean {
  if (!hasFastPublish(channel)) {
    if (confirmed) return (channel as amqp.ConfirmChannel).publish(exchange, routingKey, body, props, confirmed);
    return channel.publish(exchange, routingKey, body, props);
  }
  // Exactly the object Args.publish builds (method fields, then properties),
  // so every message has one hidden class — but with the headers as they are.
  const fields = {
    exchange,
    routingKey,
    mandatory: false,
    immediate: false,
    ticket: undefined,
    contentType: props.contentType,
    contentEncoding: undefined,
    headers: props.headers ?? NO_HEADERS,
    deliveryMode: undefined,
    priority: undefined,
    correlationId: undefined,
    replyTo: undefined,
    expiration: undefined,
    messageId: props.messageId,
    timestamp: undefined,
    type: undefined,
    userId: undefined,
    appId: props.appId,
    clusterId: undefined,
  };
  const internals = channel as unknown as ChannelInternals;
  const more = internals.sendMessage(fields, fields, body);
  if (confirmed) internals.pushConfirmCallback(confirmed);
  return more;
}
