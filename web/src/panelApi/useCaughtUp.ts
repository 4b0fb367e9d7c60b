/**
 * Lets a panel whose derived index is costly — the sequence builder
 * (≈ 0.5 µs a record), the statechart's transitions and inferred topology —
 * fold a large log in without freezing the page.
 *
 *   replay loading ──▶ wait: the page's thread stays free for the parse
 *                      workers and the records arriving (no index work, no
 *                      diagram drawn); the panel says so
 *   loaded / live  ──▶ a few thousand new records? folded in this render
 *                      more? folded in slices of SLICE_MS between tasks,
 *                      then the panel renders once, caught up
 *
 * A step is an index's `advance(log, budget)`: fold at most `budget` more
 * records, answer whether the index covers the whole log.
 */
import { useEffect, useState } from 'react';
import type { RecordLog } from '../store/RecordLog.ts';
import type { DashboardState } from '../store/createDashboardStore.ts';
import { useDashboardState } from './DashboardContext.tsx';
import { useRecordsView } from './useRecords.ts';

export type CatchUpStep = (log: RecordLog, budget: number) => boolean;

export interface CaughtUp {
  /** Every step's index covers the whole log. */
  ready: boolean;
  /** A replay is still loading: the steps wait for it to end. */
  waitingForLoad: boolean;
}

/** Records folded within a render (a live batch, a small file). */
const IN_RENDER = 5_000;
/** Records per advance() call while slicing. */
const STEP = 10_000;
/** Longest slice of catch-up work in one task. */
const SLICE_MS = 16;

/** A replay still reading its file (a failed read waits no longer). */
export function replayLoading(state: Pick<DashboardState, 'source'>): boolean {
  const { progress, presence } = state.source;
  return progress !== null && !progress.done && presence !== 'error';
}

function advanceAll(log: RecordLog, steps: readonly CatchUpStep[], budget: number): boolean {
  let done = true;
  for (const step of steps) done = step(log, budget) && done;
  return done;
}

/** Runs `slice` in separate tasks until it answers true; returns a cancel function. */
function inSlices(slice: () => boolean, finished: () => void): () => void {
  let cancelled = false;
  // A MessageChannel task runs right after pending input and paint, without setTimeout's 4 ms clamp.
  const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
  const next = () => (channel ? channel.port2.postMessage(null) : setTimeout(run, 0));
  const run = () => {
    if (cancelled) return;
    if (slice()) finished();
    else next();
  };
  if (channel) channel.port1.onmessage = run;
  next();
  return () => {
    cancelled = true;
    channel?.port1.close();
  };
}

export function useCaughtUp(steps: readonly CatchUpStep[]): CaughtUp {
  const { log, length } = useRecordsView();
  const waitingForLoad = useDashboardState(replayLoading);
  const [, setFinished] = useState(0);
  const ready = !waitingForLoad && advanceAll(log, steps, IN_RENDER);

  useEffect(() => {
    if (waitingForLoad || ready) return;
    return inSlices(
      () => {
        const t0 = performance.now();
        while (!advanceAll(log, steps, STEP)) if (performance.now() - t0 >= SLICE_MS) return false;
        return true;
      },
      () => setFinished((n) => n + 1),
    );
    // `steps` is a module constant of the panel.
  }, [log, length, waitingForLoad, ready]);

  return { ready, waitingForLoad };
}
