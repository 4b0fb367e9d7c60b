import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { TopologyInference } from '../../shared/topology/TopologyInference.ts';
import { fixtureLog } from '../support/fixturePath.ts';

const fixture = (name: string) => readFileSync(fixtureLog(name), 'utf8');

function infer(text: string): TopologyInference {
  const topo = new TopologyInference();
  topo.add(parseLog(text, { received: 0 }).records);
  return topo;
}

/** Spy lines of one chart, in miros-rabbitmq's terminal form. */
function spy(chart: string, lines: string[]): string {
  return lines.map((l) => ` [+s] ${chart} ${l}`).join('\n');
}

const top = (name: string) => ({ name, parent: null });
const inside = (name: string, parent: string) => ({ name, parent });

describe('topology inferred from the fixture logs', () => {
  it('finds outer_state > inner_state for both charts of simple_state_9 (Python logging, interleaved)', () => {
    const topo = infer(fixture('miros-logging-simple_state_9.log'));
    expect(topo.all()).toEqual(['ao1', 'ao2'].map((chart) => ({
      chart, source: 'inferred', states: [top('outer_state'), inside('inner_state', 'outer_state')],
    })));
  });

  it('finds the three levels of simple_state_14, where f2 starts in the innermost state', () => {
    const topo = infer(fixture('miros-logging-simple_state_14.log'));
    const states = [top('outer_state'), inside('middle_state', 'outer_state'), inside('inner_state', 'middle_state')];
    expect(topo.all()).toEqual([
      { chart: 'f1', source: 'inferred', states },
      { chart: 'f2', source: 'inferred', states },
    ]);
  });

  it('finds the charger hierarchy, bulk included, which only its To_Bulk transition enters', () => {
    const topo = infer(fixture('miros-logging-single_unit_three_stage_charger_2.log'));
    expect(topo.topology('charger')).toEqual({
      chart: 'charger',
      source: 'inferred',
      states: [top('charging'), inside('constant_current_control', 'charging'), inside('bulk', 'constant_current_control')],
    });
  });

  it('finds outer > inner from the seed terminal output, where trace lines interrupt the spy lines', () => {
    expect(infer(fixture('seed-single-chart.log')).all()).toEqual([
      { chart: '0ca32_ao', source: 'inferred', states: [top('outer'), inside('inner', 'outer')] },
    ]);
  });

  it('shows the states of trace-only charts top-level, in order of appearance', () => {
    expect(infer(fixture('seed-two-charts-trace.log')).all()).toEqual(['04ccc_ao', '2771f_ao'].map((chart) => ({
      chart, source: 'inferred', states: [top('outer'), top('inner')],
    })));
  });
});

