/**
 * RealClock: trace timestamps may reuse one clock reading for at most 8
 * entries of a synchronous burst, and never across a microtask boundary.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RealClock } from '../../server/statechart/RealClock.ts';

describe('RealClock trace timestamps', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reuse a reading for at most 8 entries in one burst and take a fresh one after a microtask', async () => {
    let tick = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (tick += 1));
    const clock = new RealClock();
    const origin = clock.now() - tick;
    const burst = Array.from({ length: 10 }, () => clock.traceNow() - origin);
    await Promise.resolve();
    const afterMicrotask = clock.traceNow() - origin;
    expect([...burst, afterMicrotask]).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 4]);
  });

  it('now() always reads the clock', () => {
    let tick = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (tick += 1));
    const clock = new RealClock();
    const readings = [clock.now(), clock.now(), clock.now()];
    expect(readings[2]! - readings[0]!).toBe(2);
  });
});
