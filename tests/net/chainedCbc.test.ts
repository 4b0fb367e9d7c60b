import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChainedCbc } from '../../server/net/fernet/ChainedCbc.ts';

// The reference is OpenSSL itself: a fresh AES-128-CBC context (PKCS7 on) per message.
const keyBytes = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const key = createSecretKey(keyBytes);
const freshEncrypt = (plain: Uint8Array, iv: Uint8Array) => {
  const c = createCipheriv('aes-128-cbc', key, iv);
  return Buffer.concat([c.update(plain), c.final()]);
};
const freshDecrypt = (cipherText: Uint8Array, iv: Uint8Array) => {
  const d = createDecipheriv('aes-128-cbc', key, iv);
  return Buffer.concat([d.update(cipherText), d.final()]);
};
/** Plaintexts of every length around the block edges, each with its own IV. */
const messages = Array.from({ length: 70 }, (_, i) => ({ plain: randomBytes(i), iv: randomBytes(16) }));

describe('ChainedCbc', () => {
  it('encrypts a stream of messages exactly as a fresh context per message does', () => {
    const cbc = new ChainedCbc(key);
    const ours = messages.map(({ plain, iv }) => cbc.encrypt(plain, iv).toString('hex'));
    expect(ours).toEqual(messages.map(({ plain, iv }) => freshEncrypt(plain, iv).toString('hex')));
  });

  it('decrypts a stream of messages made by fresh contexts, interleaved with its own encryptions', () => {
    const cbc = new ChainedCbc(key);
    const out: string[] = [];
    for (const { plain, iv } of messages) {
      out.push(cbc.decrypt(freshEncrypt(plain, iv), iv)!.toString('hex'));
      cbc.encrypt(randomBytes(33), randomBytes(16));
    }
    expect(out).toEqual(messages.map(({ plain }) => plain.toString('hex')));
  });

  it('round-trips with itself for the same IV reused (the chain state never leaks into a message)', () => {
    const cbc = new ChainedCbc(key);
    const iv = Buffer.alloc(16, 7);
    const tokens = ['a', 'a', 'bb'].map((text) => cbc.encrypt(Buffer.from(text), iv));
    expect([tokens[0]!.equals(tokens[1]!), tokens.map((t) => cbc.decrypt(t, iv)!.toString())]).toEqual([true, ['a', 'a', 'bb']]);
  });

  it('returns null for broken padding and still decrypts the next message', () => {
    const cbc = new ChainedCbc(key);
    const iv = randomBytes(16);
    // Whole blocks encrypted without padding: the last byte decides what the "padding" is.
    const noPad = (last: number) => {
      const c = createCipheriv('aes-128-cbc', key, iv).setAutoPadding(false);
      const block = Buffer.alloc(32, 1);
      block[31] = last;
      return c.update(block);
    };
    const next = freshEncrypt(Buffer.from('after'), iv);
    expect([cbc.decrypt(noPad(0), iv), cbc.decrypt(noPad(17), iv), cbc.decrypt(noPad(3), iv), cbc.decrypt(next, iv)?.toString()]).toEqual([
      null,
      null,
      null,
      'after',
    ]);
  });

  it('agrees with a fresh context on where padding ends', () => {
    const cbc = new ChainedCbc(key);
    const iv = randomBytes(16);
    const sixteen = Buffer.alloc(16, 0x41);
    expect(cbc.decrypt(freshEncrypt(sixteen, iv), iv)!.toString('hex')).toBe(freshDecrypt(freshEncrypt(sixteen, iv), iv).toString('hex'));
  });

  it('refuses a ciphertext that is not whole blocks', () => {
    expect(() => new ChainedCbc(key).decrypt(Buffer.alloc(15), Buffer.alloc(16))).toThrow(RangeError);
  });
});
