import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickleDumps, type PickleProtocol } from '../../server/net/pickle/pickleDumps.ts';
import { tuple } from '../../server/net/pickle/PickleValue.ts';
import { unpickle } from '../../server/net/pickle/unpickle.ts';
import { fixturePath } from '../support/fixturePath.ts';

const wire = JSON.parse(readFileSync(fixturePath('wire/miros-rabbitmq-wire.json'), 'utf8'));
const items = Object.entries(wire.items as Record<string, { item: string | string[]; pickles: Record<string, { hex: string }> }>);

describe('pickleDumps writes what CPython writes', () => {
  const cases = items.flatMap(([name, item]) =>
    ([2, 3, 4, 5] as PickleProtocol[]).map((p) => [`${name}`, p, item.item, item.pickles[String(p)]!.hex] as const),
  );

  it.each(cases)('writes the %s item in protocol %i byte for byte', (_name, protocol, item, expected) => {
    const value = Array.isArray(item) ? tuple(...item) : item;
    expect(pickleDumps(value, protocol).toString('hex')).toBe(expected);
  });

  it('writes equal strings out twice, as CPython does for strings built at run time', () => {
    // a = ''.join(['s', 'ame']); b = ''.join(['sa', 'me']); pickle.dumps((a, b), 4)
    expect(pickleDumps(tuple('same', 'same'), 4).toString('hex')).toBe('80049511000000000000008c0473616d65948c0473616d659486942e');
  });

  it('writes a tuple of more than three items with MARK … TUPLE', () => {
    // pickle.dumps(('a','b','c','d'), 4)
    expect(pickleDumps(tuple('a', 'b', 'c', 'd'), 4).toString('hex')).toBe(
      '8004951400000000000000288c0161948c0162948c0163948c01649474942e',
    );
  });

  it('writes a str of 64 KiB or more outside the frame, as CPython does', () => {
    const big = 'x'.repeat(70_000);
    const bytes = pickleDumps(big, 4);
    // PROTO, then BINUNICODE unframed, then a 2-byte tail (MEMOIZE STOP) too small for a FRAME.
    expect([bytes.subarray(0, 7).toString('hex'), bytes.length, bytes.subarray(-2).toString('hex')]).toEqual([
      '80045870110100',
      2 + 5 + 70_000 + 2,
      '942e',
    ]);
    expect(unpickle(bytes)).toBe(big);
  });

  // Short items take a one-allocation path, the rest the general writer; both must match CPython at the edges.
  it.each([
    ['a 255-byte str (SHORT_BINUNICODE)', 'a'.repeat(255), `80049503010000000000008cff${'61'.repeat(255)}942e`],
    ['a 256-byte str (BINUNICODE)', 'a'.repeat(256), `800495070100000000000058${'00010000'}${'61'.repeat(256)}942e`],
    ['a 254-byte non-ASCII str', 'ü'.repeat(127), `80049502010000000000008cfe${'c3bc'.repeat(127)}942e`],
    ['a 256-byte non-ASCII str of 128 characters', 'ü'.repeat(128), `800495070100000000000058${'00010000'}${'c3bc'.repeat(128)}942e`],
    ['the empty str', '', '80049504000000000000008c00942e'],
    ['a tuple of one str', tuple('a'), '80049507000000000000008c01619485942e'],
    ['a tuple of three str', tuple('a', 'b', 'c'), '8004950f000000000000008c0161948c0162948c01639487942e'],
    ['a pair with one long str', tuple('x', 'a'.repeat(300)), `80049539010000000000008c017894582c010000${'61'.repeat(300)}9486942e`],
    ['a nested tuple', tuple(tuple('a')), '80049509000000000000008c016194859485942e'],
  ])('writes %s as CPython does', (_name, value, expected) => {
    expect(pickleDumps(value, 4).toString('hex')).toBe(expected);
  });

  it('round-trips through unpickle', () => {
    const value = tuple('10.0.0.7', '{"signal_name": "ping", "payload": "ünï"}', tuple());
    expect(unpickle(pickleDumps(value))).toStrictEqual(value);
  });
});
