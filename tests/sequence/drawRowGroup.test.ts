import { describe, expect, it } from 'vitest';
import { columnWidth } from '../../shared/sequence/draw/columnWidth.ts';
import { drawAsciiChart } from '../../shared/sequence/draw/drawAsciiChart.ts';
import { drawRowGroup, labelledSegment } from '../../shared/sequence/draw/drawRowGroup.ts';

describe('labelledSegment', () => {
  it.each([
    ['a()', 15, false, true, '+------a()---->'],
    ['ab()', 15, false, true, '+-----ab()---->'],
    ['a()', 15, true, false, '+<-----a()-----'],
    ['abcdefgh()', 15, true, false, '+<-abcdefgh()--'],
    ['abcdefghi()', 15, false, true, '+--abcdefghi()>'],
    ['a()', 7, false, true, '+--a()>'],
    ['a()', 7, true, false, '+<-a()-'],
    ['five()', 11, false, false, '+--five()--'],
  ])('draws %s in %i columns (left %s, head %s) as %s', (label, width, left, head, expected) => {
    expect(labelledSegment(label, width, left, head)).toBe(expected);
  });
});

describe('columnWidth', () => {
  it('takes the longest state or label + 4, made odd, at least 7', () => {
    expect(columnWidth({ states: ['top', 'outer'], labels: ['start_at()'] })).toBe(15);
    expect(columnWidth({ states: ['x', 'y'], labels: ['a()'] })).toBe(7);
    expect(columnWidth({ states: ['abcdefghi\r'], labels: ['go()'] })).toBe(11);
    expect(columnWidth({ states: ['a'], labels: ['a()'], markers: ['(1234)'] })).toBe(11);
  });
});

describe('drawRowGroup', () => {
  const grid = { columns: 4, width: 7 };

  it('draws a right arrow to the neighbour with the marker under the label', () => {
    expect(drawRowGroup({ from: 1, to: 2, label: 'y()', marker: '(?)' }, grid)).toEqual([
      '   |      +--y()>|      |',
      '   |      | (?)  |      |',
    ]);
  });

  it('draws a long right arrow with the label at the source and crossings as +', () => {
    expect(drawRowGroup({ from: 0, to: 3, label: 'h()', marker: '(?)' }, grid)).toEqual([
      '   +--h()-+------+----->|',
      '   | (?)  |      |      |',
    ]);
  });

  it('draws a long left arrow with the label in the segment touching the source', () => {
    expect(drawRowGroup({ from: 3, to: 0, label: 'd()', marker: '(?)' }, grid)).toEqual([
      '   +<-----+------+--d()-|',
      '   |      |      | (?)  |',
    ]);
  });

  it('draws the one-step left arrow from column N-2 in its place unless asked to copy the bug', () => {
    const step = { from: 2, to: 1, label: 'q()', marker: '(?)' };
    expect(drawRowGroup(step, grid)).toEqual(['   |      +<-q()-|      |', '   |      | (?)  |      |']);
    expect(drawRowGroup(step, { ...grid, misplaceLeftStepFromSecondLast: true })).toEqual([
      '   |      |      +<-q()-|',
      '   |      |      | (?)  |',
    ]);
  });

  it('draws a self transition as a five-line loop, open to the right on the last column', () => {
    expect(drawRowGroup({ from: 1, to: 1, label: 's()', marker: '(12)' }, grid)).toEqual([
      '   |      +      |      |',
      '   |       \\ (12)|      |',
      '   |       s()   |      |',
      '   |       /     |      |',
      '   |      <      |      |',
    ]);
    expect(drawRowGroup({ from: 3, to: 3, label: 'w()', marker: '(?)' }, grid)).toEqual([
      '   |      |      |      +',
      '   |      |      |       \\ (?)',
      '   |      |      |       w()',
      '   |      |      |       /',
      '   |      |      |      <',
    ]);
  });
});

describe('drawAsciiChart', () => {
  it('puts the indent before every line and trims trailing spaces', () => {
    expect(
      drawAsciiChart({
        title: '[Statechart: c] (?)',
        columnNames: ['A', 'B'],
        width: 7,
        indent: '  ',
        steps: [{ from: 0, to: 1, label: 'p()', marker: '(?)' }],
      }),
    ).toEqual(['  [Statechart: c] (?)', '     A      B', '     +--p()>|', '     | (?)  |']);
  });
});
