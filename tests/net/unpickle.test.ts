import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PickleError, type PickleErrorCode } from '../../server/net/pickle/PickleError.ts';
import { tuple, type PickleValue } from '../../server/net/pickle/PickleValue.ts';
import { unpickle } from '../../server/net/pickle/unpickle.ts';
import { fixturePath } from '../support/fixturePath.ts';

const wire = JSON.parse(readFileSync(fixturePath('wire/miros-rabbitmq-wire.json'), 'utf8'));

const hex = (h: string) => Buffer.from(h, 'hex');
const ints = [0, 1, -1, 255, 256, 65535, 65536, -(2 ** 31), 2 ** 31 - 1, 2 ** 31, 2n ** 53n, -(2n ** 53n), 2n ** 64n, -(2n ** 100n)];
const snowman = 'héllo ☃ 🚀';

// Every pickle below was written by CPython 3.11's pickle.dumps(value, protocol).
const valid: [name: string, pickle: string, value: PickleValue][] = [
  ['str, protocol 0 (UNICODE raw-unicode-escape)', '5668e96c6c6f205c7532363033205c5530303031663638300a70300a2e', snowman],
  ['str, protocol 1 (BINUNICODE BINPUT)', '580f00000068c3a96c6c6f20e2988320f09f9a8071002e', snowman],
  ['str, protocol 3', '8003580f00000068c3a96c6c6f20e2988320f09f9a8071002e', snowman],
  ['str, protocol 4 (FRAME SHORT_BINUNICODE MEMOIZE)', '80049513000000000000008c0f68c3a96c6c6f20e2988320f09f9a80942e', snowman],
  ['str, protocol 5', '80059513000000000000008c0f68c3a96c6c6f20e2988320f09f9a80942e', snowman],
  ['bytes, protocol 3 (SHORT_BINBYTES)', '800343050001ff616271002e', Uint8Array.from([0, 1, 255, 97, 98])],
  ['bytearray, protocol 5 (BYTEARRAY8)', '8005950d000000000000009602000000000000006162942e', Uint8Array.from([97, 98])],
  [
    'ints, protocol 0 (INT and LONG text)',
    '286c70300a49300a6149310a61492d310a61493235350a61493235360a614936353533350a614936353533360a61492d323134373438333634380a6149323134373438333634370a614c323134373438333634384c0a614c393030373139393235343734303939324c0a614c2d393030373139393235343734303939324c0a614c31383434363734343037333730393535313631364c0a614c2d313236373635303630303232383232393430313439363730333230353337364c0a612e',
    ints,
  ],
  [
    'ints, protocol 2 (BININT1/2/BININT/LONG1)',
    '80025d7100284b004b014affffffff4bff4d00014dffff4a000001004a000000804affffff7f8a0500000080008a07000000000000208a07000000000000e08a090000000000000000018a0d000000000000000000000000f0652e',
    ints,
  ],
  [
    'floats, protocol 0 (FLOAT text, inf)',
    '286c70300a46302e300a61462d312e350a614631652b3330300a6146696e660a61462d696e660a612e',
    [0, -1.5, 1e300, Infinity, -Infinity],
  ],
  [
    'floats, protocol 4 (BINFLOAT)',
    '80049532000000000000005d942847000000000000000047bff8000000000000477e37e43c8800759c477ff000000000000047fff0000000000000652e',
    [0, -1.5, 1e300, Infinity, -Infinity],
  ],
  ['True, False, None, protocol 0 (INT 01/00)', '286c70300a4930310a614930300a614e612e', [true, false, null]],
  ['True, False, None, protocol 2 (NEWTRUE/NEWFALSE)', '80025d71002888894e652e', [true, false, null]],
  [
    'nested tuples, protocol 4 (TUPLE1, EMPTY_TUPLE, MARK TUPLE)',
    '8004952400000000000000288c0161944b018c016294859429288c0178948c0179948c017a948c017794749474942e',
    tuple('a', 1, tuple('b'), tuple(), tuple('x', 'y', 'z', 'w')),
  ],
  [
    'nested tuples, protocol 0 (MARK TUPLE, PUT)',
    '2856610a70300a49310a2856620a70310a7470320a28742856780a70330a56790a70340a567a0a70350a56770a70360a7470370a7470380a2e',
    tuple('a', 1, tuple('b'), tuple(), tuple('x', 'y', 'z', 'w')),
  ],
  [
    'a dict with int and tuple keys, protocol 4 (SETITEMS)',
    '80049539000000000000007d94288c0161944b018c0162945d94284b014b02658c0163947d948c0164944e734b058c0466697665948c0174944b0186948c02746b94752e',
    new Map<PickleValue, PickleValue>([
      ['a', 1],
      ['b', [1, 2]],
      ['c', new Map([['d', null]])],
      [5, 'five'],
    ]),
  ],
  [
    'a shared list, protocol 4 (BINGET of a memoized list)',
    '80049510000000000000005d94285d948c0171946168016801652e',
    [['q'], ['q'], ['q']],
  ],
  ['a shared list, protocol 1', '5d7100285d710158010000007171026168016801652e', [['q'], ['q'], ['q']]],
];

