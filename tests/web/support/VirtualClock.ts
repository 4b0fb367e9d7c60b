/**
 * A wall clock for replay tests: time moves only when the test says so, and
 * due timers fire in order. (The far side of ReplaySource's pacing.)
 *
 * The one VirtualClock (shared/clock/) keeps the timers; this adapter speaks
 * the web Clock's milliseconds, starts at 0, and lets the promise chains a
 * timer starts (listener → pump → source) settle before the next one fires.
 */
import { VirtualClock as SharedVirtualClock } from '../../../shared/clock/VirtualClock.ts';
import type { TimerHandle } from '../../../shared/clock/Clock.ts';
import type { Clock } from '../../../web/src/sources/Clock.ts';

export class VirtualClock implements Clock {
  readonly #clock = new SharedVirtualClock(0);

  now(): number {
    return this.#clock.now();
  }

  setTimeout(callback: () => void, ms: number): unknown {
    // The shared clock keeps whole microseconds; round up so a timer never fires
    // before the fractional time it was set for (a replay would re-arm it for 0 µs forever).
    return this.#clock.setTimeout(callback, Math.ceil(Math.max(0, ms) * 1000) / 1000);
  }

  clearTimeout(handle: unknown): void {
    this.#clock.clearTimeout(handle as TimerHandle);
  }

  /** Moves time forward by `ms`, firing due timers (and letting their async work settle) on the way. */
  async advance(ms: number): Promise<void> {
    await this.#clock.advanceSettling(ms / 1000, settle);
  }
}

/** Lets pending promise chains (listener → pump → source) run to completion. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
