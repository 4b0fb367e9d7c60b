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
 *
 * The buffer is bounded twice: in records (the slots) and in characters (each
 * record's size as its JSON line, told by the writer). A few large records
 * evict the oldest ones early, so memory stays bounded whatever the record
 * sizes; the newest record is always kept (records are capped far below the
 * buffer's size by the record budget, see messageBudgets.ts).
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
  readonly #charsOf: Float64Array;
  #lastSeq: number;
  #size = 0;
  #chars = 0;

  /**
   * @param capacity how many records are kept (older ones are overwritten).
   * @param lastSeq the seq before the first record this buffer will get.
   * @param maxChars how many characters of records are kept (older ones are dropped).
   */
  constructor(
    readonly capacity: number,
    lastSeq = 0,
    readonly maxChars = Infinity,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    }
    if (!(maxChars > 0)) throw new RangeError(`ring buffer maxChars must be positive, got ${maxChars}`);
    this.#slots = new Array<T | undefined>(capacity);
    this.#charsOf = new Float64Array(capacity);
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

  /** Characters of the records held (as told to push). */
  get chars(): number {
    return this.#chars;
  }

  /** Adds the next record; `chars` is its size (its JSON line's length). */
  push(record: T, chars = 0): void {
    if (record.seq !== this.#lastSeq + 1) throw new SequenceGapError(this.#lastSeq + 1, record.seq);
    if (this.#size === this.capacity) this.#dropOldest();
    const slot = this.#slot(record.seq);
    this.#slots[slot] = record;
    this.#charsOf[slot] = chars;
    this.#chars += chars;
    this.#lastSeq = record.seq;
    this.#size += 1;
    while (this.#chars > this.maxChars && this.#size > 1) this.#dropOldest();
  }

  /**
   * Records with seq > afterSeq, oldest first, at most `max` of them. A
   * reader whose position has been overwritten gets the missing range in
   * `dropped` and continues from the oldest record still held.
   */
  readAfter(afterSeq: number, max = Infinity, maxChars = Infinity): ReadResult<T> {
    const first = this.firstSeq;
    let from = Math.max(afterSeq + 1, 1);
    let dropped: DroppedRange | undefined;
    if (from < first) {
      dropped = { count: first - from, fromSeq: from, toSeq: first - 1 };
      from = first;
    }
    const to = Math.min(this.#lastSeq, from + max - 1);
    const records: T[] = [];
    let chars = 0;
    for (let seq = from; seq <= to; seq++) {
      const slot = this.#slot(seq);
      chars += this.#charsOf[slot]!;
      if (chars > maxChars && records.length > 0) break;
      records.push(this.#slots[slot] as T);
    }
    return dropped ? { records, dropped } : { records };
  }

  #dropOldest(): void {
    const slot = this.#slot(this.firstSeq);
    this.#chars -= this.#charsOf[slot]!;
    this.#charsOf[slot] = 0;
    this.#slots[slot] = undefined;
    this.#size -= 1;
  }

  #slot(seq: number): number {
    return (((seq - 1) % this.capacity) + this.capacity) % this.capacity;
  }
}
