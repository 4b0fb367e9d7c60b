import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { ColumnEncoder } from '../../web/src/sources/ColumnEncoder.ts';
import { ChunkReceiver } from '../../web/src/sources/ChunkReceiver.ts';
import { chunkBuffers } from '../../web/src/store/ColumnChunk.ts';
import type { ColumnSegment } from '../../web/src/store/ColumnSegment.ts';
import { logsDir } from '../support/fixturePath.ts';
import { fixtureRecords, trace } from './support/records.ts';

/** Encodes in batches of `size`, passes each chunk through structured clone (as postMessage does), decodes. */
function roundTrip(records: readonly MirosRecord[], size = 3): { segments: ColumnSegment[]; out: MirosRecord[] } {
  const encoder = new ColumnEncoder();
  const receiver = new ChunkReceiver();
  const segments: ColumnSegment[] = [];
  for (let k = 0; k < records.length; k += size) {
    const chunk = encoder.encode(records.slice(k, k + size));
    segments.push(receiver.receive(structuredClone(chunk, { transfer: chunkBuffers(chunk) })));
  }
  const out: MirosRecord[] = [];
  for (const segment of segments) for (let i = 0; i < segment.length; i++) out.push(segment.record(i));
  return { segments, out };
}

const base = { v: 1 as const, chart: 'ao1', node: null, time: 1000.5, received: 7, raw: 'raw line' };

describe('column chunks', () => {
  const logs = readdirSync(logsDir).filter((name) => name.endsWith('.log'));

  it.each(logs)('give back every record of %s exactly, field for field', (name) => {
    const records = fixtureRecords(name);
    expect(roundTrip(records).out).toStrictEqual(records);
  });

  it('give back records of every kind and optional field, read by the parsers or not', () => {
    const records: MirosRecord[] = [
      { ...base, seq: 1, kind: 'trace', signal: 'go', payload: 'x(1) -> y', from: 'a', to: 'b', stamp: '09:00' },
      { ...base, seq: 2, kind: 'trace', chart: null, time: null, signal: 'go', from: 'a', to: 'b', origin: { line: 4 } },
      { ...base, seq: 3, kind: 'spy', line: 'to_inner:inner:HOOK', signal: 'to_inner', state: 'inner', hook: true, origin: { file: 'f.log', line: 5 } },
      { ...base, seq: 4, kind: 'spy', line: 'START', node: 'n1' },
      { ...base, seq: 5, kind: 'spy', line: 'x:y', signal: 'x', state: 'y', hook: false },
      { ...base, seq: 6, kind: 'meta', event: 'note', reason: 'malformed', detail: 'bad line', network: 'trace' },
      { ...base, seq: 7, kind: 'meta', event: 'dropped', count: 3 },
      { ...base, seq: 8, kind: 'meta', event: 'topology', states: [{ name: 'outer', parent: null }] },
      { ...base, seq: 9, kind: 'trace', signal: '', from: '', to: '', raw: '' },
    ];
    expect(roundTrip(records, 4).out).toStrictEqual(records);
  });

  it('keep mesh payloads exact, NaN and Infinity included', () => {
    const records: MirosRecord[] = [
      { ...base, seq: 1, kind: 'mesh', signal: 'tick', payload: { x: Number.NaN, y: [Number.POSITIVE_INFINITY, -0] }, sender: 'ao2', routingKey: 'rk', correlation: { messageId: 'm', chart: 'ao2', seq: 4 } },
      { ...base, seq: 2, kind: 'mesh', signal: 'tock', payload: undefined, sender: null },
    ];
    const { out } = roundTrip(records);
    expect(out).toStrictEqual(records);
    const payload = (out[0] as { payload: { x: number; y: number[] } }).payload;
    expect([Number.isNaN(payload.x), payload.y[0], Object.is(payload.y[1], -0)]).toEqual([true, Number.POSITIVE_INFINITY, true]);
  });

  it('keep fields outside the contract that a recording may carry', () => {
    const odd = { ...base, seq: 1, kind: 'trace', signal: 's', from: 'a', to: 'b', extra: { kept: true } } as unknown as MirosRecord;
    const wrongType = { ...base, seq: 2, kind: 'trace', signal: 5, from: 'a', to: 'b' } as unknown as MirosRecord;
    expect(roundTrip([odd, wrongType]).out).toStrictEqual([odd, wrongType]);
  });

  it('answer seq, kind, chart, time and meta event without building records', () => {
    const records: MirosRecord[] = [trace(5, 'ao1', 'go', 'a', 'b', null), { ...base, seq: 6, kind: 'meta', event: 'note', chart: null }, { ...base, seq: 7, kind: 'mesh', signal: 's', payload: 1, sender: null }];
    const [segment] = roundTrip(records, 10).segments;
    const fields = [0, 1, 2].map((i) => [segment!.seq(i), segment!.kind(i), segment!.chart(i), segment!.time(i), segment!.metaEvent(i)]);
    expect(fields).toEqual([
      [5, 'trace', 'ao1', null, null],
      [6, 'meta', null, 1000.5, 'note'],
      [7, 'mesh', 'ao1', 1000.5, null],
    ]);
  });

  it('store a column once when every record holds the same value, and value by value otherwise', () => {
    const same = [1, 2, 3].map((seq) => trace(seq, 'ao1', 'go', 'a', 'b'));
    const mixed = [trace(4, 'ao1', 'go', 'a', 'b'), { ...trace(6, 'ao1', 'go', 'a', 'b'), received: 9, node: 'n1' }, { ...base, seq: 7, kind: 'mesh', signal: 's', payload: Number.NaN, sender: null } as MirosRecord];
    const encoder = new ColumnEncoder();
    const lengths = [encoder.encode(same), encoder.encode(mixed)].map((c) => [c.seq.length, c.received.length, c.node.length, c.extra.length]);
    expect(lengths).toEqual([
      [1, 1, 1, 1],
      [3, 3, 3, 3],
    ]);
    expect(roundTrip([...same, ...mixed], 10).out).toStrictEqual([...same, ...mixed]);
  });

  it('send each name once per load, in the chunk that first uses it', () => {
    const encoder = new ColumnEncoder();
    const first = encoder.encode([trace(1, 'ao1', 'go', 'a', 'b')]);
    const second = encoder.encode([trace(2, 'ao1', 'go', 'b', 'c')]);
    expect([first.symbols, second.symbols]).toEqual([['ao1', 'go', 'a', 'b'], ['c']]);
  });

  it('give back a large parsed log exactly', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `[2018-05-04 09:00:00.${String(i % 1000).padStart(6, '0')}] [ao${i % 7}] e->to_${i % 3}(${i % 5 === 0 ? `{'n': ${i}}` : ''}) s${i % 3}->s${(i + 1) % 3}${i % 11 === 0 ? '\n  \nnot a trace line' : ''}`);
    const records = parseLog(lines.join('\r\n'), { file: 'big.log', received: 3 }).records;
    expect(roundTrip(records, 1000).out).toStrictEqual(records);
  });
});
