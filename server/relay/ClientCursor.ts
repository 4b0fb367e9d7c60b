/**
 * One browser's position in the relay's stream, and the rules for when it may
 * be sent its next batch. Pure: it is told the time and reads the ring buffer;
 * the hub owns sockets and timers.
 *
 * There is no per-client queue. A client is only a cursor into the shared ring
 * buffer, so a slow client costs no memory: when the ring overwrites records
 * the client has not been sent yet, its next batch carries a `dropped` range
 * instead ("dropped N"), and it continues from the oldest record still held.
 *
 *            resume(afterSeq)
 *                 │
 *                 ▼            record arrives / ack / timer
 *   ┌────────► waiting ───────────────────────────────┐
 *   │        (nothing new,                            ▼
 *   │      or window full)                   delay(now) == 0 ?
 *   │             ▲                         yes │        │ no: wait delay ms
 *   │             │                             ▼        │
 *   │             └── ack(lastSeq) ◀── take(): one batch ◀┘
 *   │                                 (≤ maxBatch records,
 *   └──────── window full ◀───────────  counted as unacked)
 *
 * Timing is clocked by acks, like TCP's Nagle algorithm: when the client has
 * acknowledged everything it was sent, new records go at once (a client that
 * keeps up sees each record as soon as it arrives). While a batch is in
 * flight, records wait and travel together in the next batch, which goes
 * when the ack comes or `intervalMs` after the previous batch, whichever is
 * first — and never while `window` batches are unacknowledged. So a fast
 * client gets low latency, a slow one gets few large batches, and no record
 * waits more than `intervalMs` for a client that is within its window.
 *
 * What counts as a drop: a fresh client (resuming from 0, or from another
 * session) is told in its first batch that the records before the ring's
 * oldest are not there, but nothing was lost — they went to whoever was
 * connected long before it joined. Only records a client was positioned to
 * get and did not (it lagged, or it reconnected after they left the ring)
 * are `missed`, which the hub reports as a drop.
 */
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import type { RecordBatch } from '../../shared/contract/socketContract.ts';
import type { DroppedRange, RingBuffer } from './RingBuffer.ts';

export interface FlowOptions {
  /** While a batch is unacknowledged, the shortest time before the next one, in ms (≤ 50). */
  intervalMs: number;
  /** Batches a client may leave unacknowledged before the relay waits for its ack. */
  window: number;
  /** Most records in one batch (a long resume gap is sent in several). */
  maxBatch: number;
  /** Most characters of records (as JSON) in one batch; at least one record always goes. */
  batchChars: number;
}

export const DEFAULT_FLOW: FlowOptions = { intervalMs: 10, window: 4, maxBatch: 1000, batchChars: 4 * 1024 * 1024 };

export class ClientCursor {
  #afterSeq = 0;
  #resumed = false;
  #resetPending = false;
  #fresh = false;
  #lastSentAt = -Infinity;
  #missed: DroppedRange | null = null;
  /** lastSeq of each batch sent and not yet acknowledged, oldest first. */
  readonly #unacked: number[] = [];

  constructor(readonly flow: FlowOptions = DEFAULT_FLOW) {}

  /** Seq of the last record handed to this client (or where it resumed). */
  get afterSeq(): number {
    return this.#afterSeq;
  }

  /** The records the last batch had to skip that this client was positioned to get (see the header). */
  get missed(): DroppedRange | null {
    return this.#missed;
  }

  get unacked(): number {
    return this.#unacked.length;
  }

  /**
   * Start (or restart) after `afterSeq`. With `reset`, the next batch tells
   * the client to forget what it holds (the server's numbering restarted).
   */
  resume(afterSeq: number, options: { reset?: boolean } = {}): void {
    this.#afterSeq = Math.max(0, Math.floor(afterSeq));
    this.#resumed = true;
    this.#resetPending = options.reset === true;
    this.#fresh = this.#afterSeq === 0 || this.#resetPending;
    // Batches already in flight still count against the window until the
    // client acks anything: otherwise every resume (a command from the
    // network) would buy a fresh window of batches, and a client repeating
    // it without reading could queue megabytes per message in the server.
    this.#unacked.fill(-Infinity);
  }

  /** The client has processed every batch up to `lastSeq`. */
  ack(lastSeq: number): void {
    while (this.#unacked.length > 0 && this.#unacked[0]! <= lastSeq) this.#unacked.shift();
  }

  /**
   * How long until the next batch may be taken: 0 = now, a positive number of
   * ms, or null when there is nothing to send or the client must ack first.
   */
  delay(now: number, headSeq: number): number | null {
    if (!this.#resumed) return null;
    if (headSeq <= this.#afterSeq && !this.#resetPending) return null;
    if (this.#unacked.length >= this.flow.window) return null;
    if (this.#unacked.length === 0) return 0;
    return Math.max(0, this.#lastSentAt + this.flow.intervalMs - now);
  }

  /** The next batch for this client, advancing its position; null if none is due. */
  take(ring: RingBuffer<MirosRecord>, now: number): RecordBatch | null {
    if (this.delay(now, ring.lastSeq) !== 0) return null;
    const { records, dropped } = ring.readAfter(this.#afterSeq, this.flow.maxBatch, this.flow.batchChars);
    const batch: RecordBatch = { records, lastSeq: ring.lastSeq };
    if (dropped) batch.dropped = dropped;
    this.#missed = dropped && !this.#fresh ? dropped : null;
    this.#fresh = false;
    if (this.#resetPending) batch.reset = true;
    const last = records.length > 0 ? records[records.length - 1]!.seq : (dropped?.toSeq ?? this.#afterSeq);
    this.#afterSeq = Math.max(this.#afterSeq, last);
    this.#resetPending = false;
    this.#lastSentAt = now;
    this.#unacked.push(this.#afterSeq);
    return batch;
  }
}
