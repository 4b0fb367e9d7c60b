/**
 * The outer/inner example: the chart flips between outer and inner on its
 * own timers, and the hand-written and Factory versions are the same chart
 * (same spy, same trace) given the same timer periods.
 */
import { describe, expect, it } from 'vitest';
import { runOuterInner } from '../../examples/outerInner.ts';
import { VirtualClock } from '../../server/statechart/VirtualClock.ts';

async function run(factory: boolean) {
  const periods = [3, 5, 2, 7, 4, 6];
  let next = 0;
  const printed: string[] = [];
  const chart = await runOuterInner({
    seconds: 20,
    clock: new VirtualClock(Date.UTC(2024, 0, 1)),
    factory,
    print: (text) => printed.push(text),
    period: () => periods[next++ % periods.length]!,
  });
  const trace = chart.trace()!.split('\n').filter(Boolean).map((line) => line.replace(/^\[[^\]]+\] \[[^\]]+\] /, ''));
  return { chart, trace, printed };
}

describe('the outer/inner example', () => {
  it('alternates between outer and inner as its one-shot timers fire', async () => {
    const { trace, chart } = await run(false);
    expect(trace).toEqual([
      'e->start_at() top->outer', //   0 s, arms to_inner in 3 s
      'e->to_inner() outer->inner', //  3 s, arms to_outer in 5 s
      'e->to_outer() inner->outer', //  8 s, arms to_inner in 2 s
      'e->to_inner() outer->inner', // 10 s, arms to_outer in 7 s
      'e->to_outer() inner->outer', // 17 s, arms to_inner in 4 s: due after the 20 s run
    ]);
    expect(chart.postedEvents).toEqual([]);
  });

  it('prints live trace lines and spy lines, transmits showing as scribbles', async () => {
    const { printed } = await run(false);
    expect(printed.slice(0, 6).map((line) => line.replace(/^\[[^\]]+\]/, '[T]'))).toEqual([
      expect.stringMatching(/^\[T\] \[\w{5}_ao\] e->start_at\(\) top->outer$/),
      'START', 'SEARCH_FOR_SUPER_SIGNAL:outer', 'ENTRY_SIGNAL:outer', 'INIT_SIGNAL:outer', 'transmit other_to_outer',
    ]);
  });

  it('the Factory version produces the same spy and trace as the hand-written one', async () => {
    const plain = await run(false);
    const factory = await run(true);
    expect(factory.trace).toEqual(plain.trace);
    expect(factory.chart.spy()).toEqual(plain.chart.spy());
  });
});
