import { describe, expect, it } from 'vitest';
import { readRun } from '../../shared/diff/readRun.ts';
import { TransitionBudgetExceeded } from '../../shared/diff/RunTransitions.ts';

const TRACE = [
  '[2026-01-02 03:04:05.000000] [04ccc_ao] e->start_at() top->outer',
  '[2026-01-02 03:04:07.000000] [04ccc_ao] e->to_inner() outer->inner',
  'a line that is no record',
  '[2026-01-02 03:04:07.000000] [04cd0_fo] e->other_to_inner() outer->inner',
].join('\n');

/** The same records as a JSON-lines recording (what the recorder writes, one record a line). */
const JSONL = [
  { v: 1, seq: 1, kind: 'trace', chart: '9f1e2_ao', node: null, time: 1767323045000, received: 0, raw: '…', signal: 'start_at', from: 'top', to: 'outer' },
  { v: 1, seq: 2, kind: 'spy', chart: '9f1e2_ao', node: null, time: null, received: 0, raw: 'x', line: 'ENTRY_SIGNAL:outer' },
  { v: 1, seq: 3, kind: 'trace', chart: '9f1e2_ao', node: null, time: 1767323047000, received: 0, raw: '…', signal: 'to_inner', from: 'outer', to: 'inner' },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

const moves = (charts: Map<string, { signal: string; from: string; to: string }[]>) =>
  Object.fromEntries([...charts].map(([chart, list]) => [chart, list.map((x) => `${x.signal}:${x.from}->${x.to}`)]));

describe('readRun', () => {
  it.each([
    { why: 'reads miros trace text, keeping only trace records, per chart', text: TRACE, want: { '04ccc_ao': ['start_at:top->outer', 'to_inner:outer->inner'], '04cd0_fo': ['other_to_inner:outer->inner'] } },
    { why: 'reads a JSON-lines recording, passing over spy records', text: JSONL, want: { '9f1e2_ao': ['start_at:top->outer', 'to_inner:outer->inner'] } },
  ])('$why', async ({ text, want }) => {
    const { run } = await readRun('run', [text]);
    expect(moves(run.charts)).toEqual(want);
  });

  it('gives the same transitions however the text is cut into chunks', async () => {
    const whole = await readRun('run', [TRACE]);
    const chunks = TRACE.match(/[\s\S]{1,7}/g)!;
    const cut = await readRun('run', chunks);
    expect(moves(cut.run.charts)).toEqual(moves(whole.run.charts));
    expect([cut.run.records, cut.run.transitions]).toEqual([4, 3]);
  });

  it('keeps each transition’s time and record seq (for showing where it happened)', async () => {
    const { run } = await readRun('run', [TRACE]);
    expect(run.charts.get('04cd0_fo')).toEqual([
      { signal: 'other_to_inner', from: 'outer', to: 'inner', time: Date.UTC(2026, 0, 2, 3, 4, 7), seq: 4 },
    ]);
  });

  it('stops with the budget named when a run holds more transitions than allowed', async () => {
    const read = readRun('big.log', [TRACE], { maxTransitions: 2 });
    await expect(read).rejects.toThrow(TransitionBudgetExceeded);
    await expect(read).rejects.toThrow('big.log: more than 2 transitions (the compare budget)');
  });

  it('reads from an async stream of chunks', async () => {
    async function* chunks() {
      yield TRACE.slice(0, 30);
      yield TRACE.slice(30);
    }
    const { run, lines } = await readRun('run', chunks());
    expect([run.transitions, lines]).toEqual([3, 4]);
  });
});
