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

/** Trace entries that may share one clock reading within a synchronous burst. */
const READING_REUSE = 8;

/**
 * The default clock: Node's timers and a microsecond wall clock.
 *
 * @remarks miros: `datetime.now()` and `threading.Timer`, behind the injectable `Clock` interface.
 */
export class RealClock implements Clock {
  private reading = 0;
  private readingUses = READING_REUSE;
  private expiryQueued = false;
  private readonly expire = (): void => {
    this.readingUses = READING_REUSE;
    this.expiryQueued = false;
  };

  /**
   * Reading the clock costs as much as a whole instrumented RTC step on
   * some virtual machines (a system call). Back-to-back steps in one
   * synchronous burst reuse a reading for up to 8 entries; the reading
   * expires at the next microtask, so steps separated by any I/O or timer
   * always get a fresh one. Entries therefore lag by at most 7 steps
   * (a few microseconds) and stay in order.
   */
  traceNow(): number {
    if (this.readingUses < READING_REUSE) {
      this.readingUses += 1;
      return this.reading;
    }
    this.reading = this.now();
    this.readingUses = 1;
    if (!this.expiryQueued) {
      this.expiryQueued = true;
      queueMicrotask(this.expire);
    }
    return this.reading;
  }

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
