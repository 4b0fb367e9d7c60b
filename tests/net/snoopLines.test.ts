/**
 * Issue 8: what a snoop network carries is printed byte for byte as
 * miros-rabbitmq's own print functions print it — colours, own name blue,
 * other names purple (a spy line's trailing space inside the purple), a
 * received scribble as received, names with whitespace. The expected lines
 * are the library's real output, recorded in tests/fixtures/snoop (README).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSnoopLine, terminalSafe, type SnoopNetwork } from '../../server/net/charts/formatSnoopLine.ts';
import { spyItem, spyNameEnd } from '../../server/net/mirosItems.ts';

const FIXTURES = new URL('../fixtures/snoop/', import.meta.url);
const items = readFileSync(new URL('items.jsonl', FIXTURES), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { kind: SnoopNetwork; item: string });

/** The library's output for one printing node: one line per item. */
function recorded(self: string, colour: boolean): string[] {
  const text = readFileSync(new URL(`${self}.${colour ? 'colour' : 'no-colour'}.txt`, FIXTURES), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

describe('snoop lines', () => {
  // ao1 has charts of its own in the items; ao occurs inside other names (the library colours it there too).
  describe.each([
    ['ao1', 'ao1'],
    ['ao', 'ao'],
    ['nobody_here', 'nobody_here'],
    ['nobody_here', null],
  ] as const)('printed by %s (as own name: %s)', (self, ownName) => {
    it.each([true, false])('with colour %s, are the library\'s bytes', (colour) => {
      expect(items.map(({ kind, item }) => formatSnoopLine(kind, item, ownName, colour))).toEqual(recorded(self, colour));
    });
  });

  it('cover trace and spy, own and other charts, scribbles and names with whitespace', () => {
    const kinds = new Set(items.map(({ kind, item }) => `${kind}:${item.includes('# ') ? 'scribble' : 'line'}`));
    expect([...kinds].sort()).toEqual(['spy:line', 'spy:scribble', 'trace:line', 'trace:scribble']);
    expect(items.some(({ item }) => item.includes('a chart with spaces'))).toBe(true);
  });

  it('escape control characters from the network but the library\'s own colours', () => {
    expect([
      formatSnoopLine('trace', '\n[ts] [evil] e->x\x1b]0;pwned\x07() a->b\r\n', null, false),
      formatSnoopLine('spy', 'evil ENTRY\x1b[2J\x1b[H\nforged [+s] line', null, false),
      formatSnoopLine('spy', 'evil \x1b[35mpurple\x1b[0m \x1b[30;1m# grey\x1b[0m \x1b[8mhidden\x1b[0m', null, false),
      formatSnoopLine('spy', 'c1 \u009b31m and DEL \x7f and NUL \x00 and tab\t', 'c1', true),
      terminalSafe('plain ünïcode text, [brackets] and \\ backslashes'),
    ]).toEqual([
      ' [+t] [ts] [evil] e->x\\x1b]0;pwned\\x07() a->b\\r',
      ' [+s] evil ENTRY\\x1b[2J\\x1b[H\\nforged [+s] line',
      ' [+s] evil \x1b[35mpurple\x1b[0m \x1b[30;1m# grey\x1b[0m \\x1b[8mhidden\x1b[0m',
      ' [+s] \x1b[34mc1\x1b[0m \\x9b31m and DEL \\x7f and NUL \\x00 and tab\t',
      'plain ünïcode text, [brackets] and \\ backslashes',
    ]);
  });

  it('accept a chart name with whitespace in a spy item, as the library does', () => {
    expect(spyItem('a chart with spaces', 'ENTRY_SIGNAL:inner')).toBe('a chart with spaces ENTRY_SIGNAL:inner');
    expect(() => spyItem('', 'START')).toThrow(RangeError);
  });

  it('split a spy item at the name our header gives, else at the first space, as the library reads it', () => {
    const split = (text: string, chart?: string) => {
      const end = spyNameEnd(text, chart);
      return end < 0 ? null : [text.slice(0, end), text.slice(end + 1)];
    };
    expect([
      split('a chart with spaces ENTRY_SIGNAL:inner', 'a chart with spaces'),
      split('a chart with spaces ENTRY_SIGNAL:inner'),
      split('ao <- Queued:(0) Deferred:(0)', 'ao'),
      split('ao [2018-05-04 09:23:34.256485] [ao] # a b c', 'other'),
      split('ao START', 'ao START'),
      split('lonely'),
      split(' leading'),
    ]).toEqual([
      ['a chart with spaces', 'ENTRY_SIGNAL:inner'],
      ['a', 'chart with spaces ENTRY_SIGNAL:inner'],
      ['ao', '<- Queued:(0) Deferred:(0)'],
      ['ao', '[2018-05-04 09:23:34.256485] [ao] # a b c'],
      ['ao', 'START'],
      null,
      null,
    ]);
  });
});
