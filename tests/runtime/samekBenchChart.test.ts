/**
 * The benchmark's Samek chart is the chart miros's comprehensive test runs:
 * driven through the same events it produces the spy and trace recorded from
 * miros (case comprehensive_samek_spy_sequence, state names ss* → s*), and
 * the benchmark's XState model walks the same states with the same guard.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyMatchesEager, SamekHsm, spiedSamekStates, walkLeaves } from '../../bench/engine.bench.ts';
import { Event } from '../../server/statechart/Event.ts';
import { mirosCasesDir } from '../support/fixturePath.ts';

const recorded = JSON.parse(
  readFileSync(join(mirosCasesDir, 'comprehensive_samek_spy_sequence.json'), 'utf8'),
) as { ops: Array<{ op: string; signal?: string }>; expected: { final: { spy: string[]; trace: string[] } } };
const rename = (line: string) => line.replace(/\bss(\d*)\b/g, 's$1');

describe("the benchmark's Samek chart", () => {
  it("reproduces miros's comprehensive spy and trace", () => {
    const chart = new SamekHsm({ name: 'comprehensive' });
    chart.startAt(spiedSamekStates.s2);
    for (const op of recorded.ops.filter((o) => o.op === 'post_fifo')) {
      chart.postFifo(new Event(op.signal!));
      chart.nextRtc();
    }
    expect(chart.spy()).toEqual(recorded.expected.final.spy.map(rename));
    const trace = chart.trace()!.split('\n').filter(Boolean).map((l) => l.replace(/^\[[^\]]+\]/, '[TIMESTAMP]'));
    expect(trace).toEqual(recorded.expected.final.trace.map(rename));
  });

  it('walks the same leaf states and guard flag as the XState model', () => {
    const { ours, xstate } = walkLeaves();
    expect(xstate).toEqual(ours);
    expect(ours).toHaveLength(42);
  });

  it('reads back compactly stored spy and trace lines exactly as formatted eagerly', () => {
    expect(lazyMatchesEager()).toBe(true);
  });
});
