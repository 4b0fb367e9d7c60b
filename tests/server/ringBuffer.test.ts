import { describe, expect, it } from 'vitest';
import { RingBuffer, SequenceGapError } from '../../server/relay/RingBuffer.ts';

const fill = (ring: RingBuffer<{ seq: number }>, to: number) => {
  for (let seq = ring.lastSeq + 1; seq <= to; seq++) ring.push({ seq });
};
const seqs = (items: { seq: number }[]) => items.map((r) => r.seq);

describe('RingBuffer', () => {
  it('reads everything after a seq while nothing has been overwritten', () => {
    const ring = new RingBuffer<{ seq: number }>(8);
    fill(ring, 5);
    expect(seqs(ring.readAfter(0).records)).toEqual([1, 2, 3, 4, 5]);
    expect(seqs(ring.readAfter(3).records)).toEqual([4, 5]);
    expect(ring.readAfter(5)).toEqual({ records: [] });
    expect([ring.firstSeq, ring.lastSeq, ring.size]).toEqual([1, 5, 5]);
  });

  it('keeps only the newest records once full and reports the overwritten range as dropped', () => {
    const ring = new RingBuffer<{ seq: number }>(8);
    fill(ring, 12);
    expect([ring.firstSeq, ring.lastSeq, ring.size]).toEqual([5, 12, 8]);
    const read = ring.readAfter(1);
    expect(read.dropped).toEqual({ count: 3, fromSeq: 2, toSeq: 4 });
    expect(seqs(read.records)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('limits a read to max records from the oldest requested', () => {
    const ring = new RingBuffer<{ seq: number }>(8);
    fill(ring, 20);
    const read = ring.readAfter(0, 3);
    expect(read.dropped).toEqual({ count: 12, fromSeq: 1, toSeq: 12 });
    expect(seqs(read.records)).toEqual([13, 14, 15]);
  });

  it('answers a reader ahead of the buffer with nothing', () => {
    const ring = new RingBuffer<{ seq: number }>(4);
    fill(ring, 2);
    expect(ring.readAfter(10)).toEqual({ records: [] });
  });

  it('starts after a given seq and reports what came before as dropped', () => {
    const ring = new RingBuffer<{ seq: number }>(4, 100);
    expect([ring.firstSeq, ring.lastSeq]).toEqual([101, 100]);
    expect(ring.readAfter(97)).toEqual({ records: [], dropped: { count: 3, fromSeq: 98, toSeq: 100 } });
    ring.push({ seq: 101 });
    expect(seqs(ring.readAfter(100).records)).toEqual([101]);
  });

  it('refuses a record that does not continue the numbering', () => {
    const ring = new RingBuffer<{ seq: number }>(4);
    ring.push({ seq: 1 });
    expect(() => ring.push({ seq: 3 })).toThrow(SequenceGapError);
    expect(() => ring.push({ seq: 3 })).toThrow('ring buffer expected seq 2, got 3');
    expect(seqs(ring.readAfter(0).records)).toEqual([1]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(2.5)).toThrow(RangeError);
  });

  // Issue 9, item 4: 2,800 mesh events of 700 kB filled 10,000 slots and the heap.
  it('keeps at most maxChars of records, dropping the oldest first, and always the newest', () => {
    const ring = new RingBuffer<{ seq: number }>(100, 0, 1_000);
    for (let seq = 1; seq <= 10; seq++) ring.push({ seq }, 300);
    expect([ring.firstSeq, ring.lastSeq, ring.size, ring.chars]).toEqual([8, 10, 3, 900]);
    ring.push({ seq: 11 }, 5_000);
    expect([ring.firstSeq, ring.size, ring.chars]).toEqual([11, 1, 5_000]);
    expect(ring.readAfter(0)).toEqual({ records: [{ seq: 11 }], dropped: { count: 10, fromSeq: 1, toSeq: 10 } });
    ring.push({ seq: 12 }, 10);
    expect([ring.firstSeq, ring.size, ring.chars]).toEqual([12, 1, 10]);
  });

  it('limits a read to maxChars, but always returns at least one record', () => {
    const ring = new RingBuffer<{ seq: number }>(100);
    for (let seq = 1; seq <= 10; seq++) ring.push({ seq }, 100);
    expect(seqs(ring.readAfter(0, Infinity, 250).records)).toEqual([1, 2]);
    expect(seqs(ring.readAfter(4, Infinity, 50).records)).toEqual([5]);
  });
});
