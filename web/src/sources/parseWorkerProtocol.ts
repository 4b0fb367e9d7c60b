/**
 * Messages between WorkerLogLoader (page) and parseLog.worker.ts.
 *
 *   page                                   worker
 *    │── load {id, input} ───────────────────▶│  streamLogInput(input)
 *    │◀──────────────── batch {id, n, …} ─────│  at most WINDOW_RECORDS records
 *    │── ack {id, n} ────────────────────────▶│  unacknowledged, so a slow
 *    │◀──────────────── batch … ──────────────│  page slows the parse
 *    │◀──────────────── done {id, summary} ───│  (or failed {id, reason, message})
 *    │── cancel {id} ────────────────────────▶│
 */
import type { LoadBatch, LoadSummary, LogInput, LogLoadError } from './LogLoader.ts';

/** Records the worker may have in flight (sent, not acknowledged) before it waits. */
export const WINDOW_RECORDS = 200_000;

/**
 * Records cross the thread boundary as JSON text: the page then pays one
 * JSON.parse (≈3× cheaper than structured-clone deserialization of many
 * small objects), and the serializing happens in the worker. JSON would
 * turn a NaN or Infinity inside a mesh payload into null, so batches with
 * mesh records go by structured clone instead (records are plain data, so
 * both are exact otherwise).
 */
export type WireBatch = Omit<LoadBatch, 'records'> & ({ json: string; records?: never } | { records: LoadBatch['records']; json?: never });

export type ToParseWorker =
  | { type: 'load'; id: number; input: LogInput; received: number }
  /** The page has applied every batch up to `n`. */
  | { type: 'ack'; id: number; n: number }
  | { type: 'cancel'; id: number };

export type FromParseWorker =
  | { type: 'batch'; id: number; n: number; count: number; batch: WireBatch }
  | { type: 'done'; id: number; summary: LoadSummary }
  | { type: 'failed'; id: number; reason: LogLoadError['reason']; message: string };
