/**
 * A {@link Clock} that only moves when a test says so.
 *
 * Model (the conformance format's "Timed events"):
 *
 *   advance(t):  target = now + t
 *     run pending immediates (active-object drains) to completion
 *     while a timer is due at or before target (earliest first, ties in
 *     creation order):
 *        now = its deadline; fire it
 *        run immediates to completion   ← the charts finish all resulting
 *                                          work before the next timer fires
 *     now = target
 *
 * A timer created while a timer's work runs is scheduled relative to that
 * firing time, because `now()` is the deadline then. Immediates scheduled
 * outside `advance` run on the next real microtask, so `await
 * ao.whenIdle()` works without advancing time.
 */
import type { Clock, TimerHandle } from './Clock.ts';

interface VirtualTimer extends TimerHandle {
  /** Deadline in integer microseconds since the epoch. */
  readonly due: number;
  readonly fn: () => void;
}

/** A chart that keeps posting to itself would otherwise hang `advance`. */
const MAX_IMMEDIATES_PER_RUN = 1_000_000;

/**
 * A clock that moves only when told (`advance(seconds)`): timed charts run deterministically, and
 * instantly, in tests.
 *
 * @remarks miros: none; miros reads wall-clock time and sleeps. Charts here take a `Clock`, so a
 * test advances time instead of waiting for it.
 */
export class VirtualClock implements Clock {
  private micros: number;
  private readonly timers: VirtualTimer[] = [];
  private readonly immediates: Array<() => void> = [];
  private nextId = 1;
  private flushScheduled = false;

  /** @param startEpochMs the wall-clock time the virtual clock starts at */
  constructor(startEpochMs: number = Date.now()) {
    this.micros = Math.round(startEpochMs * 1000);
  }

  now(): number {
    return this.micros / 1000;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer: VirtualTimer = { id: this.nextId++, due: this.micros + Math.max(0, Math.round(ms * 1000)), fn };
    this.timers.push(timer);
    return timer;
  }

  clearTimeout(handle: TimerHandle): void {
    const index = this.timers.indexOf(handle as VirtualTimer);
    if (index >= 0) this.timers.splice(index, 1);
  }

  setImmediate(fn: () => void): void {
    this.immediates.push(fn);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // A microtask (queueMicrotask is a Node/DOM global; shared/ uses neither).
      void Promise.resolve().then(() => {
        this.flushScheduled = false;
        this.runImmediates();
      });
    }
  }

  /** Timers not yet fired or cleared. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Move time forward by `seconds`, firing due timers as described above. */
  advance(seconds: number): void {
    if (!(seconds >= 0)) throw new RangeError(`advance needs a non-negative number of seconds, got ${seconds}`);
    const target = this.micros + Math.round(seconds * 1_000_000);
    this.runImmediates();
    for (;;) {
      const next = this.nextDue(target);
      if (next === null) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.micros = next.due;
      next.fn();
      this.runImmediates();
    }
    this.micros = target;
    this.runImmediates();
  }

  /**
   * `advance` for code whose timers start promise chains (a replay's pump):
   * before each due timer fires, and once at the end, `settle()` lets the
   * previous timer's async work finish and arm its next timers.
   */
  async advanceSettling(seconds: number, settle: () => Promise<void>): Promise<void> {
    if (!(seconds >= 0)) throw new RangeError(`advance needs a non-negative number of seconds, got ${seconds}`);
    const target = this.micros + Math.round(seconds * 1_000_000);
    for (;;) {
      this.runImmediates();
      await settle();
      const next = this.nextDue(target);
      if (next === null) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.micros = next.due;
      next.fn();
    }
    this.micros = target;
    this.runImmediates();
    await settle();
  }

  /** Run every pending immediate, including ones scheduled meanwhile. */
  runImmediates(): void {
    let count = 0;
    while (this.immediates.length > 0) {
      if (++count > MAX_IMMEDIATES_PER_RUN) {
        throw new Error('VirtualClock: immediates keep scheduling immediates (a chart posting to itself forever?)');
      }
      this.immediates.shift()!();
    }
  }

  private nextDue(target: number): VirtualTimer | null {
    let best: VirtualTimer | null = null;
    for (const timer of this.timers) {
      if (timer.due <= target && (best === null || timer.due < best.due || (timer.due === best.due && timer.id < best.id))) {
        best = timer;
      }
    }
    return best;
  }
}
