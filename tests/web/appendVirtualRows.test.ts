/**
 * The virtual sequence view follows a live run by extending its rows with
 * the builder's tail instead of rebuilding them from the whole model (issue
 * 10: 100,000 messages without a frame over 100 ms): extended rows equal a
 * full build, and anything the tail cannot express asks for one.
 */
import { describe, expect, it } from 'vitest';
import { SequenceBuilder } from '../../shared/sequence/model/SequenceBuilder.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { appendVirtualRows, TAIL_ROWS, tailFromSeq } from '../../web/src/panels/sequence/appendVirtualRows.ts';
import { buildVirtualRows, rowLabel, type VirtualRows } from '../../web/src/panels/sequence/virtualRows.ts';
import type { SequenceView } from '../../web/src/panels/sequence/sequenceWindow.ts';
import { trace } from './support/records.ts';

const STATES = ['outer', 'inner', 'middle'];
const turns = (from: number, to: number, charts = 3): MirosRecord[] =>
  Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    return trace(i + 1, `c${i % charts}_ao`, `step_${i}`, STATES[Math.floor(i / charts) % 3]!, STATES[(Math.floor(i / charts) + 1) % 3]!);
  });

const shape = (rows: VirtualRows) => ({
  count: rows.count,
  lanes: rows.lanes,
  kind: Array.from(rows.kind),
  from: Array.from(rows.from),
  to: Array.from(rows.to),
  n: Array.from(rows.n),
  seq: Array.from(rows.seq),
  maxSeq: Array.from(rows.maxSeq),
  labels: Array.from({ length: rows.count }, (_, k) => rowLabel(rows, k)),
});

describe('extending the virtual rows as records stream in', () => {
  for (const view of [{ kind: 'all' }, { kind: 'system' }, { kind: 'chart', chart: 'c1_ao' }] as SequenceView[]) {
    it(`equals a full build after every batch (${view.kind} view)`, () => {
      const builder = new SequenceBuilder();
      builder.add(turns(0, 900));
      let rows = buildVirtualRows(builder.model(), view);
      const extended: boolean[] = [];
      for (let at = 900; at < 3 * TAIL_ROWS; at += 700) {
        const before = builder.size;
        builder.add(turns(at, at + 700));
        const next = appendVirtualRows(rows, before, builder.window({ fromSeq: tailFromSeq(rows) }), view, builder.size);
        extended.push(next !== null);
        rows = next ?? buildVirtualRows(builder.model(), view);
        expect(shape(rows)).toEqual(shape(buildVirtualRows(builder.model(), view)));
      }
      expect(extended.every(Boolean)).toBe(true);
    });
  }

  it('asks for a full build when a new chart appears', () => {
    const builder = new SequenceBuilder();
    builder.add(turns(0, 3000, 3));
    const rows = buildVirtualRows(builder.model(), { kind: 'all' });
    builder.add([trace(3001, 'late_ao', 'hello', 'a', 'b')]);
    expect(appendVirtualRows(rows, 3000, builder.window({ fromSeq: tailFromSeq(rows) }), { kind: 'all' }, builder.size)).toBeNull();
  });

  it('asks for a full build when the tail does not reach back to every number after the rows kept', () => {
    const builder = new SequenceBuilder();
    builder.add(turns(0, 3000));
    const rows = buildVirtualRows(builder.model(), { kind: 'system' });
    builder.add(turns(3000, 3100));
    // A tail that starts after the rows end leaves numbers 3001.. unread from before it: not enough.
    expect([
      appendVirtualRows(rows, 3000, builder.window({ fromSeq: 3050 }), { kind: 'system' }, builder.size),
      appendVirtualRows(rows, 3000, builder.window({ fromSeq: 2990 }), { kind: 'system' }, builder.size)?.count,
    ]).toEqual([null, 3100]);
  });
});
