import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { RecordLog } from '../../web/src/store/RecordLog.ts';
import { transitionIndex } from '../../web/src/panels/statechart/transitionIndex.ts';
import { activePath, stateHierarchy } from '../../web/src/panels/statechart/stateHierarchy.ts';
import { buildElkGraph, INITIAL_NODE } from '../../web/src/panels/statechart/buildElkGraph.ts';
import { flattenLayout } from '../../web/src/panels/statechart/flattenLayout.ts';
import { announcedTopology } from '../../web/src/panels/statechart/chartTopology.ts';
import { currentTransition } from '../../web/src/panels/statechart/currentTransition.ts';
import { inferredTopology } from '../../web/src/panels/statechart/inferredTopology.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { fixtureRecords } from './support/records.ts';

function logOf(records: MirosRecord[]): RecordLog {
  const log = new RecordLog();
  log.append(records);
  return log;
}

const topology = (seq: number, chart: string, states: { name: string; parent: string | null }[]): MirosRecord => ({
  v: 1,
  seq,
  kind: 'meta',
  event: 'topology',
  chart,
  node: null,
  time: null,
  received: 0,
  raw: '',
  states,
});

describe('transitions observed per chart', () => {
  it('collects each distinct source → target once, with its signals', () => {
    const log = logOf(fixtureRecords('seed-two-charts-trace.log'));
    const b = [...transitionIndex(log).get('2771f_ao')!.values()];
    expect(b).toEqual([
      { from: 'top', to: 'outer', signals: ['start_at'] },
      { from: 'outer', to: 'inner', signals: ['other_to_inner', 'to_inner'] },
      { from: 'inner', to: 'outer', signals: ['other_to_outer'] },
    ]);
  });
});

describe('state hierarchy', () => {
  it('nests announced states and adds states only the transitions mention at the top', () => {
    const roots = stateHierarchy(
      [
        { name: 'outer', parent: 'top' },
        { name: 'inner', parent: 'outer' },
        { name: 'deep', parent: 'inner' },
      ],
      [{ from: 'deep', to: 'elsewhere', signals: ['go'] }],
    );
    expect(roots).toEqual([
      { name: 'outer', children: [{ name: 'inner', children: [{ name: 'deep', children: [] }] }] },
      { name: 'elsewhere', children: [] },
    ]);
    expect(activePath(roots, 'deep')).toEqual(['deep', 'inner', 'outer']);
  });

  it('puts a state whose parent is unknown or circular at the top level', () => {
    const roots = stateHierarchy(
      [
        { name: 'a', parent: 'b' },
        { name: 'b', parent: 'a' },
        { name: 'c', parent: 'ghost' },
      ],
      [],
    );
    expect(roots).toEqual([
      { name: 'a', children: [] },
      { name: 'b', children: [] },
      { name: 'c', children: [] },
    ]);
  });
});

describe('announced topology and current state', () => {
  it('takes the latest topology before the cursor, else one the server retained', () => {
    const log = logOf([topology(1, 'a', [{ name: 'x', parent: null }]), topology(2, 'a', [{ name: 'y', parent: null }])]);
    const retained = [topology(9, 'b', [{ name: 'z', parent: null }]) as Extract<MirosRecord, { kind: 'meta' }>];
    expect([announcedTopology(log, 1, 'a'), announcedTopology(log, 2, 'a'), announcedTopology(log, 2, 'b', retained), announcedTopology(log, 2, 'c')]).toEqual([
      [{ name: 'x', parent: null }],
      [{ name: 'y', parent: null }],
      [{ name: 'z', parent: null }],
      null,
    ]);
  });

  it('knows the state and last transition of a chart at any cursor', () => {
    const log = logOf(fixtureRecords('seed-two-charts-trace.log'));
    expect([currentTransition(log, 12, '2771f_ao'), currentTransition(log, 11, '2771f_ao')?.state, currentTransition(log, 1, '2771f_ao')]).toEqual([
      { state: 'inner', last: { from: 'outer', to: 'inner', signal: 'other_to_inner', seq: 12 }, source: 'trace' },
      'outer',
      null,
    ]);
  });
});

describe('ELK layout of a chart', () => {
  it('lays out nested states with the initial dot and every observed transition', async () => {
    const log = logOf(fixtureRecords('seed-two-charts-trace.log'));
    const transitions = [...transitionIndex(log).get('04ccc_ao')!.values()];
    const roots = stateHierarchy([{ name: 'outer', parent: null }, { name: 'inner', parent: 'outer' }], transitions);
    const laid = await new ELK().layout(buildElkGraph(roots, transitions));
    const flat = flattenLayout(laid);
    const outer = flat.boxes.find((b) => b.id === 'outer')!;
    const inner = flat.boxes.find((b) => b.id === 'inner')!;
    expect(flat.boxes.map((b) => [b.id, b.compound, b.depth])).toEqual([
      [INITIAL_NODE, false, 0],
      ['outer', true, 0],
      ['inner', false, 1],
    ]);
    expect(flat.lines.map((l) => [l.id, l.label?.text ?? null, l.points.length >= 2])).toEqual([
      ['top→outer', null, true],
      ['outer→inner', 'to_inner', true],
      ['inner→outer', 'to_outer', true],
    ]);
    // Root coordinates: the nested state sits inside its parent's box.
    expect(inner.x > outer.x && inner.y > outer.y && inner.x + inner.width < outer.x + outer.width && inner.y + inner.height < outer.y + outer.height).toBe(true);
  });
});

describe('inferred topology', () => {
  it('nests the states of a Python chart from its spy lines, growing with the log', () => {
    const records = fixtureRecords('seed-single-chart.log');
    const log = logOf(records.slice(0, 5));
    const early = inferredTopology(log, '0ca32_ao');
    log.append(records.slice(5));
    const roots = stateHierarchy(inferredTopology(log, '0ca32_ao'), transitionIndex(log).get('0ca32_ao')!.values());
    expect([early, roots]).toEqual([[{ name: 'outer', parent: null }], [{ name: 'outer', children: [{ name: 'inner', children: [] }] }]]);
  });
});
