/**
 * One network's message codec: item ⇄ AMQP body.
 *
 *   encode: item ──pickle (or JSON)──▶ plaintext ──Fernet(key)──▶ token bytes
 *   decode: body ─size cap─▶ Fernet verify+decrypt ─▶ safe unpickle ─▶ shape ─▶ records
 *                  │              │                      │               │
 *               oversized   bad-token/wrong-key   bad-pickle/forbidden  bad-shape
 *
 * Each stage runs only on what the previous one accepted, so a body that
 * does not verify is never unpickled. Decoding never throws: it returns the
 * records or a typed rejection — an error no stage names (a bug) becomes a
 * `decoder-error` rejection, counted like the others, never an exception in
 * the consumer. The budgets (messageBudgets.ts) are checked in the stage that
 * first sees each cost: bytes before decryption, depth and items while
 * unpickling, records, event depth and signal names while shaping. A verified message whose headers announce
 * its chart's topology (topologyHeader.ts) also yields a `meta` topology record.
 */
import type { MetaRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { RECORD_VERSION } from '../../shared/records/MirosRecord.ts';
import { DEFAULT_MESSAGE_BUDGETS, type MessageBudgets } from '../config/messageBudgets.ts';
import { BodyFormatError } from './BodyFormatError.ts';
import { readCorrelation } from './correlationHeaders.ts';
import { decodeBody, type BodyFormat } from './decodeBody.ts';
import { encodeBody } from './encodeBody.ts';
import { Fernet, type FernetKeyInput } from './fernet/Fernet.ts';
import { FernetError } from './fernet/FernetError.ts';
import { itemRecords, type ItemBudgets } from './itemRecords.ts';
import type { MirosNetwork } from './mirosTopology.ts';
import { PickleError } from './pickle/PickleError.ts';
import type { PicklableItem } from './pickle/pickleDumps.ts';
import type { PickleValue } from './pickle/PickleValue.ts';
import type { UnpickleLimits } from './pickle/unpickle.ts';
import { readTopology } from './topologyHeader.ts';
import type { RejectReason, WireRejection } from './WireRejection.ts';

export interface MessageCodecOptions {
  network: MirosNetwork;
  /** The network's Fernet key; a list for rotation (first encrypts, all decrypt). */
  key: FernetKeyInput | readonly FernetKeyInput[];
  /** Body format to write (default `pickle`, what Python reads); both are read. */
  body?: BodyFormat;
  /** Largest AMQP body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Refuse tokens older than this many seconds (default: no age check, as miros-rabbitmq). */
  ttlSec?: number;
  limits?: UnpickleLimits;
  /** Depth, items, records per message, signal names (defaults: DEFAULT_MESSAGE_BUDGETS). */
  budgets?: Partial<MessageBudgets>;
}

export interface DecodeContext {
  received: number;
  routingKey?: string;
  headers?: Record<string, unknown>;
}

/** `item` is the decoded item itself, for printers that must show it as received (formatSnoopLine). */
export type DecodeResult = { ok: true; records: UnnumberedRecord[]; item: PickleValue } | { ok: false; rejection: WireRejection };

export const DEFAULT_MAX_BODY_BYTES = DEFAULT_MESSAGE_BUDGETS.maxBodyBytes;

const FERNET_REASON: Record<FernetError['reason'], RejectReason> = {
  'invalid-key': 'bad-token',
  'invalid-base64': 'bad-token',
  'bad-version': 'bad-token',
  'too-short': 'bad-token',
  'not-block-aligned': 'bad-token',
  'bad-padding': 'bad-token',
  'bad-mac': 'wrong-key',
  expired: 'expired',
  'future-timestamp': 'expired',
};

/** Decoder errors that mean a budget was exceeded; every other one is `bad-pickle`. */
const PICKLE_REASON: Partial<Record<string, RejectReason>> = {
  oversized: 'oversized',
  'too-deep': 'too-deep',
  'too-many-items': 'too-many-items',
};

export class MessageCodec {
  readonly network: MirosNetwork;
  private readonly fernet: Fernet;
  private readonly format: BodyFormat;
  private readonly maxBodyBytes: number;
  private readonly ttlSec: number | undefined;
  private readonly limits: UnpickleLimits;
  private readonly itemBudgets: ItemBudgets;

  constructor(options: MessageCodecOptions) {
    this.network = options.network;
    this.fernet = new Fernet(options.key);
    this.format = options.body ?? 'pickle';
    const budgets = { ...DEFAULT_MESSAGE_BUDGETS, ...options.budgets };
    this.maxBodyBytes = options.maxBodyBytes ?? budgets.maxBodyBytes;
    this.ttlSec = options.ttlSec;
    this.limits = { maxValueBytes: this.maxBodyBytes, maxDepth: budgets.maxDepth, maxItems: budgets.maxItems, ...options.limits };
    this.itemBudgets = {
      maxDepth: this.limits.maxDepth ?? budgets.maxDepth,
      maxRecordsPerMessage: budgets.maxRecordsPerMessage,
      maxSignalNameChars: budgets.maxSignalNameChars,
    };
  }

  /** The AMQP body for an item: `Fernet(key).encrypt(pickle.dumps(item))`. */
  encode(item: PicklableItem): Buffer {
    return this.fernet.encryptToBuffer(encodeBody(item, this.format));
  }

  decode(body: Uint8Array, ctx: DecodeContext): DecodeResult {
    try {
      return this.decodeStages(body, ctx);
    } catch (err) {
      const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      return this.reject('decoder-error', `the decoder failed: ${error.slice(0, 200)}`);
    }
  }

  private decodeStages(body: Uint8Array, ctx: DecodeContext): DecodeResult {
    if (body.length > this.maxBodyBytes) {
      return this.reject('oversized', `body of ${body.length} bytes exceeds the ${this.maxBodyBytes}-byte cap`);
    }
    let plain: Buffer;
    try {
      plain = this.fernet.decrypt(body, this.ttlSec === undefined ? {} : { ttl: this.ttlSec });
    } catch (err) {
      if (err instanceof FernetError) return this.reject(FERNET_REASON[err.reason], `fernet: ${err.message}`);
      throw err;
    }
    let item;
    try {
      item = decodeBody(plain, this.limits);
    } catch (err) {
      if (err instanceof PickleError) {
        if (err.code === 'forbidden-opcode') return this.reject('forbidden-opcode', err.message);
        return this.reject(PICKLE_REASON[err.code] ?? 'bad-pickle', `pickle: ${err.message}`);
      }
      if (err instanceof BodyFormatError) return this.reject(PICKLE_REASON[err.code] ?? 'bad-pickle', `body: ${err.message}`);
      throw err;
    }
    const correlation = readCorrelation(ctx.headers);
    const itemCtx = { received: ctx.received, correlation, ...(ctx.routingKey === undefined ? {} : { routingKey: ctx.routingKey }) };
    const result = itemRecords(this.network, item, itemCtx, this.itemBudgets);
    if (!result.ok) return this.reject(result.reason ?? 'bad-shape', result.detail);
    const states = correlation.chart === undefined ? null : readTopology(ctx.headers);
    if (states !== null) {
      const announced: Omit<MetaRecord, 'seq'> = {
        v: RECORD_VERSION, kind: 'meta', event: 'topology', chart: correlation.chart!, node: correlation.node ?? null,
        time: null, received: ctx.received, raw: `topology of ${correlation.chart}`, states, network: this.network,
      };
      result.records.push(announced);
    }
    return { ok: true, records: result.records, item };
  }

  private reject(reason: RejectReason, detail: string): DecodeResult {
    return { ok: false, rejection: { reason, network: this.network, detail } };
  }
}
