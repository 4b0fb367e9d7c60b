import { describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { renderAsciiSystem } from '../../shared/sequence/ascii/renderAsciiSystem.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { renderDiagram } from '../../shared/sequence/diagram/renderDiagram.ts';
import { mesh, trace } from './recordFactory.ts';

describe('renderAsciiSystem', () => {
  it('draws charts as columns, each mesh message as a numbered arrow to its receiver and state changes as notes', () => {
    const model = buildSequenceModel([
      trace(1, 'a_ao', 'start_at', 'top', 'outer'),
      trace(2, 'b_ao', 'start_at', 'top', 'outer'),
      mesh(3, 'other_to_inner', 'a_ao', { chart: 'a_ao' }),
      trace(4, 'b_ao', 'other_to_inner', 'outer', 'inner'),
    ]);
    expect(renderAsciiSystem(model)).toBe(
      [
        '[System] 2 charts',
        '               a_ao                               b_ao',
        '                 * 1 start_at() top->outer          |',
        '                 |                                  * 2 start_at() top->outer',
        '                 +-------other_to_inner(a_ao)------>|',
        '                 |               (3)                |',
        '                 |                                  * 4 other_to_inner() outer->inner',
        '',
      ].join('\n'),
    );
  });

  it('draws each send once: a self arrow when nobody received it, else one arrow with a head at every receiver', () => {
    const model = buildSequenceModel([
      trace(1, 'a', 'start_at', 'top', 's'),
      trace(2, 'b', 'start_at', 'top', 's'),
      trace(3, 'c', 'start_at', 'top', 's'),
      trace(4, 'd', 'start_at', 'top', 's'),
      mesh(5, 'lonely', null, { chart: 'a' }),
      mesh(6, 'go', null, { chart: 'a' }),
      trace(7, 'b', 'go', 's', 't'),
      trace(8, 'd', 'go', 's', 't'),
      // Heard by every other chart: a broadcast, said once.
      mesh(9, 'all', null, { chart: 'c' }),
      trace(10, 'a', 'all', 's', 't', { received: 9100 }),
      trace(11, 'b', 'all', 't', 's', { received: 9200 }),
      trace(12, 'd', 'all', 't', 's', { received: 9300 }),
    ]);
    expect(renderAsciiSystem(model)).toBe(
      [
        '[System] 4 charts',
        '           a                      b                      c                      d',
        '           * 1 start_at() top->s  |                      |                      |',
        '           |                      * 2 start_at() top->s  |                      |',
        '           |                      |                      * 3 start_at() top->s  |',
        '           |                      |                      |                      * 4 start_at() top->s',
        '           +                      |                      |                      |',
        '            \\ (5)                 |                      |                      |',
        '            lonely()              |                      |                      |',
        '            /                     |                      |                      |',
        '           <                      |                      |                      |',
        '           +---------go()-------->+----------------------+--------------------->|',
        '           |         (6)          |                      |                      |',
        '           |                      * 7 go() s->t          |                      |',
        '           |                      |                      |                      * 8 go() s->t',
        '           +<---------------------+<---------------------+---------all()------->|',
        '           |                      |                      |     (9, to all)      |',
        '           * 10 all() s->t        |                      |                      |',
        '           |                      * 11 all() t->s        |                      |',
        '           |                      |                      |                      * 12 all() t->s',
        '',
      ].join('\n'),
    );
  });

  it('draws a repeated cycle once, then one line for its repeats, when asked (as the Mermaid view)', () => {
    const records: MirosRecord[] = [trace(1, 'a', 'start_at', 'top', 'cool'), trace(2, 'b', 'start_at', 'top', 'idle')];
    let seq = 3;
    for (let k = 0; k < 4; k++) {
      records.push(trace(seq++, 'a', 'heat', 'cool', 'hot'));
      records.push(mesh(seq++, 'other_hot', null, { chart: 'a' }));
      records.push(trace(seq++, 'b', 'other_hot', 'idle', 'idle'));
    }
    records.push(trace(seq++, 'b', 'stop', 'idle', 'off'));
    const model = buildSequenceModel(records);
    const collapsed = renderDiagram(model, { format: 'ascii', view: 'system', collapseRepeats: true }).parts[0]!.text;
    expect(collapsed).toBe(
      [
        '[System] 2 charts',
        '              a                            b',
        '              * 1 start_at() top->cool     |',
        '              |                            * 2 start_at() top->idle',
        '              * 3 heat() cool->hot         |',
        '              +---------other_hot()------->|',
        '              |            (4)             |',
        '              |                            * 5 other_hot() idle->idle',
        '              = x4: the 3 events above, 3 more times (events 6-14)',
        '              |                            * 15 stop() idle->off',
        '',
      ].join('\n'),
    );
    // Not asked: every cycle drawn.
    expect(renderAsciiSystem(model).match(/other_hot\(\)-/g)).toHaveLength(4);
  });

  it('draws nothing for a model without charts', () => {
    expect(renderAsciiSystem(buildSequenceModel([]))).toBe('');
  });
});
