/**
 * Issue 8: every AMQP header we send must decode as intended in the pika
 * 0.13.1 a miros-rabbitmq node runs on, in pika 1.x and in amqplib.
 *
 * amqplib guesses a field type for a bare JS number: 128–32767 get the tag
 * `s` (a signed 16-bit int), which pika 0.13.1 reads as a *short string*
 * (length byte + bytes) — the rest of the table is then garbage and the
 * Python consumer thread dies with InvalidFieldTypeException. So this test
 * takes our properties through the real publish path (publishMessage, as
 * AmqpTransport calls it, into amqplib's own content-header encoder) and
 * reads the resulting bytes back with table decoders written here from
 * each client's documented rules, over the whole range of every value.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import { MAX_HEADER_TEXT_CHARS, mirosMessageProperties, readCorrelation, type Correlation } from '../../server/net/correlationHeaders.ts';
import { encodeTopology, HEADER_TOPOLOGY, MAX_TOPOLOGY_HEADER_BYTES, readTopology } from '../../server/net/topologyHeader.ts';
import { publishMessage } from '../../server/net/transport/publishMessage.ts';
import type { PublishProps } from '../../server/net/transport/Transport.ts';

// amqplib's content-header encoder and table decoder (not in its package exports, so by path).
const require = createRequire(import.meta.url);
const amqplibLib = join(dirname(require.resolve('amqplib')), 'lib');
const defs = require(join(amqplibLib, 'defs.js')) as { encodeProperties(id: number, channel: number, size: number, fields: object): Buffer };
const codec = require(join(amqplibLib, 'codec.js')) as { decodeFields(slice: Buffer): Record<string, unknown> };
const BASIC_CLASS = 60;

type Rules = 'pika-0.13.1' | 'pika-1.x';

class InvalidFieldTypeException extends Error {}

/**
 * An AMQP field table read the way pika reads it. pika 0.13.1 (pika/data.py
 * decode_value): `b` unsigned and `B` signed bytes, `U` signed / `u`
 * unsigned shorts, `I` signed / `i` unsigned 32-bit, `L` signed / `l`
 * UNSIGNED 64-bit, `f` `d` truncated to integers, `s` a SHORT STRING, `S`
 * long string (UTF-8, else bytes), `x` bytes, `A` array, `T` timestamp,
 * `F` table, `V` None, `D` decimal; any other tag raises
 * InvalidFieldTypeException. pika 1.x reads `b` signed, `B` unsigned, `s`
 * and `U` signed shorts, `l` and `L` signed 64-bit, floats as floats.
 */
function decodeTable(buf: Buffer, offset: number, rules: Rules): [Record<string, unknown>, number] {
  const size = buf.readUInt32BE(offset);
  offset += 4;
  const end = offset + size;
  const table: Record<string, unknown> = {};
  while (offset < end) {
    const keyLength = buf.readUInt8(offset);
    const key = buf.toString('utf8', offset + 1, offset + 1 + keyLength);
    offset += 1 + keyLength;
    const [value, next] = decodeValue(buf, offset, rules);
    table[key] = value;
    offset = next;
  }
  if (offset !== end) throw new Error(`table overran its size by ${offset - end} bytes`);
  return [table, offset];
}

function utf8OrBytes(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : bytes;
}

function int64(value: bigint): number | bigint {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
}

function decodeValue(buf: Buffer, offset: number, rules: Rules): [unknown, number] {
  const old = rules === 'pika-0.13.1';
  const tag = String.fromCharCode(buf[offset]!);
  offset += 1;
  switch (tag) {
    case 't':
      return [buf.readUInt8(offset) !== 0, offset + 1];
    case 'b':
      return [old ? buf.readUInt8(offset) : buf.readInt8(offset), offset + 1];
    case 'B':
      return [old ? buf.readInt8(offset) : buf.readUInt8(offset), offset + 1];
    case 'U':
      return [buf.readInt16BE(offset), offset + 2];
    case 'u':
      return [buf.readUInt16BE(offset), offset + 2];
    case 'I':
      return [buf.readInt32BE(offset), offset + 4];
    case 'i':
      return [buf.readUInt32BE(offset), offset + 4];
    case 'L':
      return [int64(buf.readBigInt64BE(offset)), offset + 8];
    case 'l':
      return [int64(old ? buf.readBigUInt64BE(offset) : buf.readBigInt64BE(offset)), offset + 8];
    case 'f':
      return [old ? Math.trunc(buf.readFloatBE(offset)) : buf.readFloatBE(offset), offset + 4];
    case 'd':
      return [old ? Math.trunc(buf.readDoubleBE(offset)) : buf.readDoubleBE(offset), offset + 8];
    case 'D':
      return [{ decimals: buf.readUInt8(offset), raw: buf.readInt32BE(offset + 1) }, offset + 5];
    case 's': {
      if (!old) return [buf.readInt16BE(offset), offset + 2];
      const length = buf.readUInt8(offset);
      return [utf8OrBytes(buf.subarray(offset + 1, offset + 1 + length)), offset + 1 + length];
    }
    case 'S': {
      const length = buf.readUInt32BE(offset);
      return [utf8OrBytes(buf.subarray(offset + 4, offset + 4 + length)), offset + 4 + length];
    }
    case 'x': {
      const length = buf.readUInt32BE(offset);
      return [buf.subarray(offset + 4, offset + 4 + length), offset + 4 + length];
    }
    case 'A': {
      const end = offset + 4 + buf.readUInt32BE(offset);
      const items: unknown[] = [];
      for (offset += 4; offset < end; ) {
        const [item, next] = decodeValue(buf, offset, rules);
        items.push(item);
        offset = next;
      }
      return [items, offset];
    }
    case 'T':
      return [new Date(Number(buf.readBigUInt64BE(offset)) * 1000), offset + 8];
    case 'F':
      return decodeTable(buf, offset, rules);
    case 'V':
      return [null, offset];
    default:
      throw new InvalidFieldTypeException(`InvalidFieldTypeException: ${JSON.stringify(tag)}`);
  }
}

