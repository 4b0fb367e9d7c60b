import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { formatRecord } from '../../shared/records/formatRecord.ts';
import { fixtureLog } from '../support/fixturePath.ts';

const fixture = (name: string) => readFileSync(fixtureLog(name), 'utf8');

/** What a record says, without where it was read from. */
function content(r: MirosRecord) {
  const { raw: _raw, origin: _origin, seq: _seq, ...rest } = r;
  return rest;
}

describe('formatRecord', () => {
  it('writes a parsed miros trace back byte for byte', () => {
    const text = [
      '[2019-02-23 08:08:34.878743] [ao1] e->start_at() top->outer',
      "[2020-04-01 00:00:02] [pl] e->set({'y': 0, 'x': 1}) armed->idle",
      '[10:59:17.592835] [other] e->go() a->b',
      '',
    ].join('\n');
    const lines = parseLog(text, { received: 0 }).records.map((r) => formatRecord(r));
    expect(lines.join('\n') + '\n').toBe(text);
  });

  it.each([
    'seed-single-chart.log',
    'seed-two-charts-trace.log',
    'miros-logging-simple_state_11.log',
    'miros-logging-single_unit_three_stage_charger_2.log',
  ])('round-trips the records of %s through text lines', (file) => {
    const first = parseLog(fixture(file), { received: 0 }).records;
    const text = first.map((r) => formatRecord(r)).join('\n');
    const second = parseLog(text, { received: 0 }).records;
    // Spy lines written as text carry no time of their own (miros-rabbitmq's [+s] form has none).
    const expected = first.map((r) => (r.kind === 'spy' && !r.line.startsWith('#') ? { ...r, time: null } : r));
    expect(second.map(content)).toEqual(expected.map(content));
  });

  it('writes the terminal form miros-rabbitmq prints', () => {
    const parsed = parseLog(fixture('seed-single-chart.log'), { received: 0 });
    const lines = parsed.records.map((r) => formatRecord(r, { terminal: true }));
    expect(lines.join('\n') + '\n').toBe(fixture('seed-single-chart.log'));
  });

  it('writes bare spy lines, snoop scribbles, notes, mesh and meta records', () => {
    const base = { v: 1, seq: 1, node: null, received: 0, raw: '' } as const;
    const records: MirosRecord[] = [
      { ...base, kind: 'spy', chart: 'ao', time: null, line: 'ENTRY_SIGNAL:outer', signal: 'ENTRY_SIGNAL', state: 'outer' },
      { ...base, kind: 'spy', chart: 'ao', time: Date.UTC(2018, 4, 4, 9, 23, 34) + 256.485, line: '# hello' },
      { ...base, kind: 'meta', chart: null, time: null, raw: '  some noise  ', event: 'note' },
      { ...base, kind: 'mesh', chart: 'a1', time: Date.UTC(2018, 4, 4), signal: 'other_to_inner', payload: '04ccc_ao', sender: '192.168.0.10', routingKey: 'heya.man' },
      { ...base, kind: 'mesh', chart: null, time: null, signal: 'ping', payload: undefined, sender: null },
      { ...base, kind: 'meta', chart: null, time: null, event: 'rejected', reason: 'bad-token', network: 'mesh', detail: 'signature mismatch' },
      { ...base, kind: 'meta', chart: 'ao', time: null, event: 'topology', states: [{ name: 'outer', parent: null }, { name: 'inner', parent: 'outer' }] },
      { ...base, kind: 'trace', chart: null, time: null, signal: 'go', from: 'a', to: 'b' },
    ];
    expect(records.map((r) => formatRecord(r, { bareSpy: true, terminal: true }))).toEqual([
      'ENTRY_SIGNAL:outer',
      ' [+t] [2018-05-04 09:23:34.256485] [ao] # hello',
      '  some noise  ',
      'mesh: other_to_inner("04ccc_ao") from 192.168.0.10 via heya.man at 2018-05-04 00:00:00.000000',
      'mesh: ping() from unknown',
      'meta: rejected bad-token on mesh: signature mismatch',
      'meta: topology [ao] outer, inner in outer',
      ' [+t] [?] [None] e->go() a->b',
    ]);
  });
});
