import { describe, expect, it } from 'vitest';
import { createLogParser } from '../../shared/parsers/createLogParser.ts';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { escapeControl, showControl, unescapeControl } from '../../shared/records/escapeControl.ts';
import { formatRecord } from '../../shared/records/formatRecord.ts';
import { hostileRecordGenerator } from './hostileRecords.ts';

/** What a record says, without where it was read from. */
function content(r: MirosRecord) {
  const { raw: _raw, origin: _origin, seq: _seq, ...rest } = r;
  return r.kind === 'meta' && r.event === 'note' ? { ...rest, raw: r.raw } : rest;
}

/** What the miros text form keeps of a record (formatRecord's module comment). */
function expectedBack(r: MirosRecord): MirosRecord {
  return r.kind === 'spy' && !r.line.startsWith('#') ? { ...r, time: null } : r;
}

const NO_RAW_CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;

describe('miros text export of hostile names (issue 9)', () => {
  it('cannot forge a trace line with a newline in a signal name', () => {
    const forged = 'go() a->b\n[2018-05-04 08:02:40.594301] [bank] e->transfer_all() idle->paid\n[2018-05-04 08:02:40.594301] [x] e->x';
    const record: MirosRecord = {
      v: 1, seq: 1, kind: 'trace', chart: 'ao', node: null, time: 0, received: 0, raw: '',
      stamp: '1970-01-01 00:00:00.000000', signal: forged, from: 'outer', to: 'inner',
    };
    const line = formatRecord(record);
    expect(line.split(/\r\n|\n|\r|\u2028|\u2029/)).toHaveLength(1);
    const back = parseLog(line + '\n', { received: 0 });
    // One line, one record, and no chart or signal that the name only spelled out.
    expect(back.records).toHaveLength(1);
    expect(back.records.some((r) => r.chart === 'bank' || (r.kind === 'trace' && r.signal === 'transfer_all'))).toBe(false);
    // Names with only control characters in them (no spaces or brackets, the grammar) come back exactly.
    const plain = { ...record, signal: 'go\n\r\x1b[1A\u2028x' };
    expect(parseLog(formatRecord(plain) + '\n', { received: 0 }).records.map(content)).toEqual([content(plain)]);
  });

  it('writes no raw ESC, CSI or NUL for a terminal', () => {
    const record: MirosRecord = {
      v: 1, seq: 1, kind: 'spy', chart: 'a\x1b]0;owned\x07', node: null, time: null, received: 0, raw: '',
      line: 'ENTRY_SIGNAL:\x1b[2J\x9b31m\0x',
    };
    const line = formatRecord(record, { terminal: true });
    expect(line).toBe(' \\ [+s] a\\x1b]0;owned\\x07 ENTRY_SIGNAL:\\x1b[2J\\x9b31m\\x00x'.slice(1));
    expect(NO_RAW_CONTROL.test(line)).toBe(false);
  });

  it('keeps ordinary lines byte-identical, backslashes in payloads included', () => {
    const text = [
      "[2020-04-01 00:00:02.000000] [pl] e->set('a\\nb', 'C:\\\\tmp') armed->idle",
      ' [+s] pl ENTRY_SIGNAL:armed',
      '[2020-04-01 00:00:02.000000] [pl] # path C:\\x1b is text',
    ].join('\n');
    const records = parseLog(text, { received: 0 }).records;
    expect(records.map((r) => r.kind)).toEqual(['trace', 'spy', 'spy']);
    expect(records.map((r) => formatRecord(r)).join('\n')).toBe(text);
  });

  it('keeps a noise line that merely starts with a backslash as it was read', () => {
    const records = parseLog('\\\\server\\share\\x.log was opened\n', { received: 0 }).records;
    expect(records.map((r) => [r.kind, r.raw])).toEqual([['meta', '\\\\server\\share\\x.log was opened']]);
    // …and writes it back marked, so it reads back the same again.
    const again = parseLog(formatRecord(records[0]!) + '\n', { received: 0 }).records;
    expect(again.map(content)).toEqual(records.map(content));
  });

  it.each([1, 2, 3, 4, 5])('gives back every generated hostile record (seed %i)', (seed) => {
    const next = hostileRecordGenerator(seed);
    const records = Array.from({ length: 400 }, next);
    const text = records.map((r) => formatRecord(r)).join('\n') + '\n';
    expect(NO_RAW_CONTROL.test(text.replace(/\n/g, ''))).toBe(false);
    const back = parseLog(text, { received: 0 });
    expect(back.errors).toEqual([]);
    expect(back.records.map(content)).toEqual(records.map(expectedBack).map(content));
  });

  it('gives back the same records however the export is chunked', () => {
    const next = hostileRecordGenerator(9);
    const records = Array.from({ length: 200 }, next);
    const text = records.map((r) => formatRecord(r, { terminal: true })).join('\r\n');
    const parser = createLogParser({ received: 0 });
    const back: MirosRecord[] = [];
    for (let i = 0; i < text.length; i += 7) back.push(...parser.push(text.slice(i, i + 7)));
    back.push(...parser.end());
    expect(back.map(content)).toEqual(records.map(expectedBack).map(content));
  });
});

describe('escapeControl', () => {
  it.each([
    ['a\nb', 'a\\nb'],
    ['\r\t\\', '\\r\\t\\\\'],
    ['\x1b[0m\0\x7f\x85', '\\x1b[0m\\x00\\x7f\\x85'],
    ['\u2028\u2029\u202e', '\\u2028\\u2029\\u202e'],
    ['lone \ud800 pair 😀', 'lone \\ud800 pair 😀'],
    ['plain é', 'plain é'],
  ])('escapes %j as %j and reads it back', (input, escaped) => {
    expect(escapeControl(input)).toBe(escaped);
    expect(unescapeControl(escaped)).toBe(input);
  });

  it('refuses a backslash that starts no escape', () => {
    expect([unescapeControl('a\\qb'), unescapeControl('a\\x1'), unescapeControl('end\\')]).toEqual([null, null, null]);
  });

  it('shows labels without raw controls and leaves their backslashes alone', () => {
    expect([showControl("set('a\\nb')"), showControl('evil\x1b[2J\nname')]).toEqual(["set('a\\nb')", 'evil\\x1b[2J\\nname']);
  });
});
