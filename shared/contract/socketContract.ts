/**
 * The typed socket.io contract between the server's relay and the browser.
 *
 * Shape of a session:
 *
 *   client                               server
 *     │── connect (auth: {token?}) ───────▶│
 *     │◀──────────────── hello ────────────│  server info, lastSeq, counters
 *     │── resume {afterSeq} ──────────────▶│  (0 on first connect)
 *     │◀─ records {records, lastSeq} ──────│  the gap from the ring buffer,
 *     │◀─ records … (batched ≤ every 50 ms)│  then live batches
 *     │◀─ records {dropped:{…}} ───────────│  when the client fell behind or
 *                                             the gap left the ring buffer
 *
 * A client remembers the last `seq` it saw and resumes after it on reconnect;
 * the server answers with everything newer that its ring buffer still holds,
 * and a `dropped` marker for anything older it no longer has.
 */
import type { MirosRecord } from '../records/MirosRecord';

export const CONTRACT_VERSION = 1 as const;

export interface Counters {
  received: number;
  rejected: Record<string, number>;
  reconnects: number;
  dropped: number;
}

export interface HelloInfo {
  contract: typeof CONTRACT_VERSION;
  /** Highest seq the server has assigned so far (0 when none). */
  lastSeq: number;
  /** Oldest seq still in the ring buffer (lastSeq + 1 when empty). */
  firstSeq: number;
  /** What the server listens to: `amqp` (with host only, never credentials) or `in-process`. */
  transport: { kind: 'amqp' | 'in-process'; broker?: string; connected: boolean };
  recording: string | null;
  counters: Counters;
}

export interface RecordBatch {
  records: MirosRecord[];
  /** Highest seq the server has assigned at the time of sending. */
  lastSeq: number;
  /** Records this client will never get (left the ring buffer or skipped for backpressure). */
  dropped?: { count: number; fromSeq: number; toSeq: number };
}

export interface ServerToClientEvents {
  hello: (info: HelloInfo) => void;
  records: (batch: RecordBatch) => void;
  counters: (counters: Counters) => void;
}

export interface ClientToServerEvents {
  /** Ask for every record after `afterSeq`, then live records. */
  resume: (req: { afterSeq: number }) => void;
  /** Acknowledge a batch (flow control): the server sends at most a few unacked batches. */
  ack: (req: { lastSeq: number }) => void;
}
