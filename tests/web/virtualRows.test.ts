/**
 * The virtual sequence view's layout (issue 10: past Mermaid's limits the
 * live view is drawn by our own virtualized renderer): one row per numbered
 * item, with the shared pipeline's numbers and the Mermaid drawing's labels,
 * the cursor's row found by bisection, and only the rows in view drawn.
 */
import { describe, expect, it } from 'vitest';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { renderDiagram } from '../../shared/sequence/diagram/renderDiagram.ts';
import type { SequenceModel } from '../../shared/sequence/SequenceModel.ts';
import {
  buildVirtualRows,
  extraReceivers,
  isNumbered,
  printableLabel,
  rowAtSeq,
  rowLabel,
  ROW_ARROW,
  ROW_INFERRED,
  ROW_NOTE,
  ROW_SELF,
  ROW_UNRECEIVED,
  visibleRows,
  type VirtualRows,
} from '../../web/src/panels/sequence/virtualRows.ts';
import { fixtureRecords, trace } from './support/records.ts';

const rowsOf = (rows: VirtualRows) =>
  Array.from({ length: rows.count }, (_, k) => ({ kind: rows.kind[k], from: rows.lanes[rows.from[k]!], to: rows.lanes[rows.to[k]!], label: rowLabel(rows, k) }));

