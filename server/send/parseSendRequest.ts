/**
 * What an operator may ask the server to send (POST /api/send, `miroscope
 * send`), checked once at the edge against its budget before anything is
 * published on the mesh.
 *
 *   { "target": "04ccc_ao" | "all",     which chart the operator means (see OperatorSend.ts)
 *     "signal": "other_to_inner",       a Python identifier, as miros signals are
 *     "payload": <any JSON>,            optional; absent = None
 *     "routingKey": "heya.man" }        optional; else learned from the mesh
 *
 * Why each budget:
 * - the signal becomes `signals.<name>` in a Python node and is printed
 *   inside trace lines (`e->name(payload)`), so it must be an identifier: a
 *   space or a parenthesis would make every trace line after it unreadable;
 * - the payload is re-encoded by every receiver and walked recursively by
 *   every consumer (recorder, socket.io, the dashboard), so its JSON text is
 *   bounded in bytes and nesting, well under what the listener accepts from
 *   the mesh (messageBudgets.ts);
 * - a routing key is an AMQP short string (≤ 255 bytes); `*` and `#` are
 *   binding wildcards, meaningless (and misleading) in a published key;
 * - sends per second, server-wide (OperatorSend.ts): a script looping on
 *   `miroscope send` must not flood every chart's mailbox on the mesh.
 */
import { jsonNestsDeeperThan } from '../net/jsonNestingDepth.ts';

export interface SendBudget {
  maxSignalChars: number;
  maxPayloadBytes: number;
  maxPayloadDepth: number;
  maxTargetChars: number;
  /** Requests accepted per second (a fixed one-second window); more are refused with 429. */
  maxSendsPerSecond: number;
}

export const DEFAULT_SEND_BUDGET: SendBudget = {
  maxSignalChars: 128,
  maxPayloadBytes: 8 * 1024,
  maxPayloadDepth: 16,
  maxTargetChars: 256,
  maxSendsPerSecond: 20,
};

export interface SendRequest {
  /** A chart name, or `all`. */
  target: string;
  signal: string;
  /** The payload as JSON text (`null` when absent), already within budget. */
  payload: unknown;
  routingKey?: string;
}

/** Why a request was refused, counted by reason (`/api/health` → `send.refused`). */
export type SendRefusal = 'bad-request' | 'bad-signal' | 'signal-too-long' | 'payload-too-large' | 'payload-too-deep' | 'bad-routing-key' | 'bad-target';

export class SendInputError extends Error {
  constructor(
    readonly reason: SendRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'SendInputError';
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_ROUTING_KEY_BYTES = 255;

export function parseSendRequest(body: unknown, budget: SendBudget = DEFAULT_SEND_BUDGET): SendRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SendInputError('bad-request', 'the request body must be a JSON object: { "target", "signal", "payload"? }');
  }
  const { target, signal, payload = null, routingKey } = body as Record<string, unknown>;
  if (typeof target !== 'string' || target.trim() === '') throw new SendInputError('bad-target', '"target" must be a chart name or "all"');
  if (target.length > budget.maxTargetChars) throw new SendInputError('bad-target', `"target" is longer than ${budget.maxTargetChars} characters`);
  if (typeof signal !== 'string' || signal === '') throw new SendInputError('bad-signal', '"signal" must be a signal name such as other_to_inner');
  if (signal.length > budget.maxSignalChars) {
    throw new SendInputError('signal-too-long', `the signal name has ${signal.length} characters, more than ${budget.maxSignalChars}`);
  }
  if (!IDENTIFIER.test(signal)) {
    throw new SendInputError('bad-signal', `the signal name must be a Python identifier (letters, digits, _; not starting with a digit), not ${JSON.stringify(signal)}`);
  }
  const out: SendRequest = { target, signal, payload: checkPayload(payload, budget) };
  if (routingKey !== undefined) out.routingKey = checkRoutingKey(routingKey);
  return out;
}

function checkPayload(payload: unknown, budget: SendBudget): unknown {
  let text: string;
  try {
    text = JSON.stringify(payload);
  } catch {
    // A value nested deep enough to overflow the stack (the body parser's limit still let it in).
    throw new SendInputError('payload-too-deep', `the payload nests deeper than ${budget.maxPayloadDepth}`);
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > budget.maxPayloadBytes) {
    throw new SendInputError('payload-too-large', `the payload is ${bytes} bytes of JSON, more than ${budget.maxPayloadBytes}`);
  }
  if (jsonNestsDeeperThan(text, budget.maxPayloadDepth)) {
    throw new SendInputError('payload-too-deep', `the payload nests deeper than ${budget.maxPayloadDepth}`);
  }
  return payload;
}

function checkRoutingKey(key: unknown): string {
  if (typeof key !== 'string' || key === '') throw new SendInputError('bad-routing-key', '"routingKey" must be a non-empty string');
  if (Buffer.byteLength(key, 'utf8') > MAX_ROUTING_KEY_BYTES) throw new SendInputError('bad-routing-key', `a routing key is at most ${MAX_ROUTING_KEY_BYTES} bytes`);
  if (/[*#]/.test(key)) throw new SendInputError('bad-routing-key', `"${key}" holds a binding wildcard (* or #); publish with a plain key such as heya.man`);
  if (/[\u0000-\u001f\u007f]/.test(key)) throw new SendInputError('bad-routing-key', 'a routing key must not hold control characters');
  return key;
}