describe('unpickle reads plain data Python wrote', () => {
  it.each(valid)('reads %s', (_name, pickle, value) => {
    const got = unpickle(hex(pickle));
    if (value instanceof Map) {
      // Tuple keys are compared by content: Map keys compare by identity.
      const entries = [...(got as Map<PickleValue, PickleValue>).entries()];
      expect(entries.slice(0, 4)).toStrictEqual([...value.entries()]);
      expect(entries[4]).toStrictEqual([tuple('t', 1), 'tk']);
    } else expect(got).toStrictEqual(value);
  });

  it('keeps one object for a value the pickle shares through the memo', () => {
    const got = unpickle(hex('80049510000000000000005d94285d948c0171946168016801652e')) as PickleValue[][];
    expect([got[0] === got[1], got[1] === got[2]]).toEqual([true, true]);
  });

  const items = Object.entries(wire.items as Record<string, { item: string | string[]; pickles: Record<string, { hex: string }> }>);
  it.each(items.flatMap(([name, item]) => ['2', '3', '4', '5'].map((p) => [`${name} protocol ${p}`, item.pickles[p]!.hex, item.item] as const)))(
    'reads the miros-rabbitmq %s item from the wire fixture',
    (_name, pickle, item) => {
      expect(unpickle(hex(pickle))).toStrictEqual(Array.isArray(item) ? tuple(...item) : item);
    },
  );
});

function errorOf(bytes: Uint8Array, limits?: Parameters<typeof unpickle>[1]): Pick<PickleError, 'code' | 'offset' | 'opcode'> | string {
  try {
    unpickle(bytes, limits);
    return 'no error';
  } catch (err) {
    if (!(err instanceof PickleError)) return `untyped ${String(err)}`;
    return { code: err.code, offset: err.offset, opcode: err.opcode };
  }
}

