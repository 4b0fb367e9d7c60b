/**
 * Time and scheduling, injected so tests can fake it: one interface for the
 * statechart runtime, the transport, the relay and the recorder (issue 9).
 *
 * `now()` stamps trace entries (local wall-clock, microseconds); `setTimeout`
 * drives timed posts, batching and flushes; `setImmediate` runs an active
 * object's drain loop "soon, after the caller returns". The server's
 * `RealClock` maps these to Node's timers; `VirtualClock` (here, free of Node
 * and DOM globals) runs them only when a test advances it.
 */
export interface TimerHandle {
  readonly id: number;
}

/**
 * Where a chart reads the time and arms its timers: `RealClock` by default, `VirtualClock` in tests.
 *
 * @remarks miros: none (miros calls `datetime.now()` and sleeps); injecting it makes timed charts
 * testable.
 */
export interface Clock {
  /** Epoch milliseconds, with a sub-millisecond (microsecond) fraction. */
  now(): number;
  /** Run `fn` once after `ms` milliseconds. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /** Run `fn` soon, after the current synchronous work. */
  setImmediate(fn: () => void): void;
  /**
   * Time for a trace timestamp. A clock may reuse a reading taken a few
   * entries earlier in the same synchronous burst of steps (see RealClock);
   * without this method, `now()` is used.
   */
  traceNow?(): number;
}
