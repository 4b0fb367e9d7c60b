/**
 * Fernet (https://github.com/fernet/spec) over bytes, with node:crypto only.
 *
 * miros-rabbitmq encrypts every AMQP body with `cryptography.fernet`; a
 * pickle is binary, so this works on Uint8Array in and out. The npm `fernet`
 * package was measured and rejected: it accepts three of the spec's invalid
 * tokens, handles only UTF-8 strings and manages ~11k tokens/s.
 *
 * Token layout (all big-endian), base64url WITH `=` padding as Python emits:
 *
 *   0      1            9                25             len-32      len
 *   ┌──────┬────────────┬────────────────┬──────────────┬───────────┐
 *   │ 0x80 │ time (u64) │ IV (16 bytes)  │ AES-128-CBC  │ HMAC-256  │
 *   └──────┴────────────┴────────────────┴──────────────┴───────────┘
 *   └──────────────── signed by HMAC-SHA256(signing key) ─┘
 *
 * Key rotation: construct with a list of keys; the first one encrypts, every
 * one is tried (by HMAC) to decrypt — Python's `MultiFernet` behaviour.
 *
 * Check order: structure (base64, version, length, block alignment) → HMAC →
 * time (only when a TTL is given, as in Python) → AES → padding. The time is
 * only judged once the HMAC proved it authentic.
 */
import {
  createHmac,
  createSecretKey,
  randomBytes,
  randomFillSync,
  timingSafeEqual,
} from 'node:crypto';
import { ChainedCbc } from './ChainedCbc.ts';
import { FernetError } from './FernetError.ts';

const VERSION = 0x80;
const HEADER = 1 + 8 + 16;
const MAC = 32;
const BLOCK = 16;
/** Python's `_MAX_CLOCK_SKEW`: a token may be stamped this far in the future. */
const MAX_CLOCK_SKEW_SEC = 60;
const BASE64URL_PADDED = /^[A-Za-z0-9_-]*={0,2}$/;

export type FernetKeyInput = string | Uint8Array;

export interface EncryptOptions {
  /** Fixed IV (16 bytes), for spec vectors; random otherwise. */
  iv?: Uint8Array;
  /** Token time in seconds since the epoch; now otherwise. */
  time?: number;
}

export interface DecryptOptions {
  /** Maximum token age in seconds; no age check when absent (as miros-rabbitmq). */
  ttl?: number;
  /** Current time in seconds since the epoch (for tests); now otherwise. */
  now?: number;
}

interface KeyPair {
  /** Raw bytes: node's HMAC is ~20 % faster with a Buffer key than with a KeyObject. */
  signing: Buffer;
  /** AES-128-CBC through long-lived contexts (a fresh one per token costs ~2.5 µs). */
  cbc: ChainedCbc;
}

/**
 * IVs come from a pool of CSPRNG bytes refilled 4 KiB at a time, each 16
 * bytes used once: `randomBytes(16)` per token costs ~2.7 µs, a fifth of an
 * encryption (the same trick node uses for randomUUID's entropy cache).
 */
const IV_POOL = Buffer.allocUnsafe(4096);
let ivOffset = IV_POOL.length;

/** The next 16 unused pool bytes: a view, valid until the next call (seal copies it into the token). */
function freshIv(): Buffer {
  if (ivOffset + BLOCK > IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivOffset = 0;
  }
  const iv = IV_POOL.subarray(ivOffset, ivOffset + BLOCK);
  ivOffset += BLOCK;
  return iv;
}

/**
 * Fernet tokens (AES-128-CBC + HMAC-SHA256) with one key or a list: the first encrypts, any
 * decrypts. `Fernet.generateKey()` makes a network's key.
 *
 * @remarks miros-rabbitmq: Python's `cryptography.fernet.Fernet` (`MultiFernet` for a list of
 * keys), which encrypts every message on its networks; the tokens are the same bytes.
 */
export class Fernet {
  private readonly keys: KeyPair[];

  /** A fresh key as url-safe base64 text, like `Fernet.generate_key()`. */
  static generateKey(): string {
    return toBase64UrlPadded(randomBytes(32));
  }

  constructor(key: FernetKeyInput | readonly FernetKeyInput[]) {
    const list = Array.isArray(key) ? (key as readonly FernetKeyInput[]) : [key as FernetKeyInput];
    if (list.length === 0) throw new FernetError('invalid-key', 'Fernet needs at least one key');
    this.keys = list.map(parseKey);
  }

  /** Encrypts bytes (or a string, as UTF-8) into a token string. */
  encrypt(data: Uint8Array | string, options: EncryptOptions = {}): string {
    return toBase64UrlPadded(this.seal(data, options));
  }

  /** Encrypts into the token's ASCII bytes, ready to be an AMQP body. */
  encryptToBuffer(data: Uint8Array | string, options: EncryptOptions = {}): Buffer {
    return Buffer.from(this.encrypt(data, options), 'latin1');
  }