describe('topology inferred from spy sequences', () => {
  // Samek's chart from miros-semantics.md §4 and §5.2: start_at(ss2), then H in ss211.
  const samek = spy('hsm', [
    'START', 'SEARCH_FOR_SUPER_SIGNAL:ss2', 'SEARCH_FOR_SUPER_SIGNAL:ss', 'ENTRY_SIGNAL:ss', 'ENTRY_SIGNAL:ss2',
    'INIT_SIGNAL:ss2', 'SEARCH_FOR_SUPER_SIGNAL:ss211', 'SEARCH_FOR_SUPER_SIGNAL:ss21', 'ENTRY_SIGNAL:ss21',
    'ENTRY_SIGNAL:ss211', 'INIT_SIGNAL:ss211', '<- Queued:(0) Deferred:(0)',
    'H:ss211', 'SEARCH_FOR_SUPER_SIGNAL:ss', 'SEARCH_FOR_SUPER_SIGNAL:ss211', 'EXIT_SIGNAL:ss211', 'EXIT_SIGNAL:ss21',
    'SEARCH_FOR_SUPER_SIGNAL:ss21', 'EXIT_SIGNAL:ss2', 'SEARCH_FOR_SUPER_SIGNAL:ss2', 'INIT_SIGNAL:ss',
    'SEARCH_FOR_SUPER_SIGNAL:ss11', 'SEARCH_FOR_SUPER_SIGNAL:ss1', 'ENTRY_SIGNAL:ss1', 'ENTRY_SIGNAL:ss11',
    'INIT_SIGNAL:ss11', '<- Queued:(0) Deferred:(0)',
  ]);

  it("reads Samek's chart from a start and a transition to an ancestor", () => {
    expect(infer(samek).topology('hsm')?.states).toEqual([
      top('ss'), inside('ss2', 'ss'), inside('ss21', 'ss2'), inside('ss211', 'ss21'), inside('ss1', 'ss'), inside('ss11', 'ss1'),
    ]);
  });

  it('climbs one parent per bubbling call, across EMPTY_SIGNAL probes, until the hook', () => {
    const text = spy('b', ['x:c', 'EMPTY_SIGNAL:c', 'x:b', 'x:a', 'x:a:HOOK', '<- Queued:(0) Deferred:(0)']);
    expect(infer(text).topology('b')?.states).toEqual([top('a'), inside('b', 'a'), inside('c', 'b')]);
  });

  it('places a state entered after exits beside the state exited last', () => {
    const text = spy('s', [
      'START', 'ENTRY_SIGNAL:a', 'INIT_SIGNAL:a', 'ENTRY_SIGNAL:b', 'INIT_SIGNAL:b', '<- Queued:(0) Deferred:(0)',
      'go:b', 'SEARCH_FOR_SUPER_SIGNAL:c', 'SEARCH_FOR_SUPER_SIGNAL:b', 'EXIT_SIGNAL:b', 'ENTRY_SIGNAL:c', 'INIT_SIGNAL:c',
      '<- Queued:(0) Deferred:(0)',
    ]);
    expect(infer(text).topology('s')?.states).toEqual([top('a'), inside('b', 'a'), inside('c', 'a')]);
  });

  it('puts a state entered without exits inside the state that took the event', () => {
    const text = spy('s', ['go:a', 'SEARCH_FOR_SUPER_SIGNAL:b', 'ENTRY_SIGNAL:b', 'hello from b', 'POST_FIFO:tick', 'INIT_SIGNAL:b']);
    expect(infer(text).topology('s')?.states).toEqual([top('a'), inside('b', 'a')]);
  });

  it('treats a state offered the same event again as a new step, not as its own grandchild', () => {
    const text = spy('d', ['x:a', 'x:b', 'x:a', 'x:b']);
    expect(infer(text).topology('d')?.states).toEqual([top('b'), inside('a', 'b')]);
  });

  it('still gives a tree when the input contradicts itself', () => {
    const text = spy('k', ['x:a', 'x:b', '<- Queued:(0) Deferred:(0)', 'y:b', 'y:a', '<- Queued:(0) Deferred:(0)']);
    expect(infer(text).topology('k')?.states).toEqual([top('a'), inside('b', 'a')]);
  });

  it('lets the majority win between conflicting parents', () => {
    const text = spy('m', ['x:c', 'x:a', '<- Queued:(0) Deferred:(0)', 'y:c', 'y:b', '<- Queued:(0) Deferred:(0)', 'z:c', 'z:b']);
    expect(infer(text).topology('m')?.states).toEqual([top('a'), top('b'), inside('c', 'b')]);
  });
});

describe('TopologyInference', () => {
  const announce: MirosRecord = {
    v: 1, seq: 1, kind: 'meta', chart: 'ts1', node: 'n1', time: null, received: 0, raw: '',
    event: 'topology', states: [top('on'), inside('idle', 'on')],
  };

  it('takes an announced topology over anything inferred, before or after it', () => {
    const topo = new TopologyInference();
    topo.add(parseLog(spy('ts1', ['START', 'ENTRY_SIGNAL:x', 'ENTRY_SIGNAL:y']), { received: 0 }).records);
    topo.add([announce]);
    topo.add(parseLog(spy('ts1', ['START', 'ENTRY_SIGNAL:p', 'ENTRY_SIGNAL:q']), { received: 0 }).records);
    expect(topo.topology('ts1')).toEqual({ chart: 'ts1', source: 'announced', states: [top('on'), inside('idle', 'on')] });
  });

  it('gives the same answer fed record by record as all at once', () => {
    const records = parseLog(fixture('miros-logging-simple_state_12.log'), { received: 0 }).records;
    const oneByOne = new TopologyInference();
    for (const r of records) oneByOne.add([r]);
    const atOnce = new TopologyInference();
    atOnce.add(records);
    expect(oneByOne.all()).toEqual(atOnce.all());
  });

  it('changes its version only when it learns something, and keeps returning the same object meanwhile', () => {
    const topo = new TopologyInference();
    const records = parseLog(spy('c', ['START', 'ENTRY_SIGNAL:a', 'INIT_SIGNAL:a']), { received: 0 }).records;
    topo.add(records);
    const v1 = topo.version;
    const first = topo.topology('c');
    topo.add(parseLog(spy('c', ['<- Queued:(0) Deferred:(0)', 'just a scribble']), { received: 0 }).records);
    const v2 = topo.version;
    const second = topo.topology('c');
    topo.add(parseLog(spy('c', ['go:a', 'ENTRY_SIGNAL:b']), { received: 0 }).records);
    expect([v2 === v1, second === first, topo.version > v2, topo.topology('c')?.states]).toEqual([
      true, true, true, [top('a'), inside('b', 'a')],
    ]);
  });

  it('ignores records without a chart and forgets everything on clear()', () => {
    const topo = new TopologyInference();
    topo.add(parseLog('noise\n [+s] c START\n [+s] c ENTRY_SIGNAL:a', { received: 0 }).records);
    const before = topo.chartNames();
    topo.clear();
    expect([before, topo.chartNames(), topo.topology('c')]).toEqual([['c'], [], undefined]);
  });
});
