/**
 * A send is numbered before its receptions (issue 10: "805:
 * other_to_inner() … (received 806)"). The relay may see the receiving
 * chart's trace line before the mesh message (the pairer allows that skew);
 * the message then takes the place just before its first reception, and
 * every number 1..N is still used exactly once — in the whole model, in
 * windows, and whatever the batch sizes.
 */
import { describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import type { SequenceModel } from '../../shared/sequence/SequenceModel.ts';
import { SequenceBuilder } from '../../shared/sequence/model/SequenceBuilder.ts';
import { mesh, trace } from './recordFactory.ts';

const items = (model: SequenceModel) =>
  model.system.items.map((item) => (item.type === 'state' ? `${item.n} ${item.chart} ${item.signal}${item.causedBy ? ` ←${item.causedBy}` : ''}` : `${item.n} send ${item.signal}`));

function build(records: MirosRecord[], order: 'arrival' | 'timestamp' = 'arrival', batch = records.length): SequenceBuilder {
  const builder = new SequenceBuilder({ order });
  for (let k = 0; k < records.length; k += batch) builder.add(records.slice(k, k + batch));
  return builder;
}

/** The checks the issue asks for: 1..N once each, every paired send before what it caused. */
function checkNumbering(model: SequenceModel): void {
  const numbers = model.system.items.map((item) => item.n);
  expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, k) => k + 1));
  for (const item of model.system.items) if (item.type === 'state' && item.causedBy !== undefined) expect(item.causedBy).toBeLessThan(item.n);
}

describe('a send is numbered before its receptions', () => {
  it('numbers the message before a reception that the relay saw first', () => {
    const records = [
      trace(1, 'A', 'start_at', 'top', 'outer', { received: 1000 }),
      trace(2, 'B', 'other_to_inner', 'outer', 'inner', { received: 1300, time: null }),
      mesh(3, 'other_to_inner', 'A', { received: 1400 }),
      trace(4, 'A', 'to_outer', 'inner', 'outer', { received: 1500 }),
    ];
    const model = build(records).model();
    expect(items(model)).toEqual(['1 A start_at', '2 send other_to_inner', '3 B other_to_inner ←2', '4 A to_outer']);
    expect(model.charts.map((c) => c.steps.map((s) => s.n))).toEqual([[1, 4], [3]]);
  });

  it('moves the message back to its own place when its reception goes to a better match', () => {
    const early = [
      trace(1, 'B', 'ping', 'a', 'b', { received: 1000, time: null }),
      mesh(2, 'ping', 'A', { received: 1300 }),
    ];
    expect(items(build(early).model())).toEqual(['1 send ping', '2 B ping ←1']);
    // A message just before the reception explains it better: the late one goes back after it.
    const later = [...early, mesh(3, 'ping', 'C', { received: 900 })];
    expect(items(build(later).model())).toEqual(['1 send ping', '2 B ping ←1', '3 send ping']);
  });

  it.each(['arrival', 'timestamp'] as const)('keeps 1..N once each and sends first in %s order, in windows and in any batches', (order) => {
    // Three charts echoing each other; every mesh message is seen 0–3 records after the traces it caused,
    // and in timestamp order half of them are stamped after their reception (clocks differ).
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const records: MirosRecord[] = [];
    let clock = 10_000;
    const pending: MirosRecord[] = [];
    for (let k = 0; k < 300; k++) {
      clock += 50 + Math.floor(random() * 200);
      const sender = `c${k % 3}`;
      const receiver = `c${(k + 1) % 3}`;
      const signal = `other_s${k % 5}`;
      records.push(trace(0, sender, `s${k % 5}`, 'x', 'y', { received: clock, time: clock }));
      pending.push(mesh(0, signal, sender, { received: clock + 20, time: order === 'timestamp' ? clock + (random() < 0.5 ? 1 : 8) : null }));
      records.push(trace(0, receiver, signal, 'y', 'x', { received: clock + 10, time: clock + 5 }));
      if (random() < 0.6) records.push(pending.shift()!);
    }
    records.push(...pending);
    records.forEach((r, k) => (r.seq = k + 1));

    const whole = build(records, order).model();
    checkNumbering(whole);
    expect(whole.system.items.filter((i) => i.type === 'state' && i.causedBy !== undefined).length).toBeGreaterThan(250);
    for (const batch of [1, 7, 64]) expect(build(records, order, batch).model()).toEqual(whole);
    const builder = build(records, order, 13);
    const all = whole.system.items.map((i) => i.n);
    expect(builder.window({ last: 25 }).system.items.map((i) => i.n)).toEqual(all.slice(-25));
    const upTo = builder.window({ toSeq: 400, last: 25 }).system.items.map((i) => i.n);
    const ranged = builder.window({ toSeq: 400 }).system.items.map((i) => i.n);
    expect(upTo).toEqual(ranged.slice(-25));
  });
});
