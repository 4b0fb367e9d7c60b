/**
 * Messages between WorkerLogLoader (page) and parseLog.worker.ts.
 *
 *   page                                   worker
 *    │── load {id, input} ───────────────────▶│  streamLogInput(input)
 *    │◀──────────────── batch {id, n, …} ─────│  at most WINDOW batches
 *    │── ack {id, n} ────────────────────────▶│  unacknowledged, so a slow
 *    │◀──────────────── batch … ──────────────│  page slows the parse
 *    │◀──────────────── done {id, summary} ───│  (or failed {id, reason, message})
 *    │── cancel {id} ────────────────────────▶│
 */
import type { LoadBatch, LoadSummary, LogInput, LogLoadError } from './LogLoader.ts';

/** Batches the worker may have in flight before it waits for an ack. */
export const WINDOW = 2;

export type ToParseWorker =
  | { type: 'load'; id: number; input: LogInput; received: number }
  | { type: 'ack'; id: number; n: number }
  | { type: 'cancel'; id: number };

export type FromParseWorker =
  | { type: 'batch'; id: number; n: number; batch: LoadBatch }
  | { type: 'done'; id: number; summary: LoadSummary }
  | { type: 'failed'; id: number; reason: LogLoadError['reason']; message: string };
