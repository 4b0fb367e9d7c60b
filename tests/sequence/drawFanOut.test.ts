import { describe, expect, it } from 'vitest';
import { drawFanOut } from '../../shared/sequence/draw/drawFanOut.ts';
import { drawRowGroup } from '../../shared/sequence/draw/drawRowGroup.ts';

const grid = { columns: 4, width: 11 };

describe('drawFanOut', () => {
  it('draws one receiver exactly as the per-chart arrow, for every pair of columns', () => {
    for (let columns = 2; columns <= 5; columns++) {
      for (let from = 0; from < columns; from++) {
        for (let to = 0; to < columns; to++) {
          if (from === to) continue;
          const g = { columns, width: 11 };
          expect(drawFanOut({ from, to: [to], label: 'go()', marker: '(7)' }, g)).toEqual(drawRowGroup({ from, to, label: 'go()', marker: '(7)' }, g));
        }
      }
    }
  });

  it.each([
    [
      'heads at every receiver right of the sender; a lifeline only passed is crossed with +',
      { from: 0, to: [1, 3] },
      ['     +---go()-->+----------+--------->|', '     |   (5)    |          |          |'],
    ],
    [
      'receivers on both sides: the label right of the sender, heads beside each receiver',
      { from: 2, to: [0, 1, 3] },
      ['     +<---------+<---------+---go()-->|', '     |          |          |   (5)    |'],
    ],
    [
      'only receivers on the left: the label left of the sender',
      { from: 3, to: [0, 2] },
      ['     +<---------+----------+<--go()---|', '     |          |          |   (5)    |'],
    ],
  ])('%s', (_, send, expected) => {
    expect(drawFanOut({ ...send, label: 'go()', marker: '(5)' }, grid)).toEqual(expected);
  });
});
