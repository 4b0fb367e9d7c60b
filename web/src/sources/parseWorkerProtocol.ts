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
import type { ColumnChunk } from '../store/ColumnChunk.ts';

/** Records the worker may have in flight (sent, not acknowledged) before it waits. */
export const WINDOW_RECORDS = 1_000_000;

/**
 * Records cross the thread boundary as columns (store/ColumnChunk.ts): the
 * typed arrays are transferred, not copied, and the page builds a record
 * object only when one is read. Mesh payloads and anything else columns
 * cannot hold exactly go in the chunk's `extras`, by structured clone.
 */
export type WireBatch = Omit<LoadBatch, 'segment'> & { chunk: ColumnChunk };

export type ToParseWorker =
  /** `midFile`: the input is a later part of a file cut at a line end (see WorkerLogLoader). */
  | { type: 'load'; id: number; input: LogInput; received: number; midFile?: boolean }
  /** The page has applied every batch up to `n`. */
  | { type: 'ack'; id: number; n: number }
  | { type: 'cancel'; id: number };

export type FromParseWorker =
  | { type: 'batch'; id: number; n: number; count: number; batch: WireBatch }
  | { type: 'done'; id: number; summary: LoadSummary }
  | { type: 'failed'; id: number; reason: LogLoadError['reason']; message: string };