  /** Verifies and decrypts a token (text or its ASCII bytes); throws {@link FernetError}. */
  decrypt(token: string | Uint8Array, options: DecryptOptions = {}): Buffer {
    const raw = decodeToken(token);
    const key = this.keys.find((k) => macMatches(k.signing, raw));
    if (!key) throw new FernetError('bad-mac', 'token signature does not match (wrong key or tampered)');
    if (options.ttl !== undefined) {
      const time = Number(raw.readBigUInt64BE(1));
      const now = options.now ?? Math.floor(Date.now() / 1000);
      if (time + options.ttl < now) throw new FernetError('expired', `token is older than ${options.ttl}s`);
      if (now + MAX_CLOCK_SKEW_SEC < time) {
        throw new FernetError('future-timestamp', 'token is stamped too far in the future');
      }
    }
    const plain = key.cbc.decrypt(raw.subarray(HEADER, raw.length - MAC), raw.subarray(9, HEADER));
    if (plain === null) throw new FernetError('bad-padding', 'token plaintext padding is invalid');
    return plain;
  }

  /** The time (seconds since the epoch) a token states, without verifying it. */
  static timestampOf(token: string | Uint8Array): number {
    return Number(decodeToken(token).readBigUInt64BE(1));
  }

  private seal(data: Uint8Array | string, options: EncryptOptions): Buffer {
    const key = this.keys[0]!;
    const iv = options.iv ?? freshIv();
    if (iv.length !== BLOCK) throw new RangeError('Fernet IV must be 16 bytes');
    const plain = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const cipherText = key.cbc.encrypt(plain, iv);
    const signed = HEADER + cipherText.length;
    const out = Buffer.allocUnsafe(signed + MAC);
    out[0] = VERSION;
    // The u64 time as two u32 halves: writeBigUInt64BE needs a BigInt per token.
    const time = Math.floor(options.time ?? Date.now() / 1000);
    out.writeUInt32BE(Math.floor(time / 0x1_0000_0000), 1);
    out.writeUInt32BE(time >>> 0, 5);
    out.set(iv, 9);
    out.set(cipherText, HEADER);
    out.set(createHmac('sha256', key.signing).update(out.subarray(0, signed)).digest(), signed);
    return out;
  }
}

function parseKey(input: FernetKeyInput): KeyPair {
  let bytes: Buffer;
  if (typeof input === 'string') {
    if (input.length !== 44 || !BASE64URL_PADDED.test(input)) {
      throw new FernetError('invalid-key', 'Fernet key must be 32 url-safe base64-encoded bytes');
    }
    bytes = Buffer.from(input, 'base64url');
  } else {
    // Bytes are either the raw 32-byte key or its base64 text (Python's b'u3Uc-…=').
    bytes = input.length === 44 ? parseKeyText(Buffer.from(input).toString('latin1')) : Buffer.from(input);
  }
  if (bytes.length !== 32) throw new FernetError('invalid-key', 'Fernet key must be 32 bytes');
  return { signing: Buffer.from(bytes.subarray(0, 16)), cbc: new ChainedCbc(createSecretKey(bytes.subarray(16))) };
}

function parseKeyText(text: string): Buffer {
  if (!BASE64URL_PADDED.test(text)) throw new FernetError('invalid-key', 'Fernet key text is not url-safe base64');
  return Buffer.from(text, 'base64url');
}

function decodeToken(token: string | Uint8Array): Buffer {
  const text = typeof token === 'string' ? token : Buffer.from(token.buffer, token.byteOffset, token.length).toString('latin1');
  // Python's urlsafe_b64decode insists on padding; so do we. Anything outside
  // the url-safe alphabet is refused rather than skipped.
  if (text.length % 4 !== 0 || !BASE64URL_PADDED.test(text)) {
    throw new FernetError('invalid-base64', 'token is not url-safe base64 with padding');
  }
  const raw = Buffer.from(text, 'base64url');
  if (raw.length === 0 || raw[0] !== VERSION) throw new FernetError('bad-version', 'token version is not 0x80');
  if (raw.length < HEADER + MAC) throw new FernetError('too-short', `token has only ${raw.length} bytes`);
  const cipherLength = raw.length - HEADER - MAC;
  if (cipherLength === 0 || cipherLength % BLOCK !== 0) {
    throw new FernetError('not-block-aligned', `ciphertext of ${cipherLength} bytes is not whole AES blocks`);
  }
  return raw;
}

function macMatches(signing: Buffer, raw: Buffer): boolean {
  const signed = raw.length - MAC;
  const mac = createHmac('sha256', signing).update(raw.subarray(0, signed)).digest();
  return timingSafeEqual(mac, raw.subarray(signed));
}

function toBase64UrlPadded(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64url');
  return text + '='.repeat((4 - (text.length % 4)) % 4);
}
