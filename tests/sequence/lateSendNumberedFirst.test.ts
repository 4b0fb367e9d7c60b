/**
 * A send whose record arrives after its reception's is still numbered
 * before it (issue 10: "every number 1..N appears exactly once, sends
 * before receptions"), for mesh messages and for inferred sends alike.
 * Python trace items arrive late, so in arrival order the sender's own
 * move — the inferred send — can arrive after the `other_…` step it
 * caused; the builder pulls it back to just before that reception, and
 * renumbers only from the reception on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import type { SequenceModel, SequenceOrder } from '../../shared/sequence/SequenceModel.ts';
import { SequenceBuilder } from '../../shared/sequence/model/SequenceBuilder.ts';
import { mesh, trace } from './recordFactory.ts';

function build(records: readonly MirosRecord[], order: SequenceOrder = 'arrival', batch = records.length): SequenceBuilder {
  const builder = new SequenceBuilder({ order });
  for (let k = 0; k < records.length; k += batch) builder.add(records.slice(k, k + batch));
  return builder;
}

/** `n chart signal`, with `←m` for a mesh cause and `?m` for an inferred send. */
const lines = (model: SequenceModel) =>
  model.system.items.map((item) =>
    item.type === 'state'
      ? `${item.n} ${item.chart} ${item.signal}${item.causedBy ? ` ←${item.causedBy}` : ''}${item.inferredFrom ? ` ?${item.inferredFrom}` : ''}`
      : `${item.inferred ? 'inferred' : item.n} send ${item.signal}`,
  );

/**
 * The issue's acceptance: the numbered events (steps and mesh messages; an
 * inferred arrow carries its sending move's number) use 1..N once each, and
 * every send is numbered before what it caused.
 */
function checkNumbering(model: SequenceModel, size: number): { mesh: number; inferred: number } {
  const items = model.system.items;
  const numbers = items.filter((i) => i.type === 'state' || !i.inferred).map((i) => i.n);
  expect(numbers).toEqual(Array.from({ length: size }, (_, k) => k + 1));
  const stepNumbers = new Set(items.filter((i) => i.type === 'state').map((i) => i.n));
  let meshPairs = 0;
  let inferredPairs = 0;
  items.forEach((item, k) => {
    if (item.type === 'message' && item.inferred) {
      // Drawn just before its reception, numbered with a step that exists.
      const reception = items[k + 1]!;
      expect(reception.type === 'state' && reception.inferredFrom).toBe(item.n);
      expect(stepNumbers.has(item.n)).toBe(true);
    }
    if (item.type !== 'state') return;
    if (item.causedBy !== undefined) {
      meshPairs += 1;
      expect(item.causedBy).toBeLessThan(item.n);
    }
    if (item.inferredFrom !== undefined) {
      inferredPairs += 1;
      expect(item.inferredFrom).toBeLessThan(item.n);
    }
  });
  return { mesh: meshPairs, inferred: inferredPairs };
}

/** Pairs whose send's record (seq = arrival here) came after its reception's. */
function lateSends(model: SequenceModel): number {
  const items = model.system.items;
  const messageSeq = new Map(items.flatMap((i) => (i.type === 'message' && !i.inferred ? [[i.n, i.seq] as const] : [])));
  let late = 0;
  items.forEach((item, k) => {
    if (item.type !== 'state') return;
    const send = item.causedBy !== undefined ? messageSeq.get(item.causedBy) : item.inferredFrom !== undefined ? items[k - 1]!.seq : undefined;
    if (send !== undefined && send > item.seq) late += 1;
  });
  return late;
}

