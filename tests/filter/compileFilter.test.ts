/**
 * Table-driven: each query, compiled, keeps exactly the listed records of a
 * small log that has every kind of record in it.
 */
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../shared/filter/compileFilter.ts';
import type { LogFilter } from '../../shared/filter/LogFilter.ts';
import { parseFilterQuery } from '../../shared/filter/parseFilterQuery.ts';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';

const log = [
  /* 1 */ '[2018-05-04 08:02:36.593144] [ao1] e->start_at() top->outer',
  /* 2 */ ' [+s] ao1 ENTRY_SIGNAL:outer',
  /* 3 */ '[2018-05-04 08:02:40.594301] [ao1] e->to_inner(Door Open) outer->inner',
  /* 4 */ ' [+s] ao1 to_inner:outer',
  /* 5 */ '[2018-05-04 08:02:41.000000] [ao2] e->to_inner() outer->inner',
  /* 6 */ ' [+s] ao2 Tick:inner:HOOK',
  /* 7 */ ' [+s] f1 POST_FIFO:To_Bulk',
  /* 8 */ 'some noise',
  /* 9 */ '[2018-05-04 08:02:42] [ao2] e->() a->b',
  /* 10 */ JSON.stringify({ v: 1, seq: 1, kind: 'mesh', chart: 'ao2', node: null, time: null, received: 0, raw: 'mesh to_inner', signal: 'to_inner', payload: null, sender: '10.0.0.2' }),
  /* 11 */ JSON.stringify({ v: 1, seq: 1, kind: 'meta', chart: null, node: null, time: null, received: 0, raw: '', event: 'rejected', reason: 'bad-token', detail: 'Fernet signature did not verify' }),
].join('\n');

const records: MirosRecord[] = parseLog(log, { received: 0 }).records;

const cases: [string, number[]][] = [
  ['', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
  ['chart:ao1', [1, 2, 3, 4]],
  ['chart:ao1,f1', [1, 2, 3, 4, 7]],
  ['chart:ao*', [1, 2, 3, 4, 5, 6, 10]],
  ['chart:ao?', [1, 2, 3, 4, 5, 6, 10]],
  ['chart:/^f\\d$/', [7]],
  ['chart:AO1', []],
  ['kind:trace', [1, 3, 5]],
  ['kind:spy', [2, 4, 6, 7]],
  ['kind:mesh', [10]],
  ['kind:meta', [8, 9, 11]],
  ['kind:note', [8, 9]],
  ['kind:error', [9]],
  ['kind:rejected', [11]],
  ['kind:trace,mesh', [1, 3, 5, 10]],
  ['signal:to_inner', [3, 4, 5, 10]],
  ['signal:to_*', [3, 4, 5, 10]],
  ['signal:To_Bulk', []],
  ['state:outer', [1, 2, 3, 4, 5]],
  ['state:inner', [3, 5, 6]],
  ['state:top', [1]],
  ['"door open"', [3]],
  ['DOOR', [3]],
  ['to_bulk', [7]],
  ['/Door \\w+/', [3]],
  ['/door/', []],
  ['/door/i', [3]],
  ['signature', [11]],
  ['chart:ao1 kind:trace', [1, 3]],
  ['chart:ao1 kind:trace signal:to_inner state:outer', [3]],
  ['to_inner outer', [3, 4, 5]],
  ['-kind:spy', [1, 3, 5, 8, 9, 10, 11]],
  ['-chart:ao1 -kind:meta', [5, 6, 7, 10]],
  ['kind:trace -state:top', [3, 5]],
  ['-to_inner -noise', [1, 2, 6, 7, 9, 11]],
  ['-/^ \\[\\+s\\]/', [1, 3, 5, 8, 9, 10, 11]],
  ['-signal:to_*', [1, 2, 6, 7, 8, 9, 11]],
];

describe('compileFilter', () => {
  it.each(cases)('keeps for %j exactly the records %j', (query, seqs) => {
    const keep = compileFilter(parseFilterQuery(query));
    expect(records.filter(keep).map((r) => r.seq)).toEqual(seqs);
  });

  it('gives the same answer every time for a regex written with the g flag', () => {
    const keep = compileFilter({ regex: [/to_inner/g] });
    expect([keep(records[2]!), keep(records[2]!), keep(records[2]!)]).toEqual([true, true, true]);
  });

  it('ignores empty fields and empty text terms', () => {
    const filter: LogFilter = { charts: [], text: [''], not: {} };
    expect(records.filter(compileFilter(filter)).length).toBe(records.length);
  });
});
