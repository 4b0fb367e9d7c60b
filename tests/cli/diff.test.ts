/**
 * `miroscope diff` on two recordings of the seed pair (issue 12): the same
 * charts run twice on a virtual clock, the second time with the `_fo`
 * chart's timers at 5 s instead of 3 s, so where the runs part is known
 * from the chart's design (examples/seedChartStates.ts, echo off):
 *
 *   t(s)  run A (ao 2 s, fo 3 s)                 run B (ao 2 s, fo 5 s)
 *    0    both start in outer; ao arms to_inner @2, fo @3 (A) / @5 (B)
 *    2    ao to_inner, fo follows (other_to_inner); fo's timer lands in inner
 *    4    ao to_outer, fo follows (other_to_outer) and re-arms @7 (A) / @9 (B)
 *    5    —                                        fo's first to_inner fires in outer:
 *                                                  fo to_inner, ao follows (other_to_inner)
 *    6    ao to_inner, fo follows                  —
 *
 * so in both charts the 4th transition is the first that differs: ao's own
 * to_inner at :11 (A) against other_to_inner at :10 (B), and the mirror
 * image for fo. From then on A repeats the 2 s pattern; B gives fo the lead
 * twice more (to_inner at 9 and 12 s).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { storedRecordLine } from '../../server/recorder/storedRecordLine.ts';
import { recordSeedRun } from '../diff/support/seedRuns.ts';
import { runCli } from './support/runCli.ts';

const SECONDS = 12;
let dir: string;
const file = (name: string) => path.join(dir, name);
/** Each run's chart names (random prefixes), by kind. */
const charts = { a: { ao: '', fo: '' }, b: { ao: '', fo: '' } };

function names(text: string): { ao: string; fo: string } {
  const found = [...new Set(parseLog(text).records.map((r) => r.chart))];
  return { ao: found.find((n) => n?.endsWith('_ao'))!, fo: found.find((n) => n?.endsWith('_fo'))! };
}

/** The trace text as a recording: one JSON record a line, as the recorder stores it. */
function asRecording(text: string): string {
  return parseLog(text).records.map((r) => storedRecordLine(r) + '\n').join('');
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'miroscope-diff-'));
  const a = await recordSeedRun({ ao: 2, fo: 3 }, SECONDS);
  const again = await recordSeedRun({ ao: 2, fo: 3 }, SECONDS);
  const b = await recordSeedRun({ ao: 2, fo: 5 }, SECONDS);
  charts.a = names(a);
  charts.b = names(b);
  writeFileSync(file('a.log'), a);
  writeFileSync(file('a.jsonl'), asRecording(a));
  writeFileSync(file('again.jsonl'), asRecording(again));
  writeFileSync(file('b.jsonl'), asRecording(b));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Summary {
  a: string;
  b: string;
  identical: boolean;
  charts: {
    key: string;
    a: string;
    b: string;
    transitionsA: number;
    transitionsB: number;
    divergence: { index: number; a: { signal: string; from: string; to: string; stamp: string }; b: { signal: string; from: string; to: string; stamp: string } } | null;
    onlyA: number;
    onlyB: number;
    differing: { signal: string; a: number; b: number }[];
  }[];
  onlyA: unknown[];
  onlyB: unknown[];
}

const move = (t: { signal: string; from: string; to: string; stamp: string }) => `${t.signal}() ${t.from}->${t.to} @ ${t.stamp}`;