describe('a send that arrives after its reception is numbered first', () => {
  it('pulls a late inferred send back to just before its reception, renumbering nothing before it', () => {
    const records = [
      trace(1, 'A', 'start_at', 'top', 'outer', { time: 1000 }),
      trace(2, 'B', 'start_at', 'top', 'outer', { time: 1001 }),
      // B heard A's to_inner (stamped 1010) before A's trace line arrived.
      trace(3, 'B', 'other_to_inner', 'outer', 'inner', { time: 1015 }),
      trace(4, 'B', 'tick', 'inner', 'inner', { time: 1020 }),
      trace(5, 'A', 'to_inner', 'outer', 'inner', { time: 1010 }),
      trace(6, 'A', 'to_outer', 'inner', 'outer', { time: 1030 }),
    ];
    const before = build(records.slice(0, 4)).model();
    // Until A's move arrives, A's start is the best guess (a move of another chart, 15 ms before).
    expect(lines(before)).toEqual(['1 A start_at', '2 B start_at', 'inferred send other_to_inner', '3 B other_to_inner ?1', '4 B tick']);
    const after = build(records).model();
    expect(lines(after)).toEqual(['1 A start_at', '2 B start_at', '3 A to_inner', 'inferred send other_to_inner', '4 B other_to_inner ?3', '5 B tick', '6 A to_outer']);
    expect(checkNumbering(after, 6)).toEqual({ mesh: 0, inferred: 1 });
    // What was shown before the reception keeps its numbers; A's own diagram keeps its order.
    expect(lines(after).slice(0, 2)).toEqual(lines(before).slice(0, 2));
    expect(after.charts.map((c) => [c.chart, c.steps.map((s) => `${s.n} ${s.signal}`)])).toEqual([
      ['A', ['1 start_at', '3 to_inner', '6 to_outer']],
      ['B', ['2 start_at', '4 other_to_inner', '5 tick']],
    ]);
  });

  it('pulls the sender’s earlier late steps along, so its own diagram keeps its order', () => {
    const records = [
      trace(1, 'B', 'start_at', 'top', 'outer', { time: 1000 }),
      trace(2, 'B', 'other_to_inner', 'outer', 'inner', { time: 1015 }),
      // A's whole stream is late: its start, then the move that sent.
      trace(3, 'A', 'start_at', 'top', 'outer', { time: 1002 }),
      trace(4, 'A', 'to_inner', 'outer', 'inner', { time: 1010 }),
    ];
    const model = build(records).model();
    expect(lines(model)).toEqual(['1 B start_at', '2 A start_at', '3 A to_inner', 'inferred send other_to_inner', '4 B other_to_inner ?3']);
    checkNumbering(model, 4);
  });

  it('numbers a mesh message whose records all arrive after the reception before it', () => {
    const records = [
      trace(1, 'A', 'start_at', 'top', 'outer', { time: 1000, received: 1000 }),
      trace(2, 'B', 'other_to_inner', 'outer', 'inner', { time: 1015, received: 1016 }),
      trace(3, 'B', 'tick', 'inner', 'inner', { time: 1020, received: 1021 }),
      // The sender's trace line and its correlated mesh message, both late.
      trace(4, 'A', 'to_inner', 'outer', 'inner', { time: 1010, received: 1030 }),
      mesh(5, 'other_to_inner', null, { time: 1011, received: 1031, chart: 'A' }),
    ];
    const model = build(records).model();
    // The mesh pair takes precedence over inference, and its message goes first.
    expect(lines(model)).toEqual(['1 A start_at', '2 send other_to_inner', '3 B other_to_inner ←2', '4 B tick', '5 A to_inner']);
    expect(checkNumbering(model, 5)).toEqual({ mesh: 1, inferred: 0 });
  });

  it('puts a send back in its place when a better send turns up, whatever the batches', () => {
    const records = [
      trace(1, 'B', 'other_to_inner', 'outer', 'inner', { time: 1015 }),
      // A move of C not named after the signal: the only candidate at first, so it is pulled first.
      trace(2, 'C', 'charge', 'idle', 'busy', { time: 1012 }),
      trace(3, 'A', 'to_inner', 'outer', 'inner', { time: 1010 }),
    ];
    const streamed = build(records, 'arrival', 1);
    const model = streamed.model();
    expect(lines(model)).toEqual(['1 A to_inner', 'inferred send other_to_inner', '2 B other_to_inner ?1', '3 C charge']);
    checkNumbering(model, 3);
    expect(build(records).model()).toEqual(model);
  });

  it('numbers an inferred send first in timestamp order when both carry one stamp', () => {
    const records = [
      trace(1, 'B', 'other_to_inner', 'outer', 'inner', { time: 1010 }),
      trace(2, 'A', 'to_inner', 'outer', 'inner', { time: 1010 }),
    ];
    const model = build(records, 'timestamp').model();
    expect(lines(model)).toEqual(['1 A to_inner', 'inferred send other_to_inner', '2 B other_to_inner ?1']);
  });
});

