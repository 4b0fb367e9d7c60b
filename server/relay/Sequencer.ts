/**
 * Numbers records where they arrive.
 *
 * Every record the server hears (decoded from the network, announced by an
 * in-process chart, or made by the server itself: rejections, reconnects,
 * drops) passes through one Sequencer, so `seq` is a single gap-free arrival
 * order for the whole session. The relay's ring buffer, the recorder and every
 * browser's resume position are all expressed in that one numbering.
 */
import type { MirosRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';

export class Sequencer {
  #last: number;

  /** @param last the seq already used (numbering continues after it). */
  constructor(last = 0) {
    this.#last = last;
  }

  /** Highest seq handed out so far (0 before the first record). */
  get last(): number {
    return this.#last;
  }

  /** Gives `record` the next seq. `v` stays first and `seq` second so recordings read well. */
  number(record: UnnumberedRecord): MirosRecord {
    this.#last += 1;
    // A stray `seq` on the input must not override the one given here.
    const { v, seq: _stray, ...rest } = record as UnnumberedRecord & { seq?: unknown };
    return { v, seq: this.#last, ...rest } as MirosRecord;
  }
}