interface ContentHeader {
  contentType: string;
  headers: Buffer;
  appId: string;
}

/** Splits a basic content-header frame into the properties we set (and checks there are no others). */
function readContentHeader(frame: Buffer, bodySize: number): ContentHeader {
  expect([frame.readUInt8(0), frame.readUInt16BE(1), frame.readUInt16BE(7), Number(frame.readBigUInt64BE(11)), frame.at(-1)]).toEqual([2, 1, BASIC_CLASS, bodySize, 0xce]);
  // content-type (bit 15), headers (bit 13), app-id (bit 3): nothing else.
  expect(frame.readUInt16BE(19)).toBe((1 << 15) | (1 << 13) | (1 << 3));
  let offset = 21;
  const shortString = () => {
    const length = frame.readUInt8(offset);
    const text = frame.toString('utf8', offset + 1, offset + 1 + length);
    offset += 1 + length;
    return text;
  };
  const contentType = shortString();
  const headersStart = offset;
  offset += 4 + frame.readUInt32BE(offset);
  const headers = frame.subarray(headersStart, offset);
  const appId = shortString();
  expect(offset).toBe(frame.length - 1);
  return { contentType, headers, appId };
}

/** The content header amqplib writes for our properties, through the same call AmqpTransport makes. */
function wireHeader(props: PublishProps, body = Buffer.from('body')): ContentHeader {
  let sent: object | null = null;
  const channel = {
    sendMessage: (_fields: object, properties: object) => void (sent = properties),
    pushConfirmCallback: () => undefined,
  } as unknown as amqp.Channel;
  publishMessage(channel, 'miros.mesh.exchange', 'empty', body, props, null);
  if (sent === null) throw new Error('publishMessage sent nothing');
  return readContentHeader(defs.encodeProperties(BASIC_CLASS, 1, body.length, sent), body.length);
}

const SEQS = [0, 1, 127, 128, 255, 256, 511, 9216, 32767, 32768, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1];
const NAMES = ['ao', '04ccc_ao', 'ŝtato_ĉarto', '图表', 'a chart with spaces', 'x'.repeat(300), 'é'.repeat(200)];

function intended(c: Correlation): Record<string, unknown> {
  return { version: '1.0', 'x-miroscope-message-id': c.messageId, 'x-miroscope-chart': c.chart, 'x-miroscope-seq': c.seq, 'x-miroscope-node': c.node };
}

