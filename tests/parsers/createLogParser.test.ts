import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLogParser } from '../../shared/parsers/createLogParser.ts';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { fixtureLog } from '../support/fixturePath.ts';

const fixture = (name: string) => readFileSync(fixtureLog(name), 'utf8');

function feed(text: string, chunkSize: number) {
  const parser = createLogParser({ received: 0 });
  const records: MirosRecord[] = [];
  const formats: (string | null)[] = [];
  for (let i = 0; i < text.length; i += chunkSize) {
    records.push(...parser.push(text.slice(i, i + chunkSize)));
    formats.push(parser.format);
  }
  records.push(...parser.end());
  return { parser, records, formats };
}

describe('createLogParser', () => {
  const text = fixture('miros-logging-simple_state_11.log') + fixture('seed-single-chart.log');

  it.each([1, 2, 3, 7, 64, 4096])('gives the same records as parseLog when fed %i characters at a time', (size) => {
    const whole = parseLog(text, { received: 0 });
    const { parser, records } = feed(text, size);
    expect(records).toEqual(whole.records);
    expect([parser.lines, parser.blank, parser.notes, parser.errors]).toEqual([whole.lines, whole.blank, whole.notes, whole.errors]);
  });

  it('joins a CRLF line end split across two chunks', () => {
    const parser = createLogParser({ received: 0 });
    const first = parser.push('[2020-01-01 00:00:01] [c] e->go() A->B\r');
    const second = parser.push('\n[2020-01-01 00:00:02] [c] e->back() B->A\r\n');
    expect([first.length, second.map((r) => r.raw), parser.end()]).toEqual([
      0,
      ['[2020-01-01 00:00:01] [c] e->go() A->B', '[2020-01-01 00:00:02] [c] e->back() B->A'],
      [],
    ]);
  });

  it('reads a last line without a line end at end()', () => {
    const parser = createLogParser({ received: 0 });
    const pushed = parser.push(' [+s] ao START\n [+s] ao INIT_SIGNAL:outer');
    const ended = parser.end();
    expect([pushed.map((r) => r.raw), ended.map((r) => r.raw), parser.lines]).toEqual([
      [' [+s] ao START'],
      [' [+s] ao INIT_SIGNAL:outer'],
      2,
    ]);
  });

  it('ignores a byte-order mark at the start of the file only', () => {
    const { records } = feed('\uFEFF [+s] ao START\n\uFEFF [+s] ao START\n', 3);
    expect(records.map((r) => [r.kind, r.chart])).toEqual([['spy', 'ao'], ['meta', null]]);
  });

  it('knows the format once a line is recognised, and says so after end() even for notes only', () => {
    const { formats } = feed('just a note\n [+t] [2018-05-04 08:02:36.593144] [ao] e->go() a->b\n', 12);
    const notesOnly = createLogParser({ received: 0 });
    notesOnly.push('hello\n');
    const before = notesOnly.format;
    notesOnly.end();
    expect([formats[0], formats.at(-1), before, notesOnly.format]).toEqual([null, 'rabbitmq-terminal', null, 'miros-trace']);
  });

  it('counts an empty input as no lines', () => {
    expect(parseLog('', { received: 0 })).toEqual({
      format: 'miros-trace', records: [], lines: 0, blank: 0, notes: 0, errors: [],
    });
  });

  it('refuses a push after end', () => {
    const parser = createLogParser();
    parser.end();
    expect(() => parser.push('x')).toThrow('push() after end()');
  });
});

describe('mixed files', () => {
  it('reads every line with the format that knows it', () => {
    const mixed = [
      '2019-07-26 11:37:22,674 DEBUG:T: [ao1] e->start_at() top->inner_state',
      ' [+s] ao2 START',
      '[2019-02-23 08:08:34.878743] [ao3] e->go() a->b',
      '[08:08:35] [ao4] Trig->tick(1) b->c',
      JSON.stringify({ v: 1, seq: 9, kind: 'spy', chart: 'ao5', node: null, time: null, received: 1, raw: 'x', line: 'x' }),
      'Traceback (most recent call last):',
      '',
    ].join('\n');
    const parsed = parseLog(mixed, { received: 0 });
    expect(parsed.records.map((r) => [r.kind, r.chart])).toEqual([
      ['trace', 'ao1'], ['spy', 'ao2'], ['trace', 'ao3'], ['trace', 'ao4'], ['spy', 'ao5'], ['meta', null],
    ]);
    expect([parsed.lines, parsed.blank, parsed.notes, parsed.errors]).toEqual([6, 0, 1, []]);
  });

  it('is strict about JSON only when told the file is a recording', () => {
    const line = "{'not': 'json'}";
    const loose = parseLog(line, { received: 0 });
    const strict = parseLog(line, { received: 0, format: 'miroscope-jsonl' });
    expect([loose.errors.length, strict.errors.length, strict.format]).toEqual([0, 1, 'miroscope-jsonl']);
  });
});
