/**
 * The relay's bounded memory of recent records.
 *
 * Records are numbered without gaps (see Sequencer), so the buffer can find a
 * seq by arithmetic instead of searching: slot = (seq - 1) mod capacity. A
 * reader asks for "what comes after seq N"; if part of that gap has already
 * been overwritten, the answer says so (`dropped`) instead of pretending.
 *
 *      firstSeq                 lastSeq
 *         ▼                        ▼
 *   ┌───┬───┬───┬───┬───┬───┬───┬───┐
 *   │ 9 │10 │11 │12 │ 5 │ 6 │ 7 │ 8 │   capacity 8, after pushing 1…12:
 *   └───┴───┴───┴───┴───┴───┴───┴───┘   1…4 are gone, 5…12 readable
 */

export interface Sequenced {
  seq: number;
}

export interface DroppedRange {
  count: number;
  fromSeq: number;
  toSeq: number;
}

export interface ReadResult<T> {
  records: T[];
  /** The part of the requested range that left the buffer before it was read. */
  dropped?: DroppedRange;
}

/** Thrown when a record does not continue the buffer's numbering. */
export class SequenceGapError extends Error {
  constructor(
    readonly expected: number,
    readonly got: number,
  ) {
    super(`ring buffer expected seq ${expected}, got ${got}`);
    this.name = 'SequenceGapError';
  }
}

export class RingBuffer<T extends Sequenced> {
  readonly #slots: (T | undefined)[];
  #lastSeq: number;
  #size = 0;

  /**
   * @param capacity how many records are kept (older ones are overwritten).
   * @param lastSeq the seq before the first record this buffer will get.
   */
  constructor(
    readonly capacity: number,
    lastSeq = 0,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    }
    this.#slots = new Array<T | undefined>(capacity);
    this.#lastSeq = lastSeq;
  }

  /** Seq of the newest record (or the starting point when empty). */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Seq of the oldest record still held (lastSeq + 1 when empty). */
  get firstSeq(): number {
    return this.#lastSeq - this.#size + 1;
  }

  get size(): number {
    return this.#size;
  }

  push(record: T): void {
    if (record.seq !== this.#lastSeq + 1) throw new SequenceGapError(this.#lastSeq + 1, record.seq);
    this.#slots[this.#slot(record.seq)] = record;
    this.#lastSeq = record.seq;
    if (this.#size < this.capacity) this.#size += 1;
  }

  /**
   * Records with seq > afterSeq, oldest first, at most `max` of them. A
   * reader whose position has been overwritten gets the missing range in
   * `dropped` and continues from the oldest record still held.
   */
  readAfter(afterSeq: number, max = Infinity): ReadResult<T> {
    const first = this.firstSeq;
    let from = Math.max(afterSeq + 1, 1);
    let dropped: DroppedRange | undefined;
    if (from < first) {
      dropped = { count: first - from, fromSeq: from, toSeq: first - 1 };
      from = first;
    }
    const to = Math.min(this.#lastSeq, from + max - 1);
    const records: T[] = [];
    for (let seq = from; seq <= to; seq++) records.push(this.#slots[this.#slot(seq)] as T);
    return dropped ? { records, dropped } : { records };
  }

  #slot(seq: number): number {
    return (((seq - 1) % this.capacity) + this.capacity) % this.capacity;
  }
}