describe('the headers we send (issue 8)', () => {
  const cases: Correlation[] = [
    ...SEQS.map((seq) => ({ messageId: '6f1c1e5e-3b2a-4c55-9a77-0d1f2e3c4b5a', chart: '04ccc_ao', seq, node: 'node-1a2b3c4d' })),
    ...NAMES.map((chart, i) => ({ messageId: `m-${i}-${chart.slice(0, 8)}`, chart, seq: 128 + i, node: `node ${chart}` })),
  ];

  it.each(['pika-0.13.1', 'pika-1.x'] as const)('decode as intended with %s\'s table rules, for every seq and name', (rules) => {
    const decoded = cases.map((c) => {
      try {
        return decodeTable(wireHeader(mirosMessageProperties(c)).headers, 0, rules)[0];
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(decoded).toEqual(cases.map(intended));
  });

  it('decode as intended in amqplib, and our reader gets the correlation back', () => {
    const decoded = cases.map((c) => codec.decodeFields(wireHeader(mirosMessageProperties(c)).headers.subarray(4)));
    expect(decoded).toEqual(cases.map(intended));
    expect(decoded.map((headers) => readCorrelation(headers))).toEqual(cases);
  });

  it('carry exactly miros-rabbitmq\'s properties around them', () => {
    const { contentType, appId } = wireHeader(mirosMessageProperties(cases[0]!));
    expect([contentType, appId]).toEqual(['application/json', 'miros-rabbitmq-publisher']);
  });

  it('are these bytes: long strings, and seq as a signed 32-bit int (I) or, past 2^31 - 1, a 64-bit one (l)', () => {
    const table = (seq: number) => wireHeader(mirosMessageProperties({ chart: 'ao', seq, node: 'n' })).headers.toString('hex');
    const key = (k: string) => Buffer.from([k.length]).toString('hex') + Buffer.from(k).toString('hex');
    const longString = (v: string) => '53' + Buffer.from(v).length.toString(16).padStart(8, '0') + Buffer.from(v).toString('hex');
    const front = key('version') + longString('1.0') + key('x-miroscope-chart') + longString('ao') + key('x-miroscope-seq');
    const back = key('x-miroscope-node') + longString('n');
    const sized = (body: string) => (body.length / 2).toString(16).padStart(8, '0') + body;
    expect([table(128), table(2 ** 31 - 1), table(2 ** 31), table(2 ** 53 - 1)]).toEqual([
      sized(front + '49' + '00000080' + back),
      sized(front + '49' + '7fffffff' + back),
      sized(front + '6c' + '0000000080000000' + back),
      sized(front + '6c' + '001fffffffffffff' + back),
    ]);
  });

  it('carry a topology announcement every reader gets back whole', () => {
    const states = [
      { name: 'outer', parent: null },
      { name: 'ĉambro "inner"', parent: 'outer' },
    ];
    const props = mirosMessageProperties({ chart: 'ao', seq: 300, node: 'n' }, { [HEADER_TOPOLOGY]: encodeTopology(states) });
    const bytes = wireHeader(props).headers;
    for (const rules of ['pika-0.13.1', 'pika-1.x'] as const) expect(decodeTable(bytes, 0, rules)[0][HEADER_TOPOLOGY]).toBe(encodeTopology(states));
    expect(readTopology(codec.decodeFields(bytes.subarray(4)))).toEqual(states);
  });

  it('stay within amqplib\'s 64 KiB header buffer: a huge name or topology is left out, the publish goes through', () => {
    const name = 'ĉ'.repeat(100_000);
    const states = Array.from({ length: 2_000 }, (_, i) => ({ name: `state_${i}_${'x'.repeat(40)}`, parent: i === 0 ? null : `state_${i - 1}_${'x'.repeat(40)}` }));
    const props = mirosMessageProperties({ messageId: 'm', chart: name, seq: 5, node: name }, { [HEADER_TOPOLOGY]: encodeTopology(states) });
    const table = decodeTable(wireHeader(props).headers, 0, 'pika-0.13.1')[0];
    expect(table).toEqual({ version: '1.0', 'x-miroscope-message-id': 'm', 'x-miroscope-seq': 5, [HEADER_TOPOLOGY]: '[]' });
    expect(readTopology(table)).toBeNull();
    // At the limits, both still go.
    const longest = 'ĉ'.repeat(MAX_HEADER_TEXT_CHARS);
    const big = Array.from({ length: 250 }, (_, i) => ({ name: `s${i}_${'y'.repeat(80)}`, parent: null }));
    expect(Buffer.byteLength(encodeTopology(big))).toBeGreaterThan(MAX_TOPOLOGY_HEADER_BYTES * 0.8);
    const atLimit = decodeTable(wireHeader(mirosMessageProperties({ chart: longest, node: longest }, { [HEADER_TOPOLOGY]: encodeTopology(big) })).headers, 0, 'pika-0.13.1')[0];
    expect([atLimit['x-miroscope-chart'] === longest, atLimit['x-miroscope-node'] === longest, readTopology(atLimit)?.length]).toEqual([true, true, big.length]);
  });

  it('refuse a seq that no reader would get back exactly', () => {
    for (const seq of [-1, 1.5, 2 ** 53, Number.NaN]) {
      expect(() => mirosMessageProperties({ seq }), String(seq)).toThrow(RangeError);
    }
  });

  it('are read back in every form a sender has used: typed, a bare number, a decimal string', () => {
    expect([
      readCorrelation({ 'x-miroscope-seq': { '!': 'long', value: 2 ** 40 } }).seq,
      readCorrelation({ 'x-miroscope-seq': { '!': 'int', value: 7 } }).seq,
      readCorrelation({ 'x-miroscope-seq': 300 }).seq,
      readCorrelation({ 'x-miroscope-seq': '12' }).seq,
      readCorrelation({ 'x-miroscope-seq': '-1' }).seq,
      readCorrelation({ 'x-miroscope-seq': 1.5 }).seq,
      readCorrelation({ 'x-miroscope-seq': { '!': 'long' } }).seq,
    ]).toEqual([2 ** 40, 7, 300, 12, undefined, undefined, undefined]);
  });
});