describe('the virtual sequence layout', () => {
  const model = buildSequenceModel(fixtureRecords('seed-two-charts-trace.log'));

  it('lays every chart side by side and draws its steps once each, numbered 1..N in order', () => {
    const rows = buildVirtualRows(model, { kind: 'all' });
    const steps = model.charts.reduce((sum, c) => sum + c.steps.length, 0);
    expect([rows.count, Array.from(rows.n)]).toEqual([steps, Array.from({ length: steps }, (_, k) => k + 1)]);
    expect(rows.groups.map((g) => [g.chart, g.heading, g.first, g.last])).toEqual(
      model.charts.map((c, k) => [c.chart, `${c.chart} (${c.letter})`, k === 0 ? 0 : model.charts[0]!.lifelines.length, (k === 0 ? 0 : model.charts[0]!.lifelines.length) + c.lifelines.length - 1]),
    );
  });

  it('labels each row as the Mermaid drawing of the same view labels it', () => {
    for (const view of [{ kind: 'all' }, { kind: 'system' }] as const) {
      const rows = buildVirtualRows(model, view);
      const mermaid = renderDiagram(model, { format: 'mermaid', view: view.kind === 'all' ? 'chart' : 'system', titles: false }).parts.map((p) => p.text).join('\n');
      const missing = Array.from({ length: rows.count }, (_, k) => rowLabel(rows, k)).filter((label) => !mermaid.includes(`: ${label}\n`));
      expect([view.kind, rows.count > 0, missing]).toEqual([view.kind, true, []]);
    }
  });

  it('draws one chart alone in the chart view', () => {
    const chart = model.charts[1]!;
    const rows = buildVirtualRows(model, { kind: 'chart', chart: chart.chart });
    expect([rows.lanes, Array.from(rows.n)]).toEqual([chart.lifelines, chart.steps.map((s) => s.n)]);
  });

  it('draws a loop for a step that stays in its state', () => {
    const rows = buildVirtualRows(buildSequenceModel([trace(1, 'a_ao', 'tick', 'outer', 'outer'), trace(2, 'a_ao', 'go', 'outer', 'inner')]), { kind: 'all' });
    expect(rowsOf(rows)).toEqual([
      { kind: ROW_SELF, from: 'outer', to: 'outer', label: '1: tick()' },
      { kind: ROW_ARROW, from: 'outer', to: 'inner', label: '2: go()' },
    ]);
  });

  it('draws the system view: notes, fanned-out messages, unreceived sends and dashed inferred arrows', () => {
    const system: SequenceModel = {
      charts: [],
      system: {
        lifelines: ['a', 'b', 'c'],
        items: [
          { type: 'state', n: 1, seq: 1, time: null, chart: 'a', signal: 'start', from: 'top', to: 'outer' },
          { type: 'message', n: 2, seq: 3, time: null, signal: 'ping', payload: { k: 1 }, from: 'a', to: ['c', 'b'] },
          { type: 'state', n: 3, seq: 2, time: null, chart: 'c', signal: 'ping', from: 'outer', to: 'inner', causedBy: 2 },
          { type: 'message', n: 4, seq: 4, time: null, signal: 'lost', from: 'b', to: [] },
          { type: 'message', n: 1, seq: 1, time: null, signal: 'other_go', from: 'a', to: ['b'], inferred: true },
          { type: 'state', n: 5, seq: 5, time: null, chart: 'b', signal: 'other_go', from: 'idle', to: 'busy', inferredFrom: 1 },
        ],
      },
    };
    const rows = buildVirtualRows(system, { kind: 'system' });
    expect(rowsOf(rows)).toEqual([
      { kind: ROW_NOTE, from: 'a', to: 'a', label: '1: start(): top → outer' },
      { kind: ROW_ARROW, from: 'a', to: 'c', label: '2: ping({"k":1})' },
      { kind: ROW_NOTE, from: 'c', to: 'c', label: '3: ping(): outer → inner (received 2)' },
      { kind: ROW_UNRECEIVED, from: 'b', to: 'b', label: '4: sent lost(), no reception seen' },
      { kind: ROW_INFERRED, from: 'a', to: 'b', label: 'other_go() (inferred, sent at 1)' },
      { kind: ROW_NOTE, from: 'b', to: 'b', label: '5: other_go(): idle → busy (inferred from 1)' },
    ]);
    const laneOf = new Map(rows.lanes.map((l, k) => [l, k]));
    expect([extraReceivers(rows, 1, laneOf), extraReceivers(rows, 2, laneOf), [0, 1, 2, 3, 4, 5].map((k) => isNumbered(rows, k))]).toEqual([
      [1],
      [],
      [true, true, true, true, false, true],
    ]);
    // The message (seq 3) is drawn before its reception (seq 2): at seq 2 the cursor's row is the one above both.
    // The inferred arrow comes with its reception (seq 5), not with its send (seq 1).
    expect([[1, 2, 3, 4, 5, 0].map((seq) => rowAtSeq(rows, seq)), rows.seq[4]]).toEqual([[0, 0, 2, 3, 5, -1], 5]);
  });

  it('draws only the rows in view, plus the overscan, clamped to the run', () => {
    expect([
      visibleRows(0, 260, 26, 100_000, 5),
      visibleRows(26 * 50_000 + 13, 260, 26, 100_000, 5),
      visibleRows(26 * 99_995, 260, 26, 100_000, 5),
      visibleRows(-400, 260, 26, 3, 5),
    ]).toEqual([
      { first: 0, last: 15 },
      { first: 49_995, last: 50_016 },
      { first: 99_990, last: 100_000 },
      { first: 0, last: 0 },
    ]);
  });

  it('lays 100,000 steps out in compact arrays, one per row, and finds the cursor row by bisection', () => {
    const records = Array.from({ length: 100_000 }, (_, k) => trace(k + 1, `c${k % 10}`, `s${k % 3}`, ['outer', 'inner', 'middle'][k % 3]!, ['inner', 'middle', 'outer'][k % 3]!));
    const rows = buildVirtualRows(buildSequenceModel(records), { kind: 'all' });
    expect([rows.count, rows.lanes.length, rows.n[99_999], rowAtSeq(rows, 73_456), rowLabel(rows, 73_455)]).toEqual([100_000, 30, 100_000, 73_455, '73456: s0()']);
  });

  it('writes control characters as escapes and cuts long labels as Mermaid does', () => {
    expect([printableLabel('a\tb\u0001'), printableLabel('x'.repeat(250)).length]).toEqual(['a\\tb\\x01', 200]);
  });
});
