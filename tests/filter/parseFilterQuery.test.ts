import { describe, expect, it } from 'vitest';
import { FilterSyntaxError } from '../../shared/filter/FilterSyntaxError.ts';
import { formatFilterQuery } from '../../shared/filter/formatFilterQuery.ts';
import type { LogFilter } from '../../shared/filter/LogFilter.ts';
import { parseFilterQuery } from '../../shared/filter/parseFilterQuery.ts';

const queries: [string, LogFilter][] = [
  ['', {}],
  ['   ', {}],
  ['chart:ao1', { charts: ['ao1'] }],
  ['chart:ao1,ao2 chart:f*', { charts: ['ao1', 'ao2', 'f*'] }],
  ['Chart:ao1 KIND:trace', { charts: ['ao1'], kinds: ['trace'] }],
  ['kind:note,error,rejected', { kinds: ['note', 'error', 'rejected'] }],
  ['chart:ao1 kind:trace signal:to_inner state:outer "free text" /re.gex/i', {
    charts: ['ao1'], kinds: ['trace'], signals: ['to_inner'], states: ['outer'], text: ['free text'], regex: [/re.gex/i],
  }],
  ['-chart:x -kind:spy,meta', { not: { charts: ['x'], kinds: ['spy', 'meta'] } }],
  ['hello -"good bye" -/x\\d+/ -word', { text: ['hello'], not: { text: ['good bye', 'word'], regex: [/x\d+/] } }],
  ['signal:/^to_/ state:"with space"', { signals: [/^to_/], states: ['with space'] }],
  ['ENTRY_SIGNAL:outer', { text: ['ENTRY_SIGNAL:outer'] }],
  ['text:chart:x text:/a b/', { text: ['chart:x'], regex: [/a b/] }],
  ['"say \\"hi\\" \\\\ bye"', { text: ['say "hi" \\ bye'] }],
  ['- alone', { text: ['-', 'alone'] }],
  ['/a\\/b[/]c/gims', { regex: [/a\/b[/]c/ims] }],
];

describe('parseFilterQuery', () => {
  it.each(queries)('reads %j', (query, filter) => {
    expect(parseFilterQuery(query)).toEqual(filter);
  });

  const errors: [string, string, number, number][] = [
    ['/a(b/', 'invalid regular expression /a(b/: Invalid regular expression: /a(b/: Unterminated group', 0, 5],
    ['chart:ao1 /[a-/', 'unterminated regular expression: add a closing /', 10, 15],
    ['//', 'empty regular expression //', 0, 2],
    ['/x/q', "unknown regular expression flag 'q' (use d, i, m, s, u or v)", 3, 4],
    ['kind:traces', `unknown kind 'traces' (kinds: trace, spy, mesh, meta, note, error, rejected, connected, disconnected, reconnected, dropped, missed, topology, status)`, 5, 11],
    ['chart: x', "'chart:' needs a value", 0, 6],
    ['-state:', "'state:' needs a value", 0, 7],
    ['chart:a,,b', "empty value in 'chart:'", 8, 9],
    ['ok "unclosed', 'unterminated quote: add a closing "', 3, 12],
    ['kind:/trace/', "unknown kind '/trace/' (kinds: trace, spy, mesh, meta, note, error, rejected, connected, disconnected, reconnected, dropped, missed, topology, status)", 5, 12],
  ];
  it.each(errors)('rejects %j with a located FilterSyntaxError', (query, message, start, end) => {
    let caught: unknown;
    try {
      parseFilterQuery(query);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FilterSyntaxError);
    const e = caught as FilterSyntaxError;
    expect([e.name, e.message, e.start, e.end]).toEqual(['FilterSyntaxError', message, start, end]);
  });
});

describe('formatFilterQuery', () => {
  it.each(queries)('writes the filter of %j so that it reads back the same', (query) => {
    const filter = parseFilterQuery(query);
    expect(parseFilterQuery(formatFilterQuery(filter))).toEqual(filter);
  });

  it('writes filters built in code, quoting what needs it', () => {
    const filter: LogFilter = {
      charts: ['a b', 'c'], kinds: ['trace'], signals: [/x/g], text: ['-dash', 'chart:literal', 'plain', '/slash'],
      not: { states: ['s1', 's2'], text: ['q"uote'] },
    };
    const query = formatFilterQuery(filter);
    expect(query).toBe('chart:"a b" chart:c kind:trace signal:/x/ "-dash" "chart:literal" plain "/slash" -state:s1,s2 -"q\\"uote"');
    expect(parseFilterQuery(query)).toEqual({ ...filter, signals: [/x/], text: ['-dash', 'chart:literal', 'plain', '/slash'] });
  });
});
