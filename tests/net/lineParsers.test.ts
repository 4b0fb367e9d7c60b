import { describe, expect, it } from 'vitest';
import { parseSpyLine } from '../../shared/records/parseSpyLine.ts';
import { parseTraceLine } from '../../shared/records/parseTraceLine.ts';

describe('parseTraceLine', () => {
  it.each([
    [
      '[2018-05-04 09:23:34.178157] [04ccc_ao] e->to_inner() outer->inner',
      { stamp: '2018-05-04 09:23:34.178157', time: Date.UTC(2018, 4, 4, 9, 23, 34) + 178.157, chart: '04ccc_ao', signal: 'to_inner', from: 'outer', to: 'inner' },
    ],
    [
      '\n[2018-05-04 08:02:36.593144] [0ca32_ao] e->start_at() top->outer\n',
      { stamp: '2018-05-04 08:02:36.593144', time: Date.UTC(2018, 4, 4, 8, 2, 36) + 593.144, chart: '0ca32_ao', signal: 'start_at', from: 'top', to: 'outer' },
    ],
    [
      '[2019-02-23 08:08:34.878743] [None] e->BAKE(x (y)) ss1->ss1',
      { stamp: '2019-02-23 08:08:34.878743', time: Date.UTC(2019, 1, 23, 8, 8, 34) + 878.743, chart: 'None', signal: 'BAKE', payload: 'x (y)', from: 'ss1', to: 'ss1' },
    ],
    [
      '[2018-05-04 09:23:35.001234] [chart_é→ü] e->naïve_signal() état_un->état_deux',
      { stamp: '2018-05-04 09:23:35.001234', time: Date.UTC(2018, 4, 4, 9, 23, 35) + 1.234, chart: 'chart_é→ü', signal: 'naïve_signal', from: 'état_un', to: 'état_deux' },
    ],
  ])('reads %j', (line, fields) => {
    expect(parseTraceLine(line)).toEqual(fields);
  });

  it.each([['[2018-05-04 09:23:34.178157] [04ccc_ao] # a scribble'], ['START'], ['[2018-13-45 99:99:99.0] [a] e->s() a->b'], ['']])(
    'returns null for %j',
    (line) => {
      expect(parseTraceLine(line)).toBeNull();
    },
  );
});

describe('parseSpyLine', () => {
  it.each([
    ['ENTRY_SIGNAL:outer', { signal: 'ENTRY_SIGNAL', state: 'outer' }],
    ['SEARCH_FOR_SUPER_SIGNAL:inner', { signal: 'SEARCH_FOR_SUPER_SIGNAL', state: 'inner' }],
    ['to_inner:inner:HOOK', { signal: 'to_inner', state: 'inner', hook: true }],
    ['START', {}],
    ['<- Queued:(0) Deferred:(0)', {}],
    ['POST_FIFO:to_outer', {}],
    ['RECALL:to_outer', {}],
    ['SUBSCRIBING TO:(SIG, TYPE:fifo)', {}],
  ])('reads %j', (line, fields) => {
    expect(parseSpyLine(line)).toEqual(fields);
  });
});