describe('unpickle refuses anything that is not plain data', () => {
  // Each of these would run `touch /tmp/pwned` (or build an object) under pickle.loads.
  const refused: [name: string, pickle: string, code: PickleErrorCode, offset: number, opcode: string | undefined][] = [
    ['os.system via GLOBAL + REDUCE, protocol 0', '63706f7369780a73797374656d0a70300a2856746f756368202f746d702f70776e65640a70310a7470320a5270330a2e', 'forbidden-opcode', 0, 'GLOBAL (0x63)'],
    ['os.system via GLOBAL + REDUCE, protocol 2', '800263706f7369780a73797374656d0a71005810000000746f756368202f746d702f70776e656471018571025271032e', 'forbidden-opcode', 2, 'GLOBAL (0x63)'],
    ['os.system via STACK_GLOBAL + REDUCE, protocol 4', '8004952b000000000000008c05706f736978948c0673797374656d9493948c10746f756368202f746d702f70776e656494859452942e', 'forbidden-opcode', 28, 'STACK_GLOBAL (0x93)'],
    ['an OrderedDict (STACK_GLOBAL)', '80049529000000000000008c0b636f6c6c656374696f6e73948c0b4f726465726564446963749493942952948c0161944b01732e', 'forbidden-opcode', 39, 'STACK_GLOBAL (0x93)'],
    ['an instance (NEWOBJ), protocol 4', '80049515000000000000008c085f5f6d61696e5f5f948c01509493942981942e', 'forbidden-opcode', 26, 'STACK_GLOBAL (0x93)'],
    ['a bare REDUCE', '8004522e', 'forbidden-opcode', 2, 'REDUCE (0x52)'],
    ['BUILD', '80047d94622e', 'forbidden-opcode', 4, 'BUILD (0x62)'],
    ['INST', '2869',  'forbidden-opcode', 1, 'INST (0x69)'],
    ['OBJ', '286f', 'forbidden-opcode', 1, 'OBJ (0x6f)'],
    ['NEWOBJ', '8002812e', 'forbidden-opcode', 2, 'NEWOBJ (0x81)'],
    ['NEWOBJ_EX', '8004922e', 'forbidden-opcode', 2, 'NEWOBJ_EX (0x92)'],
    ['EXT1', '8002820100', 'forbidden-opcode', 2, 'EXT1 (0x82)'],
    ['EXT2', '800283010000', 'forbidden-opcode', 2, 'EXT2 (0x83)'],
    ['EXT4', '80028401000000', 'forbidden-opcode', 2, 'EXT4 (0x84)'],
    ['PERSID', '50310a2e', 'forbidden-opcode', 0, 'PERSID (0x50)'],
    ['BINPERSID', '4e512e', 'forbidden-opcode', 1, 'BINPERSID (0x51)'],
    ['a set (EMPTY_SET)', '80049507000000000000008f94284b01902e', 'unknown-opcode', 11, 'EMPTY_SET (0x8f)'],
    ['an out-of-band buffer', '8005972e', 'unknown-opcode', 2, 'NEXT_BUFFER (0x97)'],
    ['a byte that is no opcode', '8004ff2e', 'unknown-opcode', 2, '0xff'],
    ['protocol 6', '80062e', 'malformed', 0, 'PROTO (0x80)'],
    ['an empty input', '', 'truncated', 0, undefined],
    ['no STOP', '80048c0161', 'truncated', 5, undefined],
    ['a string cut short', '80048c0561', 'truncated', 2, 'SHORT_BINUNICODE (0x8c)'],
    ['BINUNICODE8 declaring 2^63 bytes', '80048d00000000000000802e', 'oversized', 2, 'BINUNICODE8 (0x8d)'],
    ['a FRAME longer than the input', '8004950001000000000000', 'oversized', 2, 'FRAME (0x95)'],
    ['LONG4 with a negative length', '80048bffffffff', 'malformed', 2, 'LONG4 (0x8b)'],
    ['STOP on an empty stack', '80042e', 'malformed', 2, 'STOP (0x2e)'],
    ['APPEND to a non-list', '80044b014b02612e', 'malformed', 6, 'APPEND (0x61)'],
    ['SETITEM with an unhashable key', '80047d5d4b01732e', 'malformed', 6, 'SETITEM (0x73)'],
    ['BINGET of an empty memo slot', '800468052e', 'malformed', 2, 'BINGET (0x68)'],
    ['POP_MARK without MARK', '8004312e', 'malformed', 2, 'POP_MARK (0x31)'],
    ['invalid UTF-8 in a str', '80048c01ff2e', 'malformed', 2, 'SHORT_BINUNICODE (0x8c)'],
    ['a list appended to itself (a cycle)', '80045d94680061942e', 'malformed', 6, 'APPEND (0x61)'],
    ['a list changed after being placed in a tuple', '80045d94859468004b01612e', 'malformed', 10, 'APPEND (0x61)'],
  ];

  it.each(refused)('refuses %s', (_name, pickle, code, offset, opcode) => {
    expect(errorOf(hex(pickle))).toEqual({ code, offset, opcode });
  });

  it('caps nesting depth', () => {
    const deep = Buffer.concat([Buffer.from([0x80, 4]), Buffer.alloc(100, 0x5d), Buffer.alloc(99, 0x61), Buffer.from([0x2e])]);
    expect(errorOf(deep, { maxDepth: 50 })).toEqual({ code: 'too-deep', offset: 2 + 100 + 49, opcode: 'APPEND (0x61)' });
    const marks = Buffer.concat([Buffer.from([0x80, 4]), Buffer.alloc(100, 0x28)]);
    expect(errorOf(marks, { maxDepth: 50 })).toEqual({ code: 'too-deep', offset: 52, opcode: 'MARK (0x28)' });
  });

  it('caps the weight of values that share the memo (billion laughs)', () => {
    // l0 = ['xxxx…'], l(n+1) = [ln, ln]: each level doubles the nodes a walk would visit.
    const parts = [Buffer.from([0x80, 4, 0x5d, 0x8c, 200]), Buffer.alloc(200, 0x78), Buffer.from([0x61, 0x94])];
    for (let i = 0; i < 40; i++) parts.push(Buffer.from([0x5d, 0x68, i, 0x61, 0x68, i, 0x61, 0x94]));
    parts.push(Buffer.from([0x2e]));
    const laughs = Buffer.concat(parts);
    expect(errorOf(laughs)).toMatchObject({ code: 'oversized' });
  });

  it('caps single values and big integers', () => {
    expect(errorOf(hex('80048d0a000000000000006161616161616161616194'), { maxValueBytes: 4 })).toMatchObject({ code: 'oversized', offset: 2 });
    expect(errorOf(hex('80048b00100000'), { maxLongBytes: 16 })).toEqual({ code: 'oversized', offset: 2, opcode: 'LONG4 (0x8b)' });
  });
});

