import { describe, expect, it } from 'vitest';
import { compatTimeKey } from '../../shared/sequence/compat/compatTimeKey.ts';
import { parseCompatLine } from '../../shared/sequence/compat/parseCompatLine.ts';
import { compatIndent, readCompatInput, splitCompatLines } from '../../shared/sequence/compat/readCompatInput.ts';
import { removeBracketPrefix } from '../../shared/sequence/compat/removeBracketPrefix.ts';

describe('removeBracketPrefix', () => {
  it.each([
    [' [+t] [2018-05-04 09:23:29.177773] [04ccc_ao] e->a() x->y', ' [2018-05-04 09:23:29.177773] [04ccc_ao] e->a() x->y'],
    ['[INFO] [time] [chart] e->a() x->y', '[time] [chart] e->a() x->y'],
    ['[time] [chart] e->a() x->y', '[time] [chart] e->a() x->y'],
    ['[a] [b] [c] ', '[a] [b] [c] '],
    ['[a]  [b] [c] x', '[a]  [b] [c] x'],
    ['noise [a] [b] [c] x', 'noise [b] [c] x'],
    ['[a] [b] [c] \r', '[b] [c] \r'],
  ])('turns %j into %j', (line, expected) => {
    expect(removeBracketPrefix(line)).toBe(expected);
  });
});

describe('compatTimeKey', () => {
  it('gives differently written equal instants one key', () => {
    expect(compatTimeKey('2013-3-24 12:15:5.201')).toBe(compatTimeKey('2013-03-24 12:15:05.2010'));
    expect(compatTimeKey('2013-03-24 12:15:05.201000')).toBe(compatTimeKey('2013-03-24 12:15:05.201'));
  });

  it('keeps different instants apart', () => {
    expect(compatTimeKey('2013-03-24 12:15:05.201')).not.toBe(compatTimeKey('2013-03-24 12:15:05.2011'));
    expect(compatTimeKey('10:59:17.592835')).not.toBe(compatTimeKey('2018-01-01 10:59:17.592835'));
  });

  it('accepts a time of day alone, a date alone, and other text with a time; rejects text without one', () => {
    expect([compatTimeKey('10:59:17.5'), compatTimeKey('2018-05-04'), compatTimeKey('May 4 09:23'), compatTimeKey('not a time')]).toEqual([
      'today 10:59:17.5',
      '2018-5-4 0:0:0.',
      'text:May 4 09:23',
      null,
    ]);
  });
});

describe('parseCompatLine', () => {
  const at = '[2020-01-01 00:00:01] [c] ';
  const transition = (signal: string, payload: string, source: string, target: string) => ({
    kind: 'transition',
    stamp: '2020-01-01 00:00:01',
    timeKey: '2020-1-1 0:0:1.',
    chart: 'c',
    signal,
    payload,
    source,
    target,
  });

  it.each([
    ['e->go() A->B', transition('go()', '', 'A', 'B')],
    ['cTrig->P(522) idle->armed', transition('P(522)', '522', 'idle', 'armed')],
    ["e->set({'y': 0, 'x': 1}) armed->idle", transition("set({'y': 0, 'x': 1})", "{'y': 0, 'x': 1}", 'armed', 'idle')],
    ['e->go() A->B->C', transition('go()', '', 'A', 'B->C')],
    ['note->see (manual) page->7', transition('see (manual)', 'manual', 'page', '7')],
    ['e->back() e->top', transition('back()', '', 'e', 'back() e->top')],
    ['e->a() X Y->Z', transition('a()', '', 'X Y', 'Z')],
    ['e->go() A->B  \r', transition('go()', '', 'A', 'B  \r')],
    ['e->sig()  A->B', transition('sig()', '', ' A', 'B')],
    ['->bare() idle->busy', transition('bare()', '', 'idle', 'busy')],
    ['e->go(x+y) A->B', transition('go(x+y)', 'x+y', 'A', 'B')],
    ['e->go(f(x)) A->B', { ...transition('go(f(x))', 'f(x)', 'A', 'B'), lenient: true }],
  ])('reads %j', (rest, expected) => {
    expect(parseCompatLine(at + rest)).toEqual(expected);
  });

  it.each([
    ['spy(top-entry);'],
    ['\t[2020-01-01 00:00:01] [c] e->hidden() A->B'],
    ['[2020-01-01 00:00:01] [c] # scribble'],
    ['[2019-07-01 12:00:01.500000] [lamp] uiErrNum->2 siErrVal->555 FAULT: lamp hot'],
    ['random text -> with an arrow (and parens)'],
  ])('ignores %j', (line) => {
    expect(parseCompatLine(line)).toEqual({ kind: 'noise' });
  });

  it.each([
    [' [+s] 0ca32_ao START', 'no [chart] of letters, digits, _ and . after the timestamp'],
    ['[2020-01-01 00:00:01] [my-chart] e->go() A->B', 'no [chart] of letters, digits, _ and . after the timestamp'],
    ['[2020-01-01 00:00:01]  [c] e->go() A->B', 'no [chart] of letters, digits, _ and . after the timestamp'],
    ['[not a time] [c] e->go() A->B', 'the timestamp has no date or time in it'],
    ['[2020-01-01 00:00:01] [c] e->go()A->B', 'no space between the signal and the source state'],
    ['[2020-01-01 00:00:01] [c] e->() A->B', 'the signal has no name before "("'],
    ['[2020-01-01 00:00:01] [c] e->x) A->B', 'the signal has no "("'],
    ['[2020-01-01 00:00:01] [c] e->go() A', 'no "->" after the source state'],
  ])('reports that sequence.rb aborts on %j', (line, reason) => {
    expect(parseCompatLine(line)).toEqual({ kind: 'abort', reason });
  });
});

describe('readCompatInput', () => {
  it('drops zero-length lines at the end but keeps a line of spaces', () => {
    expect(splitCompatLines('a\r\n\nb\n\n\n')).toEqual(['a\r', '', 'b']);
    expect(splitCompatLines('a\n  \n')).toEqual(['a', '  ']);
    expect(splitCompatLines('')).toEqual([]);
  });

  it('takes the indent from the last line only, after prefix removal', () => {
    expect([
      compatIndent('   [x] [c] e->a() A->B'),
      compatIndent('  [+t] [x] [c] e->a() A->B'),
      compatIndent('end of capture'),
      compatIndent('    '),
      compatIndent(undefined),
    ]).toEqual(['   ', '  ', '', '', '']);
  });

  it('reads coloured chart names without their colour and skips other lines sequence.rb aborts on', () => {
    const input = [
      ' [+s] 0ca32_ao START',
      ' [+t] [2018-05-04 09:23:29.177773] [\x1b[34m04ccc_ao\x1b[0m] e->start_at() top->outer',
      ' [+t] [2018-05-04 09:23:30.000000] [04ccc_ao] \x1b[30;1m# scribble\x1b[0m',
    ].join('\n');
    const result = readCompatInput(input);
    expect(result.skipped).toEqual([{ line: 1, reason: 'no [chart] of letters, digits, _ and . after the timestamp' }]);
    expect(result.decoloured).toEqual([2]);
    expect(result.indent).toBe(' ');
    expect([...result.charts.keys()]).toEqual(['04ccc_ao']);
    expect(result.charts.get('04ccc_ao')!.map((l) => [l.line, l.text, l.source, l.target])).toEqual([
      [2, ' [2018-05-04 09:23:29.177773] [04ccc_ao] e->start_at() top->outer', 'top', 'outer'],
    ]);
  });
});
