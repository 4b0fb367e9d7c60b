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
 * records or a typed rejection. A verified message whose headers announce
 * its chart's topology (topologyHeader.ts) also yields a `meta` topology record.
 */
import type { MetaRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { RECORD_VERSION } from '../../shared/records/MirosRecord.ts';
import { BodyFormatError } from './BodyFormatError.ts';
import { readCorrelation } from './correlationHeaders.ts';
import { decodeBody, type BodyFormat } from './decodeBody.ts';
import { encodeBody } from './encodeBody.ts';
import { Fernet, type FernetKeyInput } from './fernet/Fernet.ts';
import { FernetError } from './fernet/FernetError.ts';
import { itemRecords } from './itemRecords.ts';
import type { MirosNetwork } from './mirosTopology.ts';
import { PickleError } from './pickle/PickleError.ts';
import type { PicklableItem } from './pickle/pickleDumps.ts';
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
}

export interface DecodeContext {
  received: number;
  routingKey?: string;
  headers?: Record<string, unknown>;
}

export type DecodeResult = { ok: true; records: UnnumberedRecord[] } | { ok: false; rejection: WireRejection };

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

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

export class MessageCodec {
  readonly network: MirosNetwork;
  private readonly fernet: Fernet;
  private readonly format: BodyFormat;
  private readonly maxBodyBytes: number;
  private readonly ttlSec: number | undefined;
  private readonly limits: UnpickleLimits;

  constructor(options: MessageCodecOptions) {
    this.network = options.network;
    this.fernet = new Fernet(options.key);
    this.format = options.body ?? 'pickle';
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.ttlSec = options.ttlSec;
    this.limits = { maxValueBytes: this.maxBodyBytes, ...options.limits };
  }

  /** The AMQP body for an item: `Fernet(key).encrypt(pickle.dumps(item))`. */
  encode(item: PicklableItem): Buffer {
    return this.fernet.encryptToBuffer(encodeBody(item, this.format));
  }

  decode(body: Uint8Array, ctx: DecodeContext): DecodeResult {
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
        return this.reject(err.code === 'oversized' ? 'oversized' : 'bad-pickle', `pickle: ${err.message}`);
      }
      if (err instanceof BodyFormatError) return this.reject('bad-pickle', `body: ${err.message}`);
      throw err;
    }
    const correlation = readCorrelation(ctx.headers);
    const result = itemRecords(this.network, item, { received: ctx.received, correlation, ...(ctx.routingKey === undefined ? {} : { routingKey: ctx.routingKey }) });
    if (!result.ok) return this.reject('bad-shape', result.detail);
    const states = correlation.chart === undefined ? null : readTopology(ctx.headers);
    if (states !== null) {
      const announced: Omit<MetaRecord, 'seq'> = {
        v: RECORD_VERSION, kind: 'meta', event: 'topology', chart: correlation.chart!, node: correlation.node ?? null,
        time: null, received: ctx.received, raw: `topology of ${correlation.chart}`, states, network: this.network,
      };
      result.records.push(announced);
    }
    return result;
  }

  private reject(reason: RejectReason, detail: string): DecodeResult {
    return { ok: false, rejection: { reason, network: this.network, detail } };
  }
}
