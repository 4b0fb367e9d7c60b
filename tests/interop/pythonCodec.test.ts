/**
 * Our Fernet and pickle code against CPython's own, live: values pickled by
 * Python in every protocol read back equal; tokens cross both ways; our
 * pickles are byte-identical to Python's for the items we send.
 */
import { describe, expect, it } from 'vitest';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { pickleDumps } from '../../server/net/pickle/pickleDumps.ts';
import { PickleTuple, tuple, type PickleValue } from '../../server/net/pickle/PickleValue.ts';
import { unpickle } from '../../server/net/pickle/unpickle.ts';
import { runPython } from './pythonPeer.ts';

/** Python values as tagged JSON, so tuples, bytes, big ints and floats survive the trip. */
const TAGGED = `
import json, math
def tag(v):
    if isinstance(v, bool) or v is None: return v
    if isinstance(v, int): return {'int': str(v)}
    if isinstance(v, float): return {'float': repr(v)}
    if isinstance(v, str): return v
    if isinstance(v, (bytes, bytearray)): return {'bytes': bytes(v).hex()}
    if isinstance(v, tuple): return {'tuple': [tag(x) for x in v]}
    if isinstance(v, list): return [tag(x) for x in v]
    if isinstance(v, dict): return {'dict': [[tag(k), tag(x)] for k, x in v.items()]}
    raise TypeError(type(v))
`;

function tagged(v: PickleValue): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  // JavaScript has one number type: Python's 1 and 1.0 both read as 1.
  if (typeof v === 'number') return { num: v };
  if (typeof v === 'bigint') return { int: String(v) };
  if (v instanceof Uint8Array) return { bytes: Buffer.from(v).toString('hex') };
  if (v instanceof PickleTuple) return { tuple: v.items.map(tagged) };
  if (Array.isArray(v)) return v.map(tagged);
  return { dict: [...v.entries()].map(([k, x]) => [tagged(k), tagged(x)]) };
}

/** Python's ints and float reprs → what we expect to read: numbers, or bigints beyond 2^53. */
function pythonFloats(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pythonFloats);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('float' in o) {
      const r = o.float as string;
      return { num: r === 'nan' ? NaN : r === 'inf' ? Infinity : r === '-inf' ? -Infinity : Number(r) };
    }
    if ('int' in o) {
      const n = BigInt(o.int as string);
      return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? { num: Number(n) } : { int: String(n) };
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, pythonFloats(x)]));
  }
  return v;
}

