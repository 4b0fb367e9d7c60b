import { describe, expect, it } from 'vitest';
import { renderAsciiSystem } from '../../shared/sequence/ascii/renderAsciiSystem.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
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

  it('draws a message nobody received as a self arrow on its sender, and one arrow per receiver otherwise', () => {
    const model = buildSequenceModel([
      trace(1, 'a', 'start_at', 'top', 's'),
      trace(2, 'b', 'start_at', 'top', 's'),
      trace(3, 'c', 'start_at', 'top', 's'),
      mesh(4, 'lonely', null, { chart: 'a' }),
      mesh(5, 'go', null, { chart: 'a' }),
      trace(6, 'b', 'go', 's', 't'),
      trace(7, 'c', 'go', 's', 't'),
    ]);
    const rows = renderAsciiSystem(model).split('\n').filter((line) => !line.includes('* '));
    expect(rows.filter((line) => line.includes('(4)') || line.includes('lonely()'))).toHaveLength(2);
    expect(rows.filter((line) => line.includes('+--') && line.includes('go()'))).toHaveLength(2);
    expect(rows.filter((line) => line.includes('(5)'))).toHaveLength(2);
  });

  it('draws nothing for a model without charts', () => {
    expect(renderAsciiSystem(buildSequenceModel([]))).toBe('');
  });
});
