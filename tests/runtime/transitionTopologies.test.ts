/**
 * Every transition topology of miros's `trans_` ((a)–(h)), on a chart written
 * with `spyOn` handlers: the whole spy, the order of entry/exit actions, the
 * trace line and the resulting leaf. Expected spies are the ones miros
 * records for the same chart (see the topology_* conformance cases).
 */
import { describe, expect, it } from 'vitest';
import { Event } from '../../server/statechart/Event.ts';
import { a, a111, b11, startedTopo, type TopoChart } from './topologyChart.ts';

const stamp = /\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}\]/g;

/** Start in `start`, send `before` events, then record what `last` does. */
function step(start: typeof a, before: string[], last: string) {
  const chart: TopoChart = startedTopo(start);
  for (const signal of before) chart.dispatch(new Event(signal));
  chart.clearSpy();
  chart.clearTrace();
  chart.log.length = 0;
  chart.dispatch(new Event(last));
  return { spy: chart.spy(), log: chart.log, trace: chart.trace()!.replace(stamp, '[T]'), leaf: chart.stateName };
}

describe('transition topologies', () => {
  it('(a) a leaf transitioning to itself exits and re-enters it', () => {
    expect(step(a111, [], 'SELF')).toEqual({
      spy: ['SELF:a111', 'EXIT_SIGNAL:a111', 'ENTRY_SIGNAL:a111', 'INIT_SIGNAL:a111'],
      log: ['a111-SELF', 'a111-EXIT', 'a111-ENTRY'],
      trace: '\n[T] [topo] e->SELF() a111->a111\n',
      leaf: 'a111',
    });
  });

  it('(a) a superstate transitioning to itself exits everything below, re-enters and re-runs its INIT', () => {
    expect(step(a, [], 'SELF_A1')).toEqual({
      spy: [
        'SELF_A1:a111', 'SELF_A1:a11', 'SELF_A1:a1',
        'EXIT_SIGNAL:a111', 'SEARCH_FOR_SUPER_SIGNAL:a111', 'EXIT_SIGNAL:a11', 'SEARCH_FOR_SUPER_SIGNAL:a11',
        'EXIT_SIGNAL:a1', 'ENTRY_SIGNAL:a1', 'INIT_SIGNAL:a1',
        'SEARCH_FOR_SUPER_SIGNAL:a11', 'ENTRY_SIGNAL:a11', 'INIT_SIGNAL:a11',
        'SEARCH_FOR_SUPER_SIGNAL:a111', 'ENTRY_SIGNAL:a111', 'INIT_SIGNAL:a111',
      ],
      log: ['a1-SELF_A1', 'a111-EXIT', 'a11-EXIT', 'a1-EXIT', 'a1-ENTRY', 'a1-INIT', 'a11-ENTRY', 'a11-INIT', 'a111-ENTRY'],
      trace: '\n[T] [topo] e->SELF_A1() a111->a111\n',
      leaf: 'a111',
    });
  });

  it('(b) a transition to a direct substate does not exit the source', () => {
    expect(step(a, [], 'TO_CHILD')).toEqual({
      spy: [
        'TO_CHILD:a111', 'TO_CHILD:a11', 'TO_CHILD:a1',
        'EXIT_SIGNAL:a111', 'SEARCH_FOR_SUPER_SIGNAL:a111', 'EXIT_SIGNAL:a11', 'SEARCH_FOR_SUPER_SIGNAL:a11',
        'SEARCH_FOR_SUPER_SIGNAL:a11', 'ENTRY_SIGNAL:a11', 'INIT_SIGNAL:a11',
        'SEARCH_FOR_SUPER_SIGNAL:a111', 'ENTRY_SIGNAL:a111', 'INIT_SIGNAL:a111',
      ],
      log: ['a1-TO_CHILD', 'a111-EXIT', 'a11-EXIT', 'a11-ENTRY', 'a11-INIT', 'a111-ENTRY'],
      trace: '\n[T] [topo] e->TO_CHILD() a111->a111\n',
      leaf: 'a111',
    });
  });

  it('(c) a transition between siblings exits the source and enters the target', () => {
    expect(step(a, [], 'SIBLING')).toEqual({
      spy: [
        'SIBLING:a111', 'SIBLING:a11', 'SIBLING:a1',
        'EXIT_SIGNAL:a111', 'SEARCH_FOR_SUPER_SIGNAL:a111', 'EXIT_SIGNAL:a11', 'SEARCH_FOR_SUPER_SIGNAL:a11',
        'SEARCH_FOR_SUPER_SIGNAL:a2', 'SEARCH_FOR_SUPER_SIGNAL:a1', 'EXIT_SIGNAL:a1',
        'ENTRY_SIGNAL:a2', 'INIT_SIGNAL:a2', 'SEARCH_FOR_SUPER_SIGNAL:a21', 'ENTRY_SIGNAL:a21', 'INIT_SIGNAL:a21',
      ],
      log: ['a1-SIBLING', 'a111-EXIT', 'a11-EXIT', 'a1-EXIT', 'a2-ENTRY', 'a2-INIT', 'a21-ENTRY'],
      trace: '\n[T] [topo] e->SIBLING() a111->a21\n',
      leaf: 'a21',
    });
  });

  it('(d) a transition to the parent exits the source, neither exits nor enters the parent, and re-runs its INIT', () => {
    expect(step(a, [], 'TO_PARENT')).toEqual({
      spy: [
        'TO_PARENT:a111', 'TO_PARENT:a11',
        'EXIT_SIGNAL:a111', 'SEARCH_FOR_SUPER_SIGNAL:a111',
        'SEARCH_FOR_SUPER_SIGNAL:a1', 'SEARCH_FOR_SUPER_SIGNAL:a11', 'EXIT_SIGNAL:a11',
        'INIT_SIGNAL:a1', 'SEARCH_FOR_SUPER_SIGNAL:a11', 'ENTRY_SIGNAL:a11', 'INIT_SIGNAL:a11',
        'SEARCH_FOR_SUPER_SIGNAL:a111', 'ENTRY_SIGNAL:a111', 'INIT_SIGNAL:a111',
      ],
      log: ['a11-TO_PARENT', 'a111-EXIT', 'a11-EXIT', 'a1-INIT', 'a11-ENTRY', 'a11-INIT', 'a111-ENTRY'],
      trace: '\n[T] [topo] e->TO_PARENT() a111->a111\n',
      leaf: 'a111',
    });
  });

  it('(e) a transition to a deep descendant walks up from the target to the source and enters below it', () => {
    expect(step(a, ['SIBLING'], 'TO_DEEP')).toEqual({
      spy: [
        'TO_DEEP:a21', 'TO_DEEP:a2', 'TO_DEEP:a',
        'EXIT_SIGNAL:a21', 'SEARCH_FOR_SUPER_SIGNAL:a21', 'EXIT_SIGNAL:a2', 'SEARCH_FOR_SUPER_SIGNAL:a2',
        'SEARCH_FOR_SUPER_SIGNAL:a111', 'SEARCH_FOR_SUPER_SIGNAL:a', 'SEARCH_FOR_SUPER_SIGNAL:a11', 'SEARCH_FOR_SUPER_SIGNAL:a1',
        'ENTRY_SIGNAL:a1', 'ENTRY_SIGNAL:a11', 'ENTRY_SIGNAL:a111', 'INIT_SIGNAL:a111',
      ],
      log: ['a-TO_DEEP', 'a21-EXIT', 'a2-EXIT', 'a1-ENTRY', 'a11-ENTRY', 'a111-ENTRY'],
      trace: '\n[T] [topo] e->TO_DEEP() a21->a111\n',
      leaf: 'a111',
    });
  });

  it("(f) the source's parent is an ancestor of the target: the walk reaches the top, then the source exits", () => {
    expect(step(a, ['SIBLING'], 'F_TOPO')).toEqual({
      spy: [
        'F_TOPO:a21', 'F_TOPO:a2', 'EXIT_SIGNAL:a21', 'SEARCH_FOR_SUPER_SIGNAL:a21',
        'SEARCH_FOR_SUPER_SIGNAL:a111', 'SEARCH_FOR_SUPER_SIGNAL:a2',
        'SEARCH_FOR_SUPER_SIGNAL:a11', 'SEARCH_FOR_SUPER_SIGNAL:a1', 'SEARCH_FOR_SUPER_SIGNAL:a',
        'EXIT_SIGNAL:a2', 'ENTRY_SIGNAL:a1', 'ENTRY_SIGNAL:a11', 'ENTRY_SIGNAL:a111', 'INIT_SIGNAL:a111',
      ],
      log: ['a2-F_TOPO', 'a21-EXIT', 'a2-EXIT', 'a1-ENTRY', 'a11-ENTRY', 'a111-ENTRY'],
      trace: '\n[T] [topo] e->F_TOPO() a21->a111\n',
      leaf: 'a111',
    });
  });

  it('(g) with the common ancestor several levels up, every state up to it exits and the target path is entered', () => {
    expect(step(a, [], 'TO_FAR')).toEqual({
      spy: [
        'TO_FAR:a111', 'SEARCH_FOR_SUPER_SIGNAL:b11', 'SEARCH_FOR_SUPER_SIGNAL:a111',
        'SEARCH_FOR_SUPER_SIGNAL:b1', 'SEARCH_FOR_SUPER_SIGNAL:b',
        'EXIT_SIGNAL:a111', 'EXIT_SIGNAL:a11', 'SEARCH_FOR_SUPER_SIGNAL:a11', 'EXIT_SIGNAL:a1', 'SEARCH_FOR_SUPER_SIGNAL:a1',
        'EXIT_SIGNAL:a', 'SEARCH_FOR_SUPER_SIGNAL:a',
        'ENTRY_SIGNAL:b', 'ENTRY_SIGNAL:b1', 'ENTRY_SIGNAL:b11', 'INIT_SIGNAL:b11',
      ],
      log: ['a111-TO_FAR', 'a111-EXIT', 'a11-EXIT', 'a1-EXIT', 'a-EXIT', 'b-ENTRY', 'b1-ENTRY', 'b11-ENTRY'],
      trace: '\n[T] [topo] e->TO_FAR() a111->b11\n',
      leaf: 'b11',
    });
  });

  it('(g) from a state below the source, the leaf exits first, then the source and its parents', () => {
    expect(step(b11, [], 'TO_A2')).toEqual({
      spy: [
        'TO_A2:b11', 'TO_A2:b1', 'EXIT_SIGNAL:b11', 'SEARCH_FOR_SUPER_SIGNAL:b11',
        'SEARCH_FOR_SUPER_SIGNAL:a2', 'SEARCH_FOR_SUPER_SIGNAL:b1', 'SEARCH_FOR_SUPER_SIGNAL:a',
        'EXIT_SIGNAL:b1', 'EXIT_SIGNAL:b', 'SEARCH_FOR_SUPER_SIGNAL:b',
        'ENTRY_SIGNAL:a', 'ENTRY_SIGNAL:a2', 'INIT_SIGNAL:a2', 'SEARCH_FOR_SUPER_SIGNAL:a21', 'ENTRY_SIGNAL:a21', 'INIT_SIGNAL:a21',
      ],
      log: ['b1-TO_A2', 'b11-EXIT', 'b1-EXIT', 'b-EXIT', 'a-ENTRY', 'a2-ENTRY', 'a2-INIT', 'a21-ENTRY'],
      trace: '\n[T] [topo] e->TO_A2() b11->a21\n',
      leaf: 'a21',
    });
  });

  it('(h) a transition to an ancestor exits everything below it, keeps it, and re-runs its INIT', () => {
    expect(step(a, [], 'TO_ANCESTOR')).toEqual({
      spy: [
        'TO_ANCESTOR:a111', 'SEARCH_FOR_SUPER_SIGNAL:a', 'SEARCH_FOR_SUPER_SIGNAL:a111',
        'EXIT_SIGNAL:a111', 'EXIT_SIGNAL:a11', 'SEARCH_FOR_SUPER_SIGNAL:a11', 'EXIT_SIGNAL:a1', 'SEARCH_FOR_SUPER_SIGNAL:a1',
        'INIT_SIGNAL:a', 'SEARCH_FOR_SUPER_SIGNAL:a1', 'ENTRY_SIGNAL:a1', 'INIT_SIGNAL:a1',
        'SEARCH_FOR_SUPER_SIGNAL:a11', 'ENTRY_SIGNAL:a11', 'INIT_SIGNAL:a11',
        'SEARCH_FOR_SUPER_SIGNAL:a111', 'ENTRY_SIGNAL:a111', 'INIT_SIGNAL:a111',
      ],
      log: ['a111-TO_ANCESTOR', 'a111-EXIT', 'a11-EXIT', 'a1-EXIT', 'a-INIT', 'a1-ENTRY', 'a1-INIT', 'a11-ENTRY', 'a11-INIT', 'a111-ENTRY'],
      trace: '\n[T] [topo] e->TO_ANCESTOR() a111->a111\n',
      leaf: 'a111',
    });
  });
});
