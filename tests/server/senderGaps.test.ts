/**
 * The server counts each sender's lost messages from its sequence numbers
 * (issue 9, item 6: 66 and 73 messages lost after a broker restart, 0 counted).
 */
import { describe, expect, it } from 'vitest';
import { mirosMessageProperties } from '../../server/net/correlationHeaders.ts';
import { SenderGaps } from '../../server/listen/SenderGaps.ts';
import { RelayCounters } from '../../server/relay/RelayCounters.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';

const headers = (seq: number, node = 'n1', chart = 'c1') => mirosMessageProperties({ messageId: `m${seq}`, chart, seq, node }).headers;

describe('SenderGaps', () => {
  it.each([
    ['consecutive numbers', [1, 2, 3, 4], [], 0],
    ['a first number above 1 (sent before we listened)', [40, 41, 42], [], 0],
    ['one gap', [1, 2, 5, 6], [[3, 4]], 2],
    ['two gaps', [7, 9, 10, 20], [[8, 8], [11, 19]], 10],
    ['the same number again (one message, many records)', [1, 2, 2, 2, 3], [], 0],
    ['a lower number (the sender restarted) starts a new baseline', [1, 2, 9, 1, 2, 4], [[3, 8], [3, 3]], 7],
  ])('%s', (_name, seqs, ranges, missed) => {
    const gaps = new SenderGaps();
    const records = seqs.map((seq) => gaps.see('mesh', headers(seq), 1000)).filter((r) => r !== null);
    expect(records.map((r) => r.detail!.match(/seq (\d+)(?:–(\d+))?/)!.slice(1).map((x, i, a) => Number(x ?? a[0])))).toEqual(ranges);
    expect(gaps.missed).toBe(missed);
  });

  it('tells senders apart by network, node and chart', () => {
    const gaps = new SenderGaps();
    const seen = [
      gaps.see('mesh', headers(1, 'n1', 'a'), 1),
      gaps.see('trace', headers(5, 'n1', 'a'), 1), // trace numbers on their own
      gaps.see('mesh', headers(1, 'n1', 'b'), 1), // another chart on the same node (the demo's)
      gaps.see('mesh', headers(3, 'n2', 'a'), 1), // another node
      gaps.see('mesh', headers(2, 'n1', 'a'), 1),
      gaps.see('mesh', headers(2, 'n1', 'b'), 1),
      gaps.see('mesh', headers(5, 'n2', 'a'), 1), // 4 lost
    ];
    expect(seen.map((r) => r && [r.network, r.chart, r.node, r.count])).toEqual([null, null, null, null, null, null, ['mesh', 'a', 'n2', 1]]);
  });

  it('makes a missed record the relay counts, the recorder keeps and the page shows', () => {
    const gaps = new SenderGaps();
    gaps.see('trace', headers(1, 'node-7', 'pump'), 1);
    expect(gaps.see('trace', headers(4, 'node-7', 'pump'), 1234)).toEqual({
      v: 1,
      kind: 'meta',
      event: 'missed',
      network: 'trace',
      count: 2,
      chart: 'pump',
      node: 'node-7',
      time: null,
      received: 1234,
      detail: '2 trace messages from pump on node-7 never arrived (seq 2–3)',
      raw: '2 trace messages from pump on node-7 never arrived (seq 2–3)',
    });
  });

  it('ignores messages without a number or a node (Python senders)', () => {
    const gaps = new SenderGaps();
    const seen = [undefined, { version: '1.0' }, { 'x-miroscope-seq': 3 }, { 'x-miroscope-seq': 'x', 'x-miroscope-node': 'n' }].map((h) => gaps.see('mesh', h, 1));
    expect([seen, gaps.size]).toEqual([[null, null, null, null], 0]);
  });

  it('follows at most maxSenders, forgetting the longest-followed (which then starts a new baseline)', () => {
    const gaps = new SenderGaps({ maxSenders: 2 });
    gaps.see('mesh', headers(1, 'a'), 1);
    gaps.see('mesh', headers(1, 'b'), 1);
    gaps.see('mesh', headers(1, 'c'), 1); // forgets a
    const again = gaps.see('mesh', headers(9, 'a'), 1); // a new baseline, not a gap of 7
    expect([again, gaps.size, gaps.forgotten, gaps.missed]).toEqual([null, 2, 2, 0]);
  });

  it('keeps a sender-chosen name to 200 characters', () => {
    const gaps = new SenderGaps();
    gaps.see('mesh', headers(1, 'n'.repeat(1_000), 'c'.repeat(1_000)), 1);
    const record = gaps.see('mesh', headers(3, 'n'.repeat(1_000), 'c'.repeat(1_000)), 1)!;
    expect([record.node!.length, record.chart!.length, record.detail!.length < 600]).toEqual([201, 201, true]);
  });
});

describe('RelayCounters with missed records', () => {
  it('adds them up in total and by sender, past 100 senders under other', () => {
    const counters = new RelayCounters();
    const gaps = new SenderGaps();
    let seq = 0;
    for (let sender = 0; sender < 102; sender++) {
      gaps.see('mesh', headers(1, `n${sender}`), 1);
      const record = gaps.see('mesh', headers(3, `n${sender}`), 1)!;
      counters.count({ ...record, seq: ++seq } as MirosRecord);
    }
    const snapshot = counters.snapshot(0);
    expect([snapshot.missed, Object.keys(snapshot.missedBy!).length, snapshot.missedBy!['mesh c1@n0'], snapshot.missedBy!.other]).toEqual([102, 101, 1, 2]);
  });
});
