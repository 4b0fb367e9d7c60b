import { describe, expect, it } from 'vitest';
import { ClientCursor, type FlowOptions } from '../../server/relay/ClientCursor.ts';
import { RingBuffer } from '../../server/relay/RingBuffer.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';

const flow: FlowOptions = { intervalMs: 10, window: 2, maxBatch: 3, batchChars: Infinity };

const note = (seq: number): MirosRecord => ({
  v: 1,
  seq,
  kind: 'meta',
  event: 'status',
  chart: null,
  node: null,
  time: null,
  received: 0,
  raw: `status ${seq}`,
});

function ringWith(count: number, capacity = 100): RingBuffer<MirosRecord> {
  const ring = new RingBuffer<MirosRecord>(capacity);
  for (let seq = 1; seq <= count; seq++) ring.push(note(seq));
  return ring;
}
const seqsOf = (batch: { records: MirosRecord[] } | null) => batch?.records.map((r) => r.seq);

describe('ClientCursor', () => {
  it('sends nothing before the client says where to resume', () => {
    const cursor = new ClientCursor(flow);
    const ring = ringWith(2);
    expect(cursor.delay(0, ring.lastSeq)).toBeNull();
    expect(cursor.take(ring, 0)).toBeNull();
  });

  it('sends a lone record at once after a quiet spell', () => {
    const cursor = new ClientCursor(flow);
    const ring = ringWith(1);
    cursor.resume(0);
    expect(cursor.delay(1000, ring.lastSeq)).toBe(0);
    expect(cursor.take(ring, 1000)).toEqual({ records: [note(1)], lastSeq: 1 });
  });

  it('sends at once again as soon as the client has acknowledged everything', () => {
    const cursor = new ClientCursor(flow);
    const ring = ringWith(1);
    cursor.resume(0);
    cursor.take(ring, 1000);
    cursor.ack(1);
    ring.push(note(2));
    expect(cursor.delay(1001, ring.lastSeq)).toBe(0);
    expect(seqsOf(cursor.take(ring, 1001))).toEqual([2]);
  });

  it('holds records while a batch is unacknowledged until the interval has passed, then sends them together', () => {
    const cursor = new ClientCursor(flow);
    const ring = ringWith(1);
    cursor.resume(0);
    cursor.take(ring, 1000);
    ring.push(note(2));
    expect(cursor.delay(1004, ring.lastSeq)).toBe(6);
    expect(cursor.take(ring, 1004)).toBeNull();
    ring.push(note(3));
    expect(cursor.delay(1010, ring.lastSeq)).toBe(0);
    expect(seqsOf(cursor.take(ring, 1010))).toEqual([2, 3]);
  });

  it('sends the held records when the ack arrives before the interval ends', () => {
    const cursor = new ClientCursor(flow);
    const ring = ringWith(1);
    cursor.resume(0);
    cursor.take(ring, 1000);
    ring.push(note(2));
    ring.push(note(3));
    expect(cursor.delay(1002, ring.lastSeq)).toBe(8);
    cursor.ack(1);
    expect(cursor.delay(1002, ring.lastSeq)).toBe(0);
    expect(seqsOf(cursor.take(ring, 1002))).toEqual([2, 3]);
  });

  it('splits a long gap into batches of at most maxBatch records', () => {
    const cursor = new ClientCursor(flow);
    const ring = ringWith(7);
    cursor.resume(0);
    expect(seqsOf(cursor.take(ring, 0))).toEqual([1, 2, 3]);
    expect(seqsOf(cursor.take(ring, 10))).toEqual([4, 5, 6]);
  });

  it('waits for an ack once the window of unacknowledged batches is full', () => {
    const cursor = new ClientCursor(flow);
    const ring = ringWith(9);
    cursor.resume(0);
    cursor.take(ring, 0);
    cursor.take(ring, 10);
    expect(cursor.unacked).toBe(2);
    expect(cursor.delay(100, ring.lastSeq)).toBeNull();
    cursor.ack(3);
    expect(cursor.delay(100, ring.lastSeq)).toBe(0);
    expect(seqsOf(cursor.take(ring, 100))).toEqual([7, 8, 9]);
  });

  it('resumes after a given seq and replays only the gap', () => {
    const cursor = new ClientCursor({ ...flow, maxBatch: 100 });
    const ring = ringWith(6);
    cursor.resume(4);
    expect(cursor.take(ring, 0)).toEqual({ records: [note(5), note(6)], lastSeq: 6 });
  });

  it('reports records that left the ring before a slow client got them as dropped', () => {
    const cursor = new ClientCursor({ ...flow, window: 1 });
    const ring = ringWith(1, 4);
    cursor.resume(0);
    cursor.take(ring, 0);
    for (let seq = 2; seq <= 10; seq++) ring.push(note(seq));
    cursor.ack(1);
    expect(cursor.take(ring, 50)).toEqual({
      records: [note(7), note(8), note(9)],
      lastSeq: 10,
      dropped: { count: 5, fromSeq: 2, toSeq: 6 },
    });
  });

  it('marks the first batch after a reset resume so the client forgets old records', () => {
    const cursor = new ClientCursor(flow);
    const ring = ringWith(0);
    cursor.resume(0, { reset: true });
    expect(cursor.delay(0, ring.lastSeq)).toBe(0);
    expect(cursor.take(ring, 0)).toEqual({ records: [], lastSeq: 0, reset: true });
    expect(cursor.delay(20, ring.lastSeq)).toBeNull();
  });
});
