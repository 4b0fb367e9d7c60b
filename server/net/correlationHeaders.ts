/**
 * AMQP properties for a published message: exactly miros-rabbitmq's
 * (`app_id='miros-rabbitmq-publisher'`, `content_type='application/json'`,
 * `headers={'version': '1.0'}`, transient delivery) plus miroscope's
 * correlation headers, which Python nodes ignore and our dashboard uses to
 * pair a mesh message with the receptions it caused.
 *
 * Every header value has an explicit AMQP field type, because a Python
 * node must be able to *parse* the table even to ignore it (issue 8). Left
 * to guess, amqplib writes a JS number of 128–32767 with the tag `s` (a
 * 16-bit int), which pika 0.13.1 — what miros-rabbitmq runs on — reads as
 * a short string; the rest of the table is then garbage and the Python
 * consumer thread dies with InvalidFieldTypeException. So:
 *
 *   text headers   long string `S` (UTF-8)      every client reads it
 *   x-miroscope-seq  signed 32-bit `I` up to 2^31 - 1, then 64-bit `l`
 *                  (what pika itself writes for a Python int; pika 0.13.1
 *                  reads `l` unsigned, pika 1.x and amqplib signed — the
 *                  same for a seq, which is never negative)
 *
 * tests/net/headerFieldTypes.test.ts decodes the bytes amqplib writes with
 * pika 0.13.1's and 1.x's rules over the whole range of every value.
 */
import type { TypedFieldValue } from './transport/Transport.ts';

export interface Correlation {
  /** Unique per message. */
  messageId: string;
  /** The publishing chart's name. */
  chart: string;
  /** The publisher's sequence number for this message, counted per network (gaps = messages lost). */
  seq: number;
  /** The publishing node's id. */
  node: string;
}

export interface MirosMessageProperties {
  appId: string;
  contentType: string;
  headers: Record<string, string | TypedFieldValue>;
}

/** A seq beyond this is sent as a 64-bit `l`: it no longer fits pika's `I`. */
const MAX_INT32 = 2 ** 31 - 1;
/**
 * Longer chart names and node ids are not sent in headers (the item still
 * carries the chart's name): amqplib encodes the whole header table into
 * one 64 KiB buffer and throws past it, which would fail the publish.
 */
export const MAX_HEADER_TEXT_CHARS = 4_096;

export const HEADER_MESSAGE_ID = 'x-miroscope-message-id';
export const HEADER_CHART = 'x-miroscope-chart';
export const HEADER_SEQ = 'x-miroscope-seq';
export const HEADER_NODE = 'x-miroscope-node';

/** `extra` carries further miroscope headers (the topology announcement). */
export function mirosMessageProperties(correlation?: Partial<Correlation>, extra?: Record<string, string>): MirosMessageProperties {
  // Keys are added in one fixed order, so every message's table has the same hidden class.
  const headers: Record<string, string | TypedFieldValue> = { version: '1.0' };
  if (correlation?.messageId !== undefined) headers[HEADER_MESSAGE_ID] = correlation.messageId;
  if (correlation?.chart !== undefined && correlation.chart.length <= MAX_HEADER_TEXT_CHARS) headers[HEADER_CHART] = correlation.chart;
  if (correlation?.seq !== undefined) headers[HEADER_SEQ] = seqField(correlation.seq);
  if (correlation?.node !== undefined && correlation.node.length <= MAX_HEADER_TEXT_CHARS) headers[HEADER_NODE] = correlation.node;
  if (extra) for (const key of Object.keys(extra)) headers[key] = extra[key]!;
  return { appId: 'miros-rabbitmq-publisher', contentType: 'application/json', headers };
}

/** Whatever correlation a message's headers carry (none from Python senders). */
export function readCorrelation(headers: Record<string, unknown> | undefined): Partial<Correlation> {
  const out: Partial<Correlation> = {};
  if (!headers) return out;
  const id = headerText(headers[HEADER_MESSAGE_ID]);
  const chart = headerText(headers[HEADER_CHART]);
  const node = headerText(headers[HEADER_NODE]);
  const seq = headerSeq(headers[HEADER_SEQ]);
  if (id !== undefined) out.messageId = id;
  if (chart !== undefined) out.chart = chart;
  if (node !== undefined) out.node = node;
  if (seq !== undefined) out.seq = seq;
  return out;
}

function seqField(seq: number): TypedFieldValue {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`x-miroscope-seq must be a whole number from 0 to 2^53 - 1, not ${seq}`);
  return seq <= MAX_INT32 ? { '!': 'int', value: seq } : { '!': 'long', value: seq };
}

/**
 * A seq as any sender has written it: a number (amqplib decodes `b s I l`
 * to one), still typed (the in-process bus hands our own object over), or
 * a decimal string. Anything else — negative, fractional, unsafe — is no seq.
 */
function headerSeq(value: unknown): number | undefined {
  let n: unknown = value;
  if (typeof value === 'object' && value !== null && '!' in value) n = (value as { value?: unknown }).value;
  else if (typeof value === 'string' && /^\d{1,16}$/.test(value)) n = Number(value);
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * A header's text (amqplib hands over long strings as str, byte arrays as Buffer).
 * Module level on purpose: tsx names every closure it creates (`__name`), which
 * made a per-call helper here cost 0.4 µs per received message.
 */
function headerText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : undefined;
}
