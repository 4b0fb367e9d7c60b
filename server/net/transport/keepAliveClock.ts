/**
 * The transport's default {@link Clock}: Node's timers as they are. Unlike
 * the charts' RealClock, its timers are NOT unref'd: a reconnect attempt
 * that is due is work, and a process waiting for its broker to come back
 * must not exit meanwhile. Tests pass a VirtualClock instead and advance it.
 */
import type { Clock, TimerHandle } from '../../statechart/Clock.ts';

interface NodeTimerHandle extends TimerHandle {
  readonly timer: ReturnType<typeof globalThis.setTimeout>;
}

let nextId = 1;

export const keepAliveClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const handle: NodeTimerHandle = { id: nextId++, timer: globalThis.setTimeout(fn, Math.max(0, ms)) };
    return handle;
  },
  clearTimeout(handle) {
    globalThis.clearTimeout((handle as NodeTimerHandle).timer);
  },
  setImmediate(fn) {
    globalThis.setImmediate(fn);
  },
};
