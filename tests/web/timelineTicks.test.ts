import { describe, expect, it } from 'vitest';
import { countTicks, niceStep, tickLabel, timeTicks } from '../../web/src/panels/timeline/niceTicks.ts';

const at = (iso: string) => Date.parse(iso);

describe('timeTicks', () => {
  it.each([
    // span, most ticks → step (ms), the first and last tick
    ['2018-05-04T09:23:29.177Z', '2018-05-04T09:23:47.306Z', 10, 2000, '2018-05-04T09:23:30.000Z', '2018-05-04T09:23:46.000Z'],
    ['2018-05-04T09:23:29.177Z', '2018-05-04T09:23:29.900Z', 8, 100, '2018-05-04T09:23:29.200Z', '2018-05-04T09:23:29.900Z'],
    ['2018-05-04T09:00:00.000Z', '2018-05-04T17:30:00.000Z', 6, 2 * 3600_000, '2018-05-04T10:00:00.000Z', '2018-05-04T16:00:00.000Z'],
    ['2018-05-04T23:10:00.000Z', '2018-05-06T01:00:00.000Z', 4, 12 * 3600_000, '2018-05-05T00:00:00.000Z', '2018-05-06T00:00:00.000Z'],
    ['2018-05-04T09:23:00.000Z', '2018-05-04T09:41:00.000Z', 12, 2 * 60_000, '2018-05-04T09:24:00.000Z', '2018-05-04T09:40:00.000Z'],
  ])('puts ticks on round instants of the clock: %s … %s, at most %i', (from, to, max, step, first, last) => {
    const ticks = timeTicks(at(from), at(to), max);
    expect(ticks.step).toBe(step);
    expect(ticks.values.length).toBeLessThanOrEqual(max);
    expect(new Date(ticks.values[0]!).toISOString()).toBe(first);
    expect(new Date(ticks.values.at(-1)!).toISOString()).toBe(last);
    for (let i = 1; i < ticks.values.length; i++) expect(ticks.values[i]! - ticks.values[i - 1]!).toBe(step);
  });

  it('aligns on round instants of the zone shown (a live wall clock two hours east of UTC)', () => {
    const twoHours = 2 * 3600_000;
    const ticks = timeTicks(at('2024-03-01T10:10:00.000Z'), at('2024-03-02T10:00:00.000Z'), 2, twoHours);
    // 12 h steps fall on local midnight and noon: 22:00 and 10:00 UTC.
    expect(ticks.values.map((t) => new Date(t).toISOString())).toEqual(['2024-03-01T22:00:00.000Z', '2024-03-02T10:00:00.000Z']);
    expect(ticks.values.map((t) => tickLabel(t, ticks.step, twoHours))).toEqual(['00:00', '12:00']);
  });

  it('gives no ticks for an empty span or no room', () => {
    expect(timeTicks(5, 5, 10).values).toEqual([]);
    expect(timeTicks(0, 1000, 0).values).toEqual([]);
  });

  it('falls back to 1-2-5 steps past the ladder (decades of records)', () => {
    const year = 365 * 24 * 3600_000;
    const ticks = timeTicks(0, 200 * year, 4);
    expect(ticks.values.length).toBeLessThanOrEqual(4);
    expect(ticks.step).toBe(niceStep((200 * year) / 4));
  });
});

describe('tickLabel', () => {
  it.each([
    [24 * 3600_000, '2018-05-04'],
    [60_000, '09:23'],
    [5000, '09:23:34'],
    [200, '09:23:34.1'],
    [20, '09:23:34.17'],
    [1, '09:23:34.178'],
  ])('says as much as a step of %i ms needs: %s', (step, label) => {
    expect(tickLabel(at('2018-05-04T09:23:34.178Z'), step)).toBe(label);
  });
});

describe('countTicks and niceStep', () => {
  it('counts records in 1, 2, 5 × 10^k steps for a log without times', () => {
    expect(countTicks(0, 1_000_000, 5)).toEqual({ step: 200_000, values: [0, 200_000, 400_000, 600_000, 800_000, 1_000_000] });
    expect(countTicks(0, 12, 4).step).toBe(5);
  });

  it.each([
    [0.7, 1],
    [3, 5],
    [7, 10],
    [120, 200],
    [2, 2],
  ])('niceStep(%f) is %f', (x, step) => expect(niceStep(x)).toBe(step));
});
