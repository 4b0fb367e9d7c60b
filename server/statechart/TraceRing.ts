/**
 * The trace: a ring buffer of the newest 500 transition entries (miros's
 * `full.trace` deque). An entry is a timestamp, the signal name (null for
 * `start_at`) and the leaf names before and after; the line text is built on
 * read, with the chart's name at that moment, as miros does.
 */
export interface TraceEntry {
  /** Increasing per ring; identifies an entry for the live-trace "already reported" rule. */
  readonly seq: number;
  /** Epoch milliseconds with microsecond fraction. */
  readonly time: number;
  /** null for the `start_at()` entry. */
  readonly signalName: string | null;
  readonly from: string;
  readonly to: string;
}

export class TraceRing {
  private readonly times: Float64Array;
  private readonly signalNames: Array<string | null>;
  private readonly froms: string[];
  private readonly tos: string[];
  private readonly seqs: Float64Array;
  private head = 0;
  private count = 0;
  private nextSeq = 1;

  constructor(readonly capacity: number) {
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.signalNames = new Array<string | null>(capacity).fill(null);
    this.froms = new Array<string>(capacity).fill('');
    this.tos = new Array<string>(capacity).fill('');
  }

  get length(): number {
    return this.count;
  }

  /** Record an entry; returns its seq. */
  push(time: number, signalName: string | null, from: string, to: string): number {
    let slot = this.head + this.count;
    if (slot >= this.capacity) slot -= this.capacity;
    if (this.count === this.capacity) this.head = this.head + 1 === this.capacity ? 0 : this.head + 1;
    else this.count += 1;
    const seq = this.nextSeq++;
    this.times[slot] = time;
    this.seqs[slot] = seq;
    this.signalNames[slot] = signalName;
    this.froms[slot] = from;
    this.tos[slot] = to;
    return seq;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  /** The i-th entry, oldest first. */
  entry(i: number): TraceEntry {
    let slot = this.head + i;
    if (slot >= this.capacity) slot -= this.capacity;
    return {
      seq: this.seqs[slot]!,
      time: this.times[slot]!,
      signalName: this.signalNames[slot]!,
      from: this.froms[slot]!,
      to: this.tos[slot]!,
    };
  }

  newest(): TraceEntry | null {
    return this.count === 0 ? null : this.entry(this.count - 1);
  }
}