describe('miroscope diff on two runs of the seed pair, one with a changed timer', () => {
  it('finds the first transition that differs in each chart, with the counts, and exits 1', async () => {
    const result = await runCli(['diff', file('a.jsonl'), file('b.jsonl'), '--json']);
    expect([result.code, result.stderr]).toEqual([1, '']);
    const summary = JSON.parse(result.stdout) as Summary;
    // Paired across the random prefixes.
    expect(summary.charts.map((c) => [c.key, c.a, c.b])).toEqual([
      ['ao', charts.a.ao, charts.b.ao],
      ['fo', charts.a.fo, charts.b.fo],
    ]);
    expect(charts.a.ao).not.toBe(charts.b.ao);
    expect(
      summary.charts.map((c) => ({
        key: c.key,
        lengths: [c.transitionsA, c.transitionsB],
        index: c.divergence?.index,
        a: c.divergence && move(c.divergence.a),
        b: c.divergence && move(c.divergence.b),
        only: [c.onlyA, c.onlyB],
        differing: c.differing.map((d) => [d.signal, d.a, d.b]),
      })),
    ).toEqual([
      {
        key: 'ao',
        lengths: [7, 8],
        index: 3,
        a: 'to_inner() outer->inner @ 2026-01-02 03:04:11.000000',
        b: 'other_to_inner() outer->inner @ 2026-01-02 03:04:10.000000',
        only: [1, 2],
        differing: [['other_to_inner', 0, 2], ['to_inner', 3, 2]],
      },
      {
        key: 'fo',
        lengths: [7, 8],
        index: 3,
        a: 'other_to_inner() outer->inner @ 2026-01-02 03:04:11.000000',
        b: 'to_inner() outer->inner @ 2026-01-02 03:04:10.000000',
        only: [2, 3],
        differing: [['to_inner', 0, 3], ['other_to_inner', 3, 1]],
      },
    ]);
    expect([summary.identical, summary.onlyA, summary.onlyB]).toEqual([false, [], []]);
  });

  it('prints the same in the terminal: names, the divergence with timestamps, counts and both sequences side by side', async () => {
    const result = await runCli(['diff', file('a.jsonl'), file('b.jsonl'), '--context', '1']);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    const ao = lines.findIndex((l) => l.startsWith('== ao: '));
    expect(lines[ao]).toMatch(/^== ao: [0-9a-f]{5}_ao \(A\) ~ [0-9a-f]{5}_ao \(B\), paired by name$/);
    expect(lines.slice(ao + 1, ao + 7)).toEqual([
      '   first divergence at transition 4 (A made 7, B made 8)',
      '     A  to_inner() outer->inner           2026-01-02 03:04:11.000000',
      '     B  other_to_inner() outer->inner     2026-01-02 03:04:10.000000',
      '   only in A: 1   1x to_inner() outer->inner',
      '   only in B: 2   2x other_to_inner() outer->inner',
      '',
    ]);
    expect(lines.slice(ao + 8, ao + 11).map((l) => l.replace(/ +/g, ' '))).toEqual([
      ' 3 to_outer() inner->outer | to_outer() inner->outer',
      ' > 4 to_inner() outer->inner ! other_to_inner() outer->inner',
      ' 5 to_outer() inner->outer | to_outer() inner->outer',
    ]);
    expect(lines.at(-2)).toBe('2 chart pairs compared: 2 differ, 0 identical; 0 only in A, 0 only in B');
  });

  it('exits 0 for two runs with the same timers, though every chart name differs', async () => {
    const result = await runCli(['diff', file('a.jsonl'), file('again.jsonl')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/== ao: \w+ \(A\) ~ \w+ \(B\), paired by name\n {3}identical: 7 transitions\n/);
    expect(result.stdout).toContain('2 chart pairs compared: 0 differ, 2 identical; 0 only in A, 0 only in B');
  });

  it('reads any saved-log format: the trace text and its recording make the same transitions', async () => {
    const result = await runCli(['diff', file('a.log'), file('a.jsonl')]);
    expect([result.code, result.stderr]).toEqual([0, '']);
  });

  it('reads one run from standard input', async () => {
    const result = await runCli(['diff', file('a.jsonl'), '-', '--json'], { input: readFileSync(file('b.jsonl'), 'utf8') });
    expect([result.code, (JSON.parse(result.stdout) as Summary).b]).toEqual([1, 'stdin']);
  });

  it('pairs charts by a pattern, leaving the charts it does not match unpaired', async () => {
    const result = await runCli(['diff', file('a.jsonl'), file('b.jsonl'), '--json', '--match', '_(ao)$']);
    const summary = JSON.parse(result.stdout) as Summary;
    expect([summary.charts.map((c) => [c.key, c.a, c.b]), summary.onlyA, summary.onlyB]).toEqual([
      [['ao', charts.a.ao, charts.b.ao]],
      [{ name: charts.a.fo, transitions: 7 }],
      [{ name: charts.b.fo, transitions: 8 }],
    ]);
  });

  it('pairs charts by hand, and the rest by name', async () => {
    const result = await runCli(['diff', file('a.jsonl'), file('b.jsonl'), '--json', '--pair', `${charts.a.ao}=${charts.b.fo}`]);
    const summary = JSON.parse(result.stdout) as Summary;
    // A's ao against B's fo: ao's own to_inner against fo's other_to_inner; A's fo and B's ao have no partner left.
    expect([summary.charts.map((c) => [c.key, c.divergence?.index]), summary.onlyA.length, summary.onlyB.length]).toEqual([
      [[`${charts.a.ao}=${charts.b.fo}`, 1]],
      1,
      1,
    ]);
  });

  it.each([
    [['diff', 'missing.jsonl', 'b.jsonl'], /^miroscope diff: ENOENT/],
    [['diff', 'a', 'b', '--match', '('], /^miroscope diff: --match: Invalid regular expression/],
    [['diff', 'a', 'b', '--pair', 'nope'], /^miroscope diff: a chart pair is written A=B/],
    [['diff', '-', '-'], /^miroscope diff: only one of the two runs can be read from standard input/],
    [['diff', 'only-one.jsonl'], /missing required argument 'b'/],
  ])('exits 2 with a clear message on trouble: %j', async (args, message) => {
    const result = await runCli(args, { cwd: dir });
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toMatch(message);
  });
});