describe('unpickle against CPython', () => {
  it('reads every plain value Python pickles, in protocols 0 to 5, as Python sees it (and refuses the bytes pickles that are calls)', async () => {
    const script = `${TAGGED}
import pickle
values = [
  'plain', 'ünï ☃ 🚀 \\n \\\\ \\x00 "q" \\'s\\'', '', 'x' * 70000,
  b'\\x00\\xff bytes', bytearray(b'ba'),
  0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1, 2**31, 2**53, 2**63, -2**64, 12345678901234567890123, -(2**200), 2**3000, -(2**2100),
  0.0, -0.0, 1.5, -1e-300, 1e300, 3.141592653589793, float('inf'), float('-inf'),
  True, False, None,
  (), ('one',), ('a', 'b'), ('a', 'b', 'c'), ('a', 'b', 'c', 'd', 5),
  [], [1, [2, [3, []]]], list(range(2500)),
  {}, {'a': 1, 'b': [True, None], 3: 'three', ('t', 1): (2,), None: 0.5}, {str(i): i for i in range(1500)},
  ('127.0.0.1', '{"signal_name": "x", "payload": null}'),
]
shared = ['s']
values.append([shared, shared, (shared,)])
out = []
for proto in range(0, 6):
    for v in values:
        # Before protocol 3, bytes are pickled as a call to _codecs.encode, and
        # before 5 a bytearray as a call to bytearray(): imports we refuse.
        calls = (isinstance(v, bytes) and proto < 3) or (isinstance(v, bytearray) and proto < 5)
        out.append({'protocol': proto, 'hex': pickle.dumps(v, protocol=proto).hex(), 'value': tag(v), 'calls': calls})
print(json.dumps(out))
`;
    const cases = JSON.parse(await runPython(['-c', script])) as { protocol: number; hex: string; value: unknown; calls: boolean }[];
    const mismatches = cases.flatMap((c, i) => {
      if (c.calls) {
        expect(() => unpickle(Buffer.from(c.hex, 'hex'))).toThrow(/forbidden opcode (STACK_)?GLOBAL/);
        return [];
      }
      const got = tagged(unpickle(Buffer.from(c.hex, 'hex')));
      try {
        expect(got).toEqual(pythonFloats(c.value));
        return [];
      } catch {
        return [`#${i} protocol ${c.protocol}: ${JSON.stringify(c.value).slice(0, 80)}`];
      }
    });
    // 2**3000 and -(2**2100) need LONG4 (more than 255 bytes) from protocol 2 on.
    expect([cases.length, mismatches]).toEqual([6 * 47, []]);
  });

  it('writes str and tuple pickles byte-identical to pickle.dumps in protocols 2 to 5', async () => {
    const items: (string | string[])[] = ['', 'short', 'é→🚀', 'x'.repeat(255), 'y'.repeat(256), 'z'.repeat(70_000), ['127.0.0.1', '{"signal_name": "a", "payload": null}'], ['same', 'same'], ['a', 'b', 'c', 'd']];
    const script = `
import json, pickle, sys
items = json.load(sys.stdin)
print(json.dumps([[pickle.dumps(tuple(i) if isinstance(i, list) else i, protocol=p).hex() for p in (2, 3, 4, 5)] for i in items]))
`;
    const python = JSON.parse(await runPython(['-c', script], JSON.stringify(items))) as string[][];
    const ours = items.map((i) => ([2, 3, 4, 5] as const).map((p) => pickleDumps(Array.isArray(i) ? tuple(...i) : i, p).toString('hex')));
    expect(ours).toEqual(python);
  });
});

describe('Fernet against cryptography.fernet', () => {
  it('decrypts what Python encrypts and Python decrypts what we encrypt, for binary data', async () => {
    const key = Fernet.generateKey();
    const ours = new Fernet(key);
    const payloads = [Buffer.alloc(0), Buffer.from([0, 255, 128]), Buffer.alloc(1000, 0xab), Buffer.from('ünï', 'utf8')];
    const ourTokens = payloads.map((p) => ours.encrypt(p));
    const script = `
import json, sys
from cryptography.fernet import Fernet
data = json.load(sys.stdin)
f = Fernet(data['key'].encode())
print(json.dumps({
  'decrypted': [f.decrypt(t.encode()).hex() for t in data['tokens']],
  'tokens': [f.encrypt(bytes.fromhex(h)).decode() for h in data['payloads']],
}))
`;
    const result = JSON.parse(await runPython(['-c', script], JSON.stringify({ key, tokens: ourTokens, payloads: payloads.map((p) => p.toString('hex')) }))) as {
      decrypted: string[];
      tokens: string[];
    };
    expect(result.decrypted).toEqual(payloads.map((p) => p.toString('hex')));
    expect(result.tokens.map((t) => ours.decrypt(t).toString('hex'))).toEqual(payloads.map((p) => p.toString('hex')));
  });

  it('uses MultiFernet semantics for a key list: Python tokens under an old key still decrypt', async () => {
    const [oldKey, newKey] = [Fernet.generateKey(), Fernet.generateKey()];
    const token = (await runPython(['-c', `from cryptography.fernet import Fernet; print(Fernet(b'${oldKey}').encrypt(b'rotated').decode())`])).trim();
    expect(new Fernet([newKey, oldKey]).decrypt(token).toString()).toBe('rotated');
  });
});
