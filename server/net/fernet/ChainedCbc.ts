/**
 * AES-128-CBC with PKCS7 for many short messages, through one long-lived
 * OpenSSL context per direction instead of a new one per message.
 *
 * Why: `createCipheriv` / `createDecipheriv` cost ~2.5 µs each, more than
 * the AES work itself on a ~100-byte trace line, and every chart message
 * pays it twice (publish and receive). Node cannot give a cipher a new IV,
 * but CBC does not need one: a context with padding off simply goes on
 * chaining, using the last ciphertext block it saw (S) as the next IV. We
 * keep a copy of S and steer the chain onto the message's own IV:
 *
 *   encrypt  feed  P1⊕IV⊕S, P2, P3 …   context computes E(P1⊕IV⊕S⊕S) = E(P1⊕IV) = C1,
 *                                       then C2 = E(P2⊕C1) …  — exactly CBC under IV
 *   decrypt  feed  C1, C2, C3 …        context returns D(C1)⊕S, D(C2)⊕C1 = P2 …
 *                                       so P1 = out1 ⊕ S ⊕ IV
 *
 *   after either, S = the last ciphertext block (produced or fed)
 *
 * The bytes are the same as a fresh context per message gives (the Fernet
 * spec vectors, Python's tokens and a comparison with `createCipheriv` in
 * tests/net/chainedCbc.test.ts check it). PKCS7 padding is added and checked
 * here because OpenSSL's is off. If OpenSSL ever returned a short block
 * count, S would be unknown: the context is then dropped and made afresh.
 */
import { createCipheriv, createDecipheriv, type Cipher, type Decipher, type KeyObject } from 'node:crypto';

const BLOCK = 16;
const ZERO_IV = Buffer.alloc(BLOCK);

export class ChainedCbc {
  private cipher: Cipher | null = null;
  private decipher: Decipher | null = null;
  /** The last ciphertext block each context chained on (its next "IV"). */
  private readonly encryptChain = Buffer.alloc(BLOCK);
  private readonly decryptChain = Buffer.alloc(BLOCK);

  constructor(private readonly key: KeyObject) {}

  /** The PKCS7-padded ciphertext of `plain` under `iv` (16 bytes). */
  encrypt(plain: Uint8Array, iv: Uint8Array): Buffer {
    const length = (Math.floor(plain.length / BLOCK) + 1) * BLOCK;
    const padded = Buffer.allocUnsafe(length);
    padded.set(plain, 0);
    padded.fill(length - plain.length, plain.length);
    const cipher = (this.cipher ??= this.fresh(createCipheriv('aes-128-cbc', this.key, ZERO_IV), this.encryptChain));
    const chain = this.encryptChain;
    for (let i = 0; i < BLOCK; i++) padded[i] = padded[i]! ^ iv[i]! ^ chain[i]!;
    const out = this.run(cipher, padded);
    chain.set(out.subarray(length - BLOCK));
    return out;
  }

  /**
   * The plaintext of a whole-block ciphertext under `iv`, or null when its
   * PKCS7 padding is broken. Call only on authenticated ciphertext.
   */
  decrypt(ciphertext: Uint8Array, iv: Uint8Array): Buffer | null {
    const length = ciphertext.length;
    if (length === 0 || length % BLOCK !== 0) throw new RangeError('CBC ciphertext must be whole blocks');
    const decipher = (this.decipher ??= this.fresh(createDecipheriv('aes-128-cbc', this.key, ZERO_IV), this.decryptChain));
    const out = this.run(decipher, ciphertext);
    const chain = this.decryptChain;
    for (let i = 0; i < BLOCK; i++) out[i] = out[i]! ^ chain[i]! ^ iv[i]!;
    chain.set(ciphertext.subarray(length - BLOCK));
    const pad = out[length - 1]!;
    if (pad < 1 || pad > BLOCK) return null;
    for (let i = length - pad; i < length - 1; i++) if (out[i] !== pad) return null;
    return out.subarray(0, length - pad);
  }

  private fresh<C extends Cipher | Decipher>(context: C, chain: Buffer): C {
    context.setAutoPadding(false);
    chain.fill(0);
    return context;
  }

  /**
   * One update over whole blocks. Should OpenSSL throw or hold blocks back,
   * the chain block is unknown: the context is dropped and made afresh next time.
   */
  private run(context: Cipher | Decipher, input: Uint8Array): Buffer {
    let out: Buffer | null = null;
    try {
      out = context.update(input);
    } finally {
      if (out === null || out.length !== input.length) {
        if (context === this.cipher) this.cipher = null;
        else this.decipher = null;
      }
    }
    if (out.length !== input.length) throw new Error(`AES-CBC returned ${out.length} of ${input.length} bytes`);
    return out;
  }
}