describe('sends stay first over a recorded network arriving in any interleaving', () => {
  const recorded: MirosRecord[] = readFileSync(new URL('../fixtures/recordings/demo-seed-charger-mesh.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as MirosRecord);

  /**
   * The records as another relay might see them: each chart's trace lines
   * and each sender's mesh messages stay in their own order (one process
   * writes them), but the streams interleave at random, so one chart's
   * records can arrive many records late.
   */
  function interleave(records: readonly MirosRecord[], seed: number): MirosRecord[] {
    let state = seed;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const streams = new Map<string, MirosRecord[]>();
    for (const record of records) {
      const key = `${record.kind}:${record.chart}`;
      if (!streams.has(key)) streams.set(key, []);
      streams.get(key)!.push(record);
    }
    const queues = [...streams.values()];
    const out: MirosRecord[] = [];
    while (queues.length > 0) {
      const k = Math.floor(random() * queues.length);
      out.push(queues[k]!.shift()!);
      if (queues[k]!.length === 0) queues.splice(k, 1);
    }
    return out.map((record, k) => ({ ...record, seq: k + 1 }));
  }

  const cases = [
    { name: 'mesh-correlated', records: recorded, order: 'arrival' as const },
    { name: 'inferred (mesh records stripped)', records: recorded.filter((r) => r.kind !== 'mesh'), order: 'arrival' as const },
    { name: 'inferred, by timestamp', records: recorded.filter((r) => r.kind !== 'mesh'), order: 'timestamp' as const },
  ];

  it.each(cases)('keeps 1..N once and sends first: $name', ({ records, order }) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const shuffled = interleave(records, seed);
      const whole = build(shuffled, order).model();
      const pairs = checkNumbering(whole, shuffled.filter((r) => r.kind === 'trace' || r.kind === 'mesh').length);
      expect(pairs.mesh + pairs.inferred).toBeGreaterThan(200);
      // Not vacuous: many sends arrived after their receptions in this interleaving.
      expect(lateSends(whole)).toBeGreaterThan(15);
      if (order === 'arrival') {
        // Each chart's own diagram follows its records' arrival.
        for (const chart of whole.charts) {
          const arrived = shuffled.filter((r) => r.kind === 'trace' && r.chart === chart.chart).map((r) => r.seq);
          expect(chart.steps.map((s) => s.seq)).toEqual(arrived);
        }
      }
    }
  });

  it.each(cases)('numbers alike whether the records come whole or one by one: $name', ({ records, order }) => {
    const shuffled = interleave(records, 11);
    expect(build(shuffled, order, 1).model()).toEqual(build(shuffled, order).model());
  });

  it.each(cases)('gives windows that agree with the whole model after reordering: $name', ({ records, order }) => {
    const shuffled = interleave(records, 12);
    const builder = build(shuffled, order, 9);
    const whole = builder.model();
    // The number each item belongs to: an inferred arrow is drawn with its reception.
    const owner = (items: SequenceModel['system']['items']) => items.map((item, k) => (item.type === 'message' && item.inferred ? items[k + 1]!.n : item.n));
    const all = owner(whole.system.items);
    expect(owner(builder.window({ last: 40 }).system.items)).toEqual(all.filter((n) => n > builder.size - 40));
    const upTo = owner(builder.window({ toSeq: 300, last: 40 }).system.items);
    const ranged = owner(builder.window({ toSeq: 300 }).system.items);
    expect([...new Set(upTo)]).toEqual([...new Set(ranged)].slice(-40));
  });
});