describe('unpickle on random and truncated input', () => {
  // A small deterministic PRNG (mulberry32) keeps failures reproducible.
  function rng(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const outcome = (bytes: Uint8Array) => {
    try {
      unpickle(bytes);
      return 'ok';
    } catch (err) {
      return err instanceof PickleError ? 'typed' : `untyped: ${String(err)}`;
    }
  };

  it('throws only PickleError for every truncation of every valid pickle', () => {
    const results = new Set<string>();
    for (const [, pickle] of valid) {
      const bytes = hex(pickle);
      for (let cut = 0; cut < bytes.length; cut++) results.add(outcome(bytes.subarray(0, cut)));
    }
    expect([...results].filter((r) => r !== 'typed' && r !== 'ok')).toEqual([]);
  });

  it('throws only PickleError on 20,000 random and mutated inputs', () => {
    const next = rng(42);
    const seeds = valid.map(([, p]) => hex(p));
    const bad: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let bytes: Buffer;
      if (i % 2 === 0) {
        bytes = Buffer.from(Array.from({ length: 1 + Math.floor(next() * 64) }, () => Math.floor(next() * 256)));
        if (i % 4 === 0) bytes[0] = 0x80;
      } else {
        bytes = Buffer.from(seeds[i % seeds.length]!);
        for (let k = 0; k < 3; k++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      }
      const r = outcome(bytes);
      if (r !== 'typed' && r !== 'ok') bad.push(`${bytes.toString('hex')}: ${r}`);
    }
    // A hang (a loop that never consumes input) would trip the test timeout.
    expect(bad).toEqual([]);
  });
});

// Issue 9, items 4 and 5: one message must cost bounded CPU and never throw anything but a PickleError.
describe('unpickle budgets (issue 9)', () => {
  it('reads a protocol 0 STRING of 200,000 characters (no argument-spread overflow)', () => {
    const text = 'a'.repeat(200_000);
    const pickle = Buffer.concat([Buffer.from("S'"), Buffer.from(text), Buffer.from("'\np0\n.")]);
    expect(unpickle(pickle)).toBe(text);
  });

  it('refuses a tuple of 700,000 items as too-many-items before building it', () => {
    // MARK, 700k × NONE, TUPLE, STOP
    const pickle = Buffer.concat([Buffer.from([0x80, 4, 0x28]), Buffer.alloc(700_000, 0x4e), Buffer.from([0x74, 0x2e])]);
    const started = performance.now();
    expect(errorOf(pickle, { maxItems: 100_000 })).toMatchObject({ code: 'too-many-items', offset: 3 + 100_000 });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('counts every value pushed, so NONE/POP pairs cannot run unbounded', () => {
    const pairs = Buffer.alloc(2 * 50_000);
    for (let i = 0; i < pairs.length; i += 2) [pairs[i], pairs[i + 1]] = [0x4e, 0x30];
    const pickle = Buffer.concat([Buffer.from([0x80, 4]), pairs, Buffer.from([0x4e, 0x2e])]);
    expect(errorOf(pickle, { maxItems: 10_000 })).toMatchObject({ code: 'too-many-items' });
    expect(unpickle(pickle, { maxItems: 60_000 })).toBe(null);
  });

  it('counts memo entries too, so a long run of PUTs cannot grow the memo unbounded', () => {
    // NONE, then 300,000 × LONG_BINPUT i, STOP
    const puts = Buffer.alloc(5 * 300_000);
    for (let i = 0; i < 300_000; i++) {
      puts[5 * i] = 0x72;
      puts.writeUInt32LE(i, 5 * i + 1);
    }
    const pickle = Buffer.concat([Buffer.from([0x80, 4, 0x4e]), puts, Buffer.from([0x2e])]);
    expect(errorOf(pickle, { maxItems: 10_000 })).toMatchObject({ code: 'too-many-items' });
  });
});
