/**
 * The production {@link Clock}: Node's timers and a microsecond wall clock.
 *
 * Timers are `unref`ed: like miros's daemon timer threads they never keep
 * the process alive on their own.
 */
import type { Clock, TimerHandle } from './Clock.ts';

interface RealTimerHandle extends TimerHandle {
  readonly timer: ReturnType<typeof globalThis.setTimeout>;
}

let nextId = 1;
// A getter on `performance`; read once instead of per timestamp.
const timeOrigin = performance.timeOrigin;

export class RealClock implements Clock {
  now(): number {
    // timeOrigin + now() has microsecond resolution; Date.now() has ms only.
    return timeOrigin + performance.now();
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer = globalThis.setTimeout(fn, Math.max(0, ms));
    timer.unref?.();
    const handle: RealTimerHandle = { id: nextId++, timer };
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    globalThis.clearTimeout((handle as RealTimerHandle).timer);
  }

  setImmediate(fn: () => void): void {
    globalThis.setImmediate(fn);
  }
}

/** The clock charts use unless given one. */
export const realClock = new RealClock();
