/**
 * Table-driven: one line of each format (and each variant) in, the whole
 * record out. `record(line, fields)` fills the fields every record of a
 * one-line parse shares (seq 1, line 1, received 0, node null, raw = line).
 */
import { describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { parseStamp } from '../../shared/records/timestamp.ts';

function record(raw: string, fields: Record<string, unknown>): MirosRecord {
  return { v: 1, seq: 1, node: null, received: 0, raw, origin: { line: 1 }, ...fields } as MirosRecord;
}

function only(line: string) {
  const parsed = parseLog(line, { received: 0 });
  expect(parsed.records).toHaveLength(1);
  return parsed;
}

const ESC = '\x1b';

const traceCases: [string, string, Record<string, unknown>][] = [
  ['a miros trace line', '[2019-02-23 08:08:34.878743] [ao1] e->start_at() top->outer',
    { kind: 'trace', chart: 'ao1', time: parseStamp('2019-02-23 08:08:34.878743'), signal: 'start_at', from: 'top', to: 'outer', stamp: '2019-02-23 08:08:34.878743' }],
  ['a payload', '[2018-05-04 09:23:34.178157] [04ccc_ao] e->tick(1) outer->outer',
    { kind: 'trace', chart: '04ccc_ao', time: parseStamp('2018-05-04 09:23:34.178157'), signal: 'tick', payload: '1', from: 'outer', to: 'outer', stamp: '2018-05-04 09:23:34.178157' }],
  ['a payload with spaces, quotes and braces', "[2020-04-01 00:00:02] [pl] e->set({'y': 0, 'x': 1}) armed->idle",
    { kind: 'trace', chart: 'pl', time: parseStamp('2020-04-01 00:00:02'), signal: 'set', payload: "{'y': 0, 'x': 1}", from: 'armed', to: 'idle', stamp: '2020-04-01 00:00:02' }],
  ['nested parentheses in the payload', '[2020-01-01 00:00:01] [c] e->go(f(x)) A->B',
    { kind: 'trace', chart: 'c', time: parseStamp('2020-01-01 00:00:01'), signal: 'go', payload: 'f(x)', from: 'A', to: 'B', stamp: '2020-01-01 00:00:01' }],
  ['an older cTrig-> keyword', '[2020-03-01 08:00:00] [kw] cTrig->begin() idle->busy',
    { kind: 'trace', chart: 'kw', time: parseStamp('2020-03-01 08:00:00'), signal: 'begin', from: 'idle', to: 'busy', stamp: '2020-03-01 08:00:00' }],
  ['an older Trig-> keyword with a payload', '[2012-10-18 08:21:25] [00] Trig->BB(514) InvertSupport->QualifyingAC',
    { kind: 'trace', chart: '00', time: parseStamp('2012-10-18 08:21:25'), signal: 'BB', payload: '514', from: 'InvertSupport', to: 'QualifyingAC', stamp: '2012-10-18 08:21:25' }],
  ['an event-> keyword and trailing spaces', '[2016-05-25 11:36:48] [under_test] event->entry() top->d211     ',
    { kind: 'trace', chart: 'under_test', time: parseStamp('2016-05-25 11:36:48'), signal: 'entry', from: 'top', to: 'd211', stamp: '2016-05-25 11:36:48' }],
  ['a time-only stamp', '[10:59:17.592835] [other] e->start_at() top->not_waiting',
    { kind: 'trace', chart: 'other', time: parseStamp('10:59:17.592835'), signal: 'start_at', from: 'top', to: 'not_waiting', stamp: '10:59:17.592835' }],
  ['the oldest SIG: A->B shape', '[05:23:25.314420] [c] D: a->b',
    { kind: 'trace', chart: 'c', time: parseStamp('05:23:25.314420'), signal: 'D', from: 'a', to: 'b', stamp: '05:23:25.314420' }],
  ['indentation, a chart name with dots and non-ASCII states', '    [2020-01-01 00:00:01] [Altan_192.168.0.10] e->go() État->Über',
    { kind: 'trace', chart: 'Altan_192.168.0.10', time: parseStamp('2020-01-01 00:00:01'), signal: 'go', from: 'État', to: 'Über', stamp: '2020-01-01 00:00:01' }],
  ['a [+t] terminal line', ' [+t] [2018-05-04 08:02:36.593144] [0ca32_ao] e->start_at() top->outer',
    { kind: 'trace', chart: '0ca32_ao', time: parseStamp('2018-05-04 08:02:36.593144'), signal: 'start_at', from: 'top', to: 'outer', stamp: '2018-05-04 08:02:36.593144' }],
  ['a [+t] line with colour codes around the chart', ` [+t] [2018-05-04 09:23:29.177773] [${ESC}[34m04ccc_ao${ESC}[0m] e->start_at() top->outer`,
    { kind: 'trace', chart: '04ccc_ao', time: parseStamp('2018-05-04 09:23:29.177773'), signal: 'start_at', from: 'top', to: 'outer', stamp: '2018-05-04 09:23:29.177773' }],
  ['a Python logging trace line', '2019-07-26 11:37:22,674 DEBUG:T: [ao1] e->start_at() top->inner_state',
    { kind: 'trace', chart: 'ao1', time: parseStamp('2019-07-26 11:37:22,674'), signal: 'start_at', from: 'top', to: 'inner_state', stamp: '2019-07-26 11:37:22,674' }],
  ['a logging trace line that kept its own stamp', '2019-07-26 11:37:22,674 DEBUG:T: [2019-07-26 11:37:22.673001] [ao1] e->Reset() a->a',
    { kind: 'trace', chart: 'ao1', time: parseStamp('2019-07-26 11:37:22.673001'), signal: 'Reset', from: 'a', to: 'a', stamp: '2019-07-26 11:37:22.673001' }],
  ['a logging trace line without the time prefix', 'INFO:T: [ao1] e->Reset() a->a',
    { kind: 'trace', chart: 'ao1', time: null, signal: 'Reset', from: 'a', to: 'a' }],
];

const spyCases: [string, string, Record<string, unknown>][] = [
  ['a [+s] spy line', ' [+s] 0ca32_ao ENTRY_SIGNAL:outer',
    { kind: 'spy', chart: '0ca32_ao', time: null, line: 'ENTRY_SIGNAL:outer', signal: 'ENTRY_SIGNAL', state: 'outer' }],
  ['a [+s] reflection line', ' [+s] 0ca32_ao <- Queued:(0) Deferred:(0)',
    { kind: 'spy', chart: '0ca32_ao', time: null, line: '<- Queued:(0) Deferred:(0)' }],
  ['a coloured [+s] chart name', ` [+s] ${ESC}[35m2771f_ao${ESC}[0m START`,
    { kind: 'spy', chart: '2771f_ao', time: null, line: 'START' }],
  ['a logging spy line', '2019-07-26 11:37:22,675 DEBUG:S: [ao1] SEARCH_FOR_SUPER_SIGNAL:outer_state',
    { kind: 'spy', chart: 'ao1', time: parseStamp('2019-07-26 11:37:22,675'), line: 'SEARCH_FOR_SUPER_SIGNAL:outer_state', signal: 'SEARCH_FOR_SUPER_SIGNAL', state: 'outer_state' }],
  ['a hook', '2019-09-30 06:11:48,127 DEBUG:S: [charger] Pulse:charging:HOOK',
    { kind: 'spy', chart: 'charger', time: parseStamp('2019-09-30 06:11:48,127'), line: 'Pulse:charging:HOOK', signal: 'Pulse', state: 'charging', hook: true }],
  ['a post, whose word after the colon is a signal, not a state', '2019-09-30 06:11:48,125 DEBUG:S: [charger] POST_FIFO:To_Bulk',
    { kind: 'spy', chart: 'charger', time: parseStamp('2019-09-30 06:11:48,125'), line: 'POST_FIFO:To_Bulk' }],
  ['a line with a space in the state part', ' [+s] ao note: x',
    { kind: 'spy', chart: 'ao', time: null, line: 'note: x' }],
  ['a publish line', '2019-08-03 10:51:26,429 DEBUG:S: [f1] PUBLISH:(BROADCAST, PRIORITY:1000)',
    { kind: 'spy', chart: 'f1', time: parseStamp('2019-08-03 10:51:26,429'), line: 'PUBLISH:(BROADCAST, PRIORITY:1000)' }],
  ['a scribble', "2019-07-30 06:25:43,731 DEBUG:S: [f2] run some code, but don't transition",
    { kind: 'spy', chart: 'f2', time: parseStamp('2019-07-30 06:25:43,731'), line: "run some code, but don't transition" }],
  ['a snoop scribble on the trace network', ' [+t] [2018-05-04 09:23:34.256485] [2771f_ao] # other chart said hello',
    { kind: 'spy', chart: '2771f_ao', time: parseStamp('2018-05-04 09:23:34.256485'), line: '# other chart said hello', network: 'trace' }],
  ['a coloured snoop scribble', `[2018-05-04 09:23:34.256485] [2771f_ao] # ${ESC}[37;1mhi${ESC}[0m`,
    { kind: 'spy', chart: '2771f_ao', time: parseStamp('2018-05-04 09:23:34.256485'), line: '# hi', network: 'trace' }],
];

describe('reading one line of each format', () => {
  it.each(traceCases)('reads %s', (_name, line, fields) => {
    expect(only(line).records).toEqual([record(line, fields)]);
  });
  it.each(spyCases)('reads %s', (_name, line, fields) => {
    expect(only(line).records).toEqual([record(line, fields)]);
  });

  it('reads a JSON-lines record and renumbers it in file order', () => {
    const line = JSON.stringify({ v: 1, seq: 77, kind: 'mesh', chart: null, node: 'n1', time: null, received: 5, raw: 'x', signal: 'go', payload: { a: [1] }, sender: '10.0.0.1' });
    expect(only(line).records).toEqual([
      { v: 1, seq: 1, kind: 'mesh', chart: null, node: 'n1', time: null, received: 5, raw: 'x', signal: 'go', payload: { a: [1] }, sender: '10.0.0.1', origin: { line: 1 } },
    ]);
  });
});

const notes: [string, string][] = [
  ['prose', 'random text -> with an arrow (and parens)'],
  ['a FAULT line in a trace frame', '[2012-10-18 08:21:25] [31] uiErrNum->2 siErrVal->555 FAULT: AC Output Over Voltage'],
  ['a frame without a chart', '[2020-01-01 00:00:01] something happened'],
  ['a word->word that is not an event', '[2020-01-01 00:00:02] [c] note->see (manual) page->7'],
  ['an old spy(...) line', 'spy(d21-a-{\'y\': 0, \'x\': 0});'],
  ['an unrelated logging line', '2019-07-26 11:37:22,674 INFO:root:starting'],
  ['a Python dict, which is not JSON', "{'a': 1}"],
  ['an empty [+t] item', ' [+t]'],
  ['a colour code alone', `${ESC}[0m`],
];

describe('lines that are not records', () => {
  it.each(notes)('keeps %s as a note with its raw text and line number', (_name, line) => {
    const parsed = only(line);
    expect(parsed.records).toEqual([record(line, { kind: 'meta', chart: null, time: null, event: 'note' })]);
    expect([parsed.notes, parsed.errors]).toEqual([1, []]);
  });
});

const malformed: [string, string, string][] = [
  ['a signal without a name', '[2020-01-01 00:00:01] [c] e->() A->B', 'the event has no signal name'],
  ['no space before the states', '[2020-01-01 00:00:01] [c] e->go()A->B', "expected ' FROM->TO' after the event"],
  ['a chain of arrows', '[2020-01-01 00:00:01] [c] e->go() A->B->C', "'A->B->C' has more than one '->'"],
  ['a state with a space', '[2020-01-01 00:00:03] [c] e->a() X Y->Z', "unexpected 'X' between the event and 'Y->Z'"],
  ['an unclosed event', '[2020-01-01 00:00:03] [c] e->a(oops A->Z', "the event's '(' is never closed"],
  ['no transition', '[2020-01-01 00:00:03] [c] e->a() done', "expected ' FROM->TO' at the end of the line"],
  ['an unreadable stamp', '[not a time] [c] e->go() A->B', "unreadable timestamp 'not a time'"],
  ['an impossible date', '[2019-02-30 10:00:00.000000] [c] e->go() A->B', "unreadable timestamp '2019-02-30 10:00:00.000000'"],
  ['a [+t] item that is not a trace', ' [+t] hello there', 'a [+t] item that is not a trace line'],
  ['a logging trace line without a chart', '2019-07-26 11:37:22,674 DEBUG:T: e->go() a->b', 'a trace line without a [chart] name'],
  ['a logging trace line that is not a trace', '2019-07-26 11:37:22,674 DEBUG:T: [ao1] hello', 'a trace line whose event is not KEYWORD->SIGNAL(payload)'],
  ['a bad logging time', '2019-07-26 25:37:22,674 DEBUG:S: [ao1] START', "unreadable logging timestamp '2019-07-26 25:37:22,674'"],
  ['broken JSON', '{"v": 1, "kind": ', 'not valid JSON: '],
  ['a record of another version', '{"v": 2, "kind": "trace"}', 'unsupported record version 2 (this reader knows 1)'],
  ['an unknown kind', '{"v": 1, "kind": "blob"}', 'unknown record kind "blob"'],
  ['a trace record without a signal', '{"v": 1, "kind": "trace", "from": "a", "to": "b"}', "a trace record needs a string 'signal'"],
  ['a wrongly typed time', '{"v": 1, "kind": "spy", "line": "x", "time": "noon"}', "'time' must be a number or null"],
  ['an unknown meta event', '{"v": 1, "kind": "meta", "event": "party"}', 'unknown meta event "party"'],
  ['bad topology states', '{"v": 1, "kind": "meta", "event": "topology", "states": [{"name": 1}]}', "'states' must be a list of {name, parent}"],
];

describe('malformed record lines', () => {
  it.each(malformed)('turns %s into a note and an error', (_name, line, message) => {
    const parsed = only(line);
    const error = parsed.errors[0]!;
    const shown = message.startsWith('not valid JSON') ? error.message.slice(0, message.length) : error.message;
    expect([parsed.notes, parsed.errors.length, error.line, error.text, shown]).toEqual([1, 1, 1, line, message]);
    expect(parsed.records).toEqual([
      record(line, { kind: 'meta', chart: null, time: null, event: 'note', reason: 'malformed', detail: error.message }),
    ]);
  });
});
