import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { SpyTransitionReader } from '../../shared/topology/SpyTransitionReader.ts';
import { SpyTransitions } from '../../shared/topology/spyTransitions.ts';
import { parseSpyLine } from '../../shared/records/parseSpyLine.ts';
import { fixtureLog } from '../support/fixturePath.ts';

const records = (name: string): MirosRecord[] => parseLog(readFileSync(fixtureLog(name), 'utf8'), { file: name, received: 0 }).records;

const moves = (rs: readonly MirosRecord[]) =>
  rs.flatMap((r) => (r.kind === 'trace' ? [`${r.chart} ${r.signal} ${r.from}->${r.to}`] : []));

/** Every transition derived from a log's spy lines alone (its trace lines removed). */
function derivedFromSpy(rs: readonly MirosRecord[]): MirosRecord[] {
  const derive = new SpyTransitions();
  // In ticket order: a chart's first transition is released a step late, but keeps its place.
  const derived = rs.filter((r) => r.kind !== 'trace').flatMap((r) => derive.add(r, r.seq));
  return derived.sort((a, b) => a.ticket - b.ticket).map((d) => d.record);
}

/** Reads bare spy lines with one reader. */
function readLines(lines: string[]): string[] {
  const reader = new SpyTransitionReader();
  const out: string[] = [];
  for (const line of lines) {
    const f = parseSpyLine(line);
    const t = reader.read(line, f.signal, f.state, f.hook === true);
    if (t) out.push(`${t.signal} ${t.from}->${t.to}`);
  }
  const last = reader.pending();
  if (last) out.push(`(pending) ${last.signal} ${last.from}->${last.to}`);
  return out;
}

describe('transitions derived from spy lines', () => {
  // Logs that hold both networks: the trace lines are the truth the spy lines must reproduce.
  it.each([
    'seed-single-chart.log',
    'miros-logging-single_unit_three_stage_charger_2.log',
    'miros-logging-simple_state_9.log',
    'miros-logging-simple_state_11.log',
    'miros-logging-simple_state_12.log',
    'miros-logging-simple_state_14.log',
  ])('gives the same signal, source and target as the trace lines of %s', (name) => {
    const all = records(name);
    const truth = moves(all);
    expect(truth.length).toBeGreaterThan(1);
    expect(moves(derivedFromSpy(all))).toEqual(truth);
  });

  it('stamps a derived transition with the spy line that ended its step', () => {
    const all = records('seed-single-chart.log').filter((r) => r.kind !== 'trace');
    const [first] = derivedFromSpy(all);
    const ender = all.find((r) => r.seq === first!.seq)!;
    expect(ender).toMatchObject({ kind: 'spy', line: '<- Queued:(0) Deferred:(0)', chart: '0ca32_ao' });
    expect(first).toMatchObject({ kind: 'trace', signal: 'start_at', from: 'top', to: 'outer', raw: 'spy: e->start_at() top->outer' });
  });

  it('derives nothing for a chart once its trace lines are heard, even one that came after the spy lines of its step', () => {
    const derive = new SpyTransitions();
    const spy = (seq: number, line: string): MirosRecord => ({ v: 1, seq, kind: 'spy', chart: 'c', node: null, time: null, received: 0, raw: line, line, ...parseSpyLine(line) });
    const feed = (lines: [number, string][]) => lines.flatMap(([seq, line]) => derive.add(spy(seq, line), seq * 10));
    // The seed recording's order: the start step's spy lines, then its trace line.
    expect(feed([[1, 'START'], [2, 'ENTRY_SIGNAL:a'], [3, 'INIT_SIGNAL:a'], [4, '<- Queued:(0) Deferred:(0)']])).toEqual([]);
    derive.add({ v: 1, seq: 5, kind: 'trace', chart: 'c', node: null, time: 1, received: 0, raw: '', signal: 'start_at', from: 'top', to: 'a' }, 50);
    expect(feed([[6, 'go:a'], [7, 'EXIT_SIGNAL:a'], [8, 'ENTRY_SIGNAL:b'], [9, 'INIT_SIGNAL:b'], [10, '<- Queued:(0) Deferred:(0)']])).toEqual([]);
    expect(derive.hasTraces('c')).toBe(true);
  });

  it('holds a chart\'s first transition until its next step begins, then releases each as its step ends', () => {
    const derive = new SpyTransitions();
    const spy = (seq: number, line: string): MirosRecord => ({ v: 1, seq, kind: 'spy', chart: 'c', node: null, time: null, received: 0, raw: line, line, ...parseSpyLine(line) });
    const at = (seq: number, line: string) => derive.add(spy(seq, line), seq * 10).map((d) => `${d.ticket} ${d.record.seq} ${d.record.signal} ${d.record.from}->${d.record.to}`);
    expect([...at(1, 'START'), ...at(2, 'ENTRY_SIGNAL:a'), ...at(3, 'INIT_SIGNAL:a'), ...at(4, '<- Queued:(0) Deferred:(0)')]).toEqual([]);
    expect(at(5, 'go:a')).toEqual(['40 4 start_at top->a']);
    expect([...at(6, 'ENTRY_SIGNAL:b'), ...at(7, 'INIT_SIGNAL:b')]).toEqual([]);
    expect(at(8, '<- Queued:(0) Deferred:(0)')).toEqual(['80 8 go a->b']);
  });

  it('makes no transition for a hook or an event nobody took', () => {
    expect(readLines(['START', 'ENTRY_SIGNAL:a', 'INIT_SIGNAL:a', '<- Queued:(0) Deferred:(0)', 'Tick:a', 'Tick:a:HOOK', '<- Queued:(0) Deferred:(0)', 'Nope:a', '<- Queued:(0) Deferred:(0)'])).toEqual([
      'start_at top->a',
    ]);
  });

  it('reads a self-transition and a drill-down through initial transitions to the innermost leaf', () => {
    expect(
      readLines([
        'START', 'ENTRY_SIGNAL:a', 'INIT_SIGNAL:a', '<- Queued:(0) Deferred:(0)',
        'again:a', 'EXIT_SIGNAL:a', 'ENTRY_SIGNAL:a', 'INIT_SIGNAL:a', '<- Queued:(0) Deferred:(0)',
        'down:a', 'SEARCH_FOR_SUPER_SIGNAL:b', 'EXIT_SIGNAL:a', 'ENTRY_SIGNAL:b', 'INIT_SIGNAL:b', 'SEARCH_FOR_SUPER_SIGNAL:c', 'ENTRY_SIGNAL:c', 'INIT_SIGNAL:c', '<- Queued:(0) Deferred:(0)',
      ]),
    ).toEqual(['start_at top->a', 'again a->a', 'down a->c']);
  });

  it('ends steps at the next event when direct dispatches leave no reflection line, and keeps the last one pending', () => {
    expect(readLines(['go:a', 'ENTRY_SIGNAL:b', 'INIT_SIGNAL:b', 'back:b', 'back:p', 'EXIT_SIGNAL:b', 'INIT_SIGNAL:p'])).toEqual(['go a->b', '(pending) back b->p']);
  });

  it('skips posts and scribbles shaped like spy lines that arrive mid-step', () => {
    expect(readLines(['go:a', 'EXIT_SIGNAL:a', 'POST_FIFO:later', 'note:written', 'ENTRY_SIGNAL:b', 'INIT_SIGNAL:b', '<- Queued:(1) Deferred:(0)'])).toEqual(['go a->b']);
  });
});
