/**
 * miros's two spy buffers — the run-to-completion (RTC) buffer (250 lines,
 * drops oldest) and the full spy (ring of the newest 500) — kept in one
 * journal so that committing a step costs nothing.
 *
 * miros appends every line to the RTC deque and, after a step, copies that
 * deque into the full spy. Here lines are appended once to a ring; the
 * positions say which buffer they belong to:
 *
 *        fullStart            committed         pos
 *   ... |=== full spy (≤500) ===|-- tentative --|
 *                     |===== RTC window (≤250) =====|
 *                     rtcStart
 *
 *   write      append a tentative line (it is in the RTC buffer only)
 *   clearRtc   drop the tentative lines; RTC window empty     (pos = committed)
 *   commitRtc  the RTC buffer joins the full spy               (committed = pos)
 *   writeBoth  a line for both buffers (queue reflection)
 *
 * Lines are stored compactly (kind + two name strings) and formatted on read
 * (see SpyRing's reasons); reads return exactly miros's strings. The rare
 * paths — more than 250 lines in one step, an RTC window that still holds
 * committed lines at commit time (miros then copies them twice) — move
 * lines so the result matches the two-deque behaviour.
 */
export const CALL_LINE = 0; // `SIGNAL:state`
export const HOOK_LINE = 1; // `SIGNAL:state:HOOK`
export const TEXT_LINE = 2; // any text (START, POST_FIFO:X, scribbles, reflection)

export type SpyLineKind = typeof CALL_LINE | typeof HOOK_LINE | typeof TEXT_LINE;

export class SpyJournal {
  /** Physical ring size: full spy + RTC window + at most one RTC window of dropped lines. */
  private readonly size: number;
  private readonly kinds: Uint8Array;
  private readonly first: string[];
  private readonly second: string[];
  /** Absolute positions (never wrap). */
  private pos = 0;
  /** `pos % size`, kept incrementally: a division per line is measurable. */
  private slot = 0;
  private committed = 0;
  private rtcStart = 0;
  private fullMark = 0;
  /** Lines ever appended to the full spy (observers use it to find new lines). */
  appendedToFull = 0;

  constructor(
    readonly rtcCapacity = 250,
    readonly fullCapacity = 500,
  ) {
    // +1: a write happens before the cap check that may compact.
    this.size = fullCapacity + 2 * rtcCapacity + 1;
    this.kinds = new Uint8Array(this.size);
    this.first = new Array<string>(this.size).fill('');
    this.second = new Array<string>(this.size).fill('');
  }

  get rtcLength(): number {
    return this.pos - this.rtcStart;
  }

  get fullLength(): number {
    return this.committed - this.fullStart();
  }

  /** Append a line to the RTC buffer. */
  write(kind: SpyLineKind, a: string, b: string): void {
    const slot = this.slot;
    this.kinds[slot] = kind;
    this.first[slot] = a;
    this.second[slot] = b;
    this.slot = slot + 1 === this.size ? 0 : slot + 1;
    this.pos += 1;
    if (this.pos - this.rtcStart > this.rtcCapacity) {
      this.rtcStart = this.pos - this.rtcCapacity;
      if (this.rtcStart - this.committed > this.rtcCapacity) this.rewriteWindowAtCommitted();
    }
  }

  clearRtc(): void {
    if (this.pos !== this.committed) this.rewind();
    this.rtcStart = this.committed;
  }

  /** Append the whole RTC buffer to the full spy (miros `full.spy.extend(rtc.spy)`). */
  commitRtc(): void {
    if (this.rtcStart !== this.committed) this.rewriteWindowAtCommitted();
    this.appendedToFull += this.pos - this.committed;
    this.committed = this.pos;
  }

  /** Append one line to both buffers. */
  writeBoth(kind: SpyLineKind, a: string, b: string): void {
    if (this.pos === this.committed) {
      this.write(kind, a, b);
      this.appendedToFull += 1;
      this.committed = this.pos;
      return;
    }
    // Tentative lines pending (not produced by the runtime's own call
    // order): the full spy gets the line after its committed lines, the RTC
    // buffer keeps its tentative lines and gets the line at its end.
    const pending = this.readRange(this.committed, this.pos);
    const windowStart = this.rtcStart;
    this.rewind();
    this.write(kind, a, b);
    this.appendedToFull += 1;
    this.committed = this.pos;
    for (const [k, x, y] of pending) this.write(k, x, y);
    this.rtcStart = Math.max(windowStart, this.pos - this.rtcCapacity);
  }

  clearFull(): void {
    this.fullMark = this.committed;
  }

  rtcLines(): string[] {
    return this.linesOf(this.rtcStart, this.pos);
  }

  fullLines(): string[] {
    return this.linesOf(this.fullStart(), this.committed);
  }

  /** The newest `count` lines of the full spy (at most what it holds). */
  newestFullLines(count: number): string[] {
    return this.linesOf(Math.max(this.fullStart(), this.committed - count), this.committed);
  }

  private fullStart(): number {
    return Math.max(this.fullMark, this.committed - this.fullCapacity);
  }

  private lineAt(position: number): string {
    const slot = position % this.size;
    const kind = this.kinds[slot];
    if (kind === TEXT_LINE) return this.first[slot]!;
    const line = this.first[slot] + ':' + this.second[slot];
    return kind === HOOK_LINE ? line + ':HOOK' : line;
  }

  private linesOf(from: number, to: number): string[] {
    const out = new Array<string>(to - from);
    for (let p = from; p < to; p++) out[p - from] = this.lineAt(p);
    return out;
  }

  private readRange(from: number, to: number): Array<[SpyLineKind, string, string]> {
    const out: Array<[SpyLineKind, string, string]> = [];
    for (let p = from; p < to; p++) {
      const slot = p % this.size;
      out.push([this.kinds[slot] as SpyLineKind, this.first[slot]!, this.second[slot]!]);
    }
    return out;
  }

  /**
   * Rewrite the RTC window so it starts at `committed`. Used when the RTC
   * cap pushed tentative lines out (they must never reach the full spy) and
   * when the window still holds committed lines at commit time (miros then
   * appends them to the full spy a second time).
   */
  private rewriteWindowAtCommitted(): void {
    const lines = this.readRange(this.rtcStart, this.pos);
    this.rewind();
    this.rtcStart = this.committed;
    for (const [k, a, b] of lines) this.write(k, a, b);
  }

  /** Drop every tentative line: the next write goes right after the committed ones. */
  private rewind(): void {
    this.pos = this.committed;
    this.slot = this.committed % this.size;
  }
}
