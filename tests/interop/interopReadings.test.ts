/**
 * How `npm run interop` reads what the processes it runs printed: a wrong
 * reading would pass a broken wire or fail a good one (issue 8). The check
 * itself needs the reference sources and a broker; these are its pure parts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { transitionsCausedBy } from '../../scripts/interop/causedTransitions.ts';
import { firstExitFromOuter, latestEntry, stampMs } from '../../scripts/interop/checkSendReachesPython.ts';
import { exampleCounters } from '../../scripts/interop/exampleCounters.ts';
import { parseInteropOptions, UsageError } from '../../scripts/interop/interopOptions.ts';
import { listenerReport } from '../../scripts/interop/listenerReport.ts';
import { printedLinesDecoded } from '../../scripts/interop/printedLinesDecoded.ts';
import { ownChartName, snoopTraceLines } from '../../scripts/interop/snoopTraceLines.ts';

const BLUE = (s: string) => `\x1b[34m${s}\x1b[0m`;
const PURPLE = (s: string) => `\x1b[35m${s}\x1b[0m`;

// What a Python node printed: its own name blue, ours purple, a scribble, an Alien line.
const PYTHON_OUTPUT = [
  ` [+t] [2026-12-06 11:40:01.000100] [${BLUE('77dbc_ao')}] e->start_at() top->outer`,
  ` [+t] [2026-12-06 11:40:02.500000] [${PURPLE('67f0f_fo')}] e->to_inner() outer->inner`,
  ` [+t] [2026-12-06 11:40:02.503000] [${BLUE('77dbc_ao')}] e->other_to_inner() outer->inner`,
  ` [+t] [2026-12-06 11:40:02.504000] [${BLUE('77dbc_ao')}] \x1b[30;1m# amqp://127.0.0.1:5672/\x1b[0m`,
  'Alien!: 192.0.2.2',
  ` [+t] [2026-12-06 11:40:09.000000] [${BLUE('77dbc_ao')}] e->to_outer() inner->outer`,
  ` [+t] [2026-12-06 11:40:09.004000] [${PURPLE('67f0f_fo')}] e->other_to_outer() inner->outer`,
  ` [+t] [2026-12-06 11:40:20.000000] [${BLUE('77dbc_ao')}] e->other_to_inner() outer->inner`,
  '',
].join('\n');

describe('reading trace lines a node printed', () => {
  it('finds every transition with its chart and time, and skips scribbles and other lines', () => {
    const lines = snoopTraceLines(PYTHON_OUTPUT);
    expect(lines.map((l) => [l.chart, l.signal, l.from, l.to])).toEqual([
      ['77dbc_ao', 'start_at', 'top', 'outer'],
      ['67f0f_fo', 'to_inner', 'outer', 'inner'],
      ['77dbc_ao', 'other_to_inner', 'outer', 'inner'],
      ['77dbc_ao', 'to_outer', 'inner', 'outer'],
      ['67f0f_fo', 'other_to_outer', 'inner', 'outer'],
      ['77dbc_ao', 'other_to_inner', 'outer', 'inner'],
    ]);
    expect(lines[1]!.text).toBe('[2026-12-06 11:40:02.500000] [67f0f_fo] e->to_inner() outer->inner');
    expect(lines[1]!.time).toBe(Date.UTC(2026, 11, 6, 11, 40, 2, 500));
    expect(lines[0]!.time % 1).toBeCloseTo(0.1, 3); // microseconds, as far as a double at 1.8e12 ms holds them
  });

  it('takes the blue name as the node’s own chart', () => {
    expect(ownChartName(PYTHON_OUTPUT)).toBe('77dbc_ao');
    expect(ownChartName(` [+t] [2026-12-06 11:40:02.500000] [${PURPLE('67f0f_fo')}] e->to_inner() outer->inner\n`)).toBeNull();
  });
});

describe('(d): when the Python chart entered outer, and how it left', () => {
  const trace = (seq: number, chart: string, to: string, stamp?: string) =>
    ({ v: 1, seq, chart, node: null, kind: 'trace', signal: 'x', from: 'y', to, stamp }) as unknown as MirosRecord;

  it('reads a trace stamp as UTC with its microseconds, and nothing of another shape', () => {
    expect(stampMs('2026-12-06 11:40:02.500000')).toBe(Date.UTC(2026, 11, 6, 11, 40, 2, 500));
    expect(stampMs('2026-12-06 11:40:02.000250')).toBeCloseTo(Date.UTC(2026, 11, 6, 11, 40, 2) + 0.25, 3);
    expect(stampMs('2026-12-06 11:40:02')).toBeNull();
    expect(stampMs(undefined)).toBeNull();
  });

  it('takes the last entry of that chart into that state, skipping other charts, states and stampless records', () => {
    const records = [
      trace(1, '77dbc_ao', 'outer', '2026-12-06 11:40:01.000000'),
      trace(2, '77dbc_ao', 'outer', '2026-12-06 11:40:09.000000'),
      trace(3, '77dbc_ao', 'inner', '2026-12-06 11:40:12.000000'),
      trace(4, '67f0f_fo', 'outer', '2026-12-06 11:40:13.000000'),
      trace(5, '77dbc_ao', 'outer'),
    ];
    expect(latestEntry(records, '77dbc_ao', 'outer')).toBe(Date.UTC(2026, 11, 6, 11, 40, 9));
    expect(latestEntry(records, 'nobody', 'outer')).toBeNull();
  });

  it('finds the chart’s first move out of outer after the entry seen, ours or its timer’s', () => {
    const lines = snoopTraceLines(PYTHON_OUTPUT);
    const entered = Date.UTC(2026, 11, 6, 11, 40, 9);
    expect(firstExitFromOuter(lines, '77dbc_ao', entered)?.text).toBe('[2026-12-06 11:40:20.000000] [77dbc_ao] e->other_to_inner() outer->inner');
    expect(firstExitFromOuter(lines, '77dbc_ao', Date.UTC(2026, 11, 6, 11, 40, 1))?.stamp).toBe('2026-12-06 11:40:02.503000');
    expect(firstExitFromOuter(lines, '67f0f_fo', entered)).toBeNull();
  });
});

describe('which other_to_* transitions the other chart caused', () => {
  const lines = snoopTraceLines(PYTHON_OUTPUT);
  const python = lines.filter((l) => l.chart === '77dbc_ao');
  const ours = lines.filter((l) => l.chart === '67f0f_fo');

  it('pairs a follower’s other_to_X with the leader entering X shortly before, in both directions', () => {
    expect(transitionsCausedBy(python, ours).map((c) => [c.effect.stamp, c.cause.stamp])).toEqual([['2026-12-06 11:40:02.503000', '2026-12-06 11:40:02.500000']]);
    expect(transitionsCausedBy(ours, python).map((c) => [c.effect.stamp, c.cause.stamp])).toEqual([['2026-12-06 11:40:09.004000', '2026-12-06 11:40:09.000000']]);
  });

  it('accepts a leader stamped a little after the follower (its line is stamped when its step ends, after the transmit)', () => {
    const late = snoopTraceLines(
      ` [+t] [2026-12-06 11:55:18.858920] [${PURPLE('f8951_fo')}] e->to_inner() outer->inner\n` +
        ` [+t] [2026-12-06 11:55:18.852884] [${BLUE('fe91b_ao')}] e->other_to_inner() outer->inner\n` +
        ` [+t] [2026-12-06 11:55:30.000000] [${BLUE('fe91b_ao')}] e->other_to_outer() inner->outer\n` +
        ` [+t] [2026-12-06 11:55:30.900000] [${PURPLE('f8951_fo')}] e->to_outer() inner->outer\n`,
    );
    const caused = transitionsCausedBy(late.filter((l) => l.chart === 'fe91b_ao'), late.filter((l) => l.chart === 'f8951_fo'));
    // 6 ms is skew; 900 ms later is the leader's own next move.
    expect(caused.map((c) => [c.effect.stamp, c.cause.stamp])).toEqual([['2026-12-06 11:55:18.852884', '2026-12-06 11:55:18.858920']]);
  });

  it('does not count a move the leader made too long before, or into another state', () => {
    // 11:40:20 other_to_inner: the leader's last move into inner was 17.5 s earlier.
    expect(transitionsCausedBy(python, ours, 2000).map((c) => c.effect.stamp)).not.toContain('2026-12-06 11:40:20.000000');
    expect(transitionsCausedBy(python, ours, 20_000).map((c) => c.effect.stamp)).toContain('2026-12-06 11:40:20.000000');
    expect(transitionsCausedBy(python, ours.filter((l) => l.to !== 'inner'))).toEqual([]);
  });
});

describe('what our examples and the Python listener reported', () => {
  it('reads an example’s published counts from its last stderr line', () => {
    const stderr =
      '4a340_ao: running 15 s on amqp://***@127.0.0.1:5672/v (Ctrl-C stops it)\n' +
      '4a340_ao: stopped; published {"sent":249,"buffered":2,"dropped":0} on the mesh, {"sent":448,"buffered":2,"dropped":0} trace, {"sent":2839,"buffered":10,"dropped":1} spy; received {"mesh":477}, posted 3\n';
    expect(exampleCounters(stderr)).toEqual({
      chart: '4a340_ao',
      published: { mesh: { sent: 249, buffered: 2, dropped: 0 }, trace: { sent: 448, buffered: 2, dropped: 0 }, spy: { sent: 2839, buffered: 10, dropped: 1 } },
    });
    expect(exampleCounters('4a340_ao: running 15 s\n')).toBeNull();
  });

  it('keeps the listener’s items, its summary, and every crash or decode failure as a problem', () => {
    const stdout = [
      '{"kind": "trace", "item": "[x] [a] e->b() c->d", "properties": {}}',
      '{"kind": "spy", "consumer_crashed": "InvalidFieldTypeException: b\'\'"}',
      '{"kind": "mesh", "error": "decrypt or unpickle failed; library nacks with requeue=True", "body_len": 120}',
      '{"kind": "mesh", "ip": "127.0.0.1", "event": {"signal_name": "x", "payload": null}, "strict_problems": ["properties differ"]}',
      'not json',
      '{"summary": true, "ok": 2, "failed_deliveries": 1, "strict_violations": 1, "counts": {"trace": 1, "spy": 0, "mesh": 1}, "consumer_crashes": [{"kind": "spy", "error": "x", "at_s": 1.5}], "pika": "0.13.1"}',
    ].join('\n');
    const report = listenerReport(stdout);
    expect(report.items.map((r) => r.kind)).toEqual(['trace', 'mesh']);
    expect(report.summary?.counts).toEqual({ trace: 1, spy: 0, mesh: 1 });
    expect(report.problems).toHaveLength(3);
    expect(report.problems[0]).toContain('consumer_crashed');
    expect(report.problems[2]).toContain('properties differ');
  });
});

describe('whether Python decoded every line our examples printed for their own charts', () => {
  const stdout = [
    ' [+t] [2026-12-06 11:40:01.000100] [4a340_ao] e->start_at() top->outer',
    ' [+s] 4a340_ao ENTRY_SIGNAL:inner',
    ' [+s] 4a340_ao ENTRY_SIGNAL:inner',
    ' [+t] [2026-12-06 11:40:02.000000] [541ed_fo] e->to_inner() outer->inner', // the peer's: not ours to account for
    ' [+s] 541ed_fo ENTRY_SIGNAL:inner',
    '',
  ].join('\n');
  const trace = { kind: 'trace', item: '\n[2026-12-06 11:40:01.000100] [4a340_ao] e->start_at() top->outer\n' };
  const spy = { kind: 'spy', item: '4a340_ao ENTRY_SIGNAL:inner' };

  it('accounts for each printed line with one decoded item, framing dropped', () => {
    expect(printedLinesDecoded([{ chart: '4a340_ao', stdout }], [trace, spy, spy])).toEqual({ checked: 3, missing: [] });
  });

  it('reports a repeated line decoded fewer times than printed', () => {
    expect(printedLinesDecoded([{ chart: '4a340_ao', stdout }], [trace, spy])).toEqual({ checked: 3, missing: [' [+s] 4a340_ao ENTRY_SIGNAL:inner'] });
  });
});

describe('the command line', () => {
  const reference = (): string => {
    const root = mkdtempSync(join(tmpdir(), 'interop-options-'));
    const ref = join(root, 'reference');
    const files = [
      'reference/python/miros/__init__.py',
      'reference/python/miros_rabbitmq/network.py',
      'reference/python/examples/networkable_active_object.py',
      'reference/pika-0.13.1/pika/__init__.py',
      'interop/py_listen.py',
      'interop/py_emit.py',
      'interop/py_seed_chart.py',
      'interop/py_snoop_print.py',
      'interop/samples/trace.txt',
      'interop/samples/spy.txt',
    ];
    for (const file of files) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), '');
    }
    return ref;
  };

  it('finds the scripts beside the reference folder, and takes --only', () => {
    const ref = reference();
    expect(parseInteropOptions([ref, '--only', 'c,a'])).toEqual({ reference: ref, scripts: join(dirname(ref), 'interop'), only: ['a', 'c'] });
  });

  it('says what is missing or wrong in one sentence', () => {
    expect(() => parseInteropOptions([])).toThrow(new UsageError('the reference folder is missing'));
    expect(() => parseInteropOptions([reference(), '--only', 'f'])).toThrow('--only takes a, b, c, d, e, not "f"');
    expect(() => parseInteropOptions([reference(), '--scripts', '/nonexistent-interop'])).toThrow(/^not found: \/nonexistent-interop\/py_listen\.py/);
  });
});
