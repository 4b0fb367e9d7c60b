import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { FernetError, type FernetFailure } from '../../server/net/fernet/FernetError.ts';
import { fixturePath } from '../support/fixturePath.ts';

const spec = (name: string) => JSON.parse(readFileSync(fixturePath('fernet-spec', name), 'utf8'));
const wire = JSON.parse(readFileSync(fixturePath('wire/miros-rabbitmq-wire.json'), 'utf8'));
const seconds = (iso: string) => Date.parse(iso) / 1000;

interface GenerateVector { token: string; now: string; iv: number[]; src: string; secret: string }
interface VerifyVector { token: string; now: string; ttl_sec: number; src: string; secret: string }
interface InvalidVector { desc: string; token: string; now: string; ttl_sec: number; secret: string }

const expectedReason: Record<string, FernetFailure> = {
  'incorrect mac': 'bad-mac',
  'too short': 'too-short',
  'invalid base64': 'invalid-base64',
  'payload size not multiple of block size': 'not-block-aligned',
  'payload padding error': 'bad-padding',
  'far-future TS (unacceptable clock skew)': 'future-timestamp',
  'expired TTL': 'expired',
  'incorrect IV (causes padding error)': 'bad-padding',
};

function failureOf(run: () => unknown): FernetFailure | 'no error' | 'untyped error' {
  try {
    run();
    return 'no error';
  } catch (err) {
    return err instanceof FernetError ? err.reason : 'untyped error';
  }
}

describe('Fernet spec vectors', () => {
  it.each(spec('generate.json') as GenerateVector[])('generates the spec token for $src', (v) => {
    const token = new Fernet(v.secret).encrypt(Buffer.from(v.src), { iv: Uint8Array.from(v.iv), time: seconds(v.now) });
    expect(token).toBe(v.token);
  });

  it.each(spec('verify.json') as VerifyVector[])('verifies the spec token for $src', (v) => {
    const plain = new Fernet(v.secret).decrypt(v.token, { ttl: v.ttl_sec, now: seconds(v.now) });
    expect(plain.toString('utf8')).toBe(v.src);
  });

  const invalid = spec('invalid.json') as InvalidVector[];
  it('has a reason for every invalid case in the spec', () => {
    expect(invalid.map((v) => v.desc).sort()).toEqual(Object.keys(expectedReason).sort());
  });

  it.each(invalid)('rejects "$desc" with its own reason', (v) => {
    const reason = failureOf(() => new Fernet(v.secret).decrypt(v.token, { ttl: v.ttl_sec, now: seconds(v.now) }));
    expect(reason).toBe(expectedReason[v.desc]);
  });
});

describe('Fernet with tokens made by Python', () => {
  const items = Object.entries(wire.items as Record<string, { amqp_body_ascii: string; pickles: Record<string, { hex: string }> }>);

  it.each(items)('decrypts the %s body into the protocol 4 pickle Python wrote', (_name, item) => {
    const plain = new Fernet(wire.fernet_key).decrypt(Buffer.from(item.amqp_body_ascii, 'latin1'));
    expect(plain.toString('hex')).toBe(item.pickles['4']!.hex);
  });

  it.each(items)('re-creates the %s body byte for byte from the same iv and time', (_name, item) => {
    const token = new Fernet(wire.fernet_key).encrypt(Buffer.from(item.pickles['4']!.hex, 'hex'), {
      iv: Buffer.from(wire.iv_hex, 'hex'),
      time: wire.timestamp,
    });
    expect(token).toBe(item.amqp_body_ascii);
  });
});

describe('Fernet keys and tokens', () => {
  const demoKey = 'u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg=';

  it('round-trips binary data including every byte value', () => {
    const data = Uint8Array.from({ length: 256 }, (_, i) => i);
    const fernet = new Fernet(demoKey);
    expect([...fernet.decrypt(fernet.encrypt(data))]).toEqual([...data]);
  });

  it('emits base64url tokens with = padding, as Python does', () => {
    const token = new Fernet(demoKey).encrypt(new Uint8Array(1));
    // 1 + 8 + 16 + 16 + 32 = 73 bytes → 98 base64 characters + '==' padding.
    expect([token.length, token.endsWith('=='), /^[A-Za-z0-9_-]+={0,2}$/.test(token)]).toEqual([100, true, true]);
  });

  it('accepts the key as Python bytes text (b"u3Uc-…=") and as raw 32 bytes', () => {
    const token = new Fernet(demoKey).encrypt('x');
    const asText = new Fernet(Buffer.from(demoKey, 'latin1')).decrypt(token).toString();
    const asRaw = new Fernet(Buffer.from(demoKey, 'base64url')).decrypt(token).toString();
    expect([asText, asRaw]).toEqual(['x', 'x']);
  });

  it('generates distinct 32-byte url-safe keys that work', () => {
    const [a, b] = [Fernet.generateKey(), Fernet.generateKey()];
    expect([a === b, a.length, Buffer.from(a, 'base64url').length]).toEqual([false, 44, 32]);
    const fernet = new Fernet(a);
    expect(fernet.decrypt(fernet.encrypt('ok')).toString()).toBe('ok');
  });

  it.each([['short'], ['u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73J=='], ['u3Uc+qAi9iiCv3fkBfRUAKrM1gH8w51/nVU8M8A73Jg=']])(
    'refuses the malformed key %s',
    (key) => {
      expect(failureOf(() => new Fernet(key))).toBe('invalid-key');
    },
  );

  it('decrypts with any key of a rotation list and encrypts with the first', () => {
    const [oldKey, newKey] = [Fernet.generateKey(), Fernet.generateKey()];
    const fromOld = new Fernet(oldKey).encrypt('old');
    const ring = new Fernet([newKey, oldKey]);
    const fromRing = ring.encrypt('new');
    expect([ring.decrypt(fromOld).toString(), new Fernet(newKey).decrypt(fromRing).toString()]).toEqual(['old', 'new']);
    expect(failureOf(() => new Fernet(oldKey).decrypt(fromRing))).toBe('bad-mac');
  });

  it('does not check the age of a token unless a TTL is given', () => {
    const fernet = new Fernet(demoKey);
    const token = fernet.encrypt('x', { time: 1000 });
    expect(fernet.decrypt(token).toString()).toBe('x');
    expect(failureOf(() => fernet.decrypt(token, { ttl: 60, now: 2000 }))).toBe('expired');
    expect(Fernet.timestampOf(token)).toBe(1000);
  });

  it('refuses unpadded and bad-version tokens', () => {
    const token = new Fernet(demoKey).encrypt('x');
    const unpadded = token.replace(/=+$/, '');
    const raw = Buffer.from(token, 'base64url');
    raw[0] = 0x81;
    const wrongVersion = raw.toString('base64url') + '==';
    expect([failureOf(() => new Fernet(demoKey).decrypt(unpadded)), failureOf(() => new Fernet(demoKey).decrypt(wrongVersion))]).toEqual([
      'invalid-base64',
      'bad-version',
    ]);
  });
});
