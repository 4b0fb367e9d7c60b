/**
 * A ring buffer of spy lines kept in compact form.
 *
 * miros stores formatted strings in a `deque(maxlen=…)`. Formatting
 * `SIGNAL:state` for every handler call dominates the cost of an
 * instrumented step, so we store the two name strings (pointers, no
 * allocation) plus a kind, and build the text only when someone reads it.
 * Reads return exactly the strings miros would have stored. Like a deque with
 * `maxlen`, a full ring drops its oldest line.
 */
export const CALL_LINE = 0; // `SIGNAL:state`
export const HOOK_LINE = 1; // `SIGNAL:state:HOOK`
export const TEXT_LINE = 2; // any text (START, POST_FIFO:X, scribbles, reflection)

export type SpyLineKind = typeof CALL_LINE | typeof HOOK_LINE | typeof TEXT_LINE;

export class SpyRing {
  private readonly kinds: Uint8Array;
  private readonly first: string[];
  private readonly second: string[];
  private head = 0;
  private count = 0;
  /** Lines ever pushed (including ones since dropped). */
  pushed = 0;

  constructor(readonly capacity: number) {
    this.kinds = new Uint8Array(capacity);
    this.first = new Array<string>(capacity).fill('');
    this.second = new Array<string>(capacity).fill('');
  }

  get length(): number {
    return this.count;
  }

  push(kind: SpyLineKind, a: string, b: string): void {
    let slot = this.head + this.count;
    if (slot >= this.capacity) slot -= this.capacity;
    if (this.count === this.capacity) {
      this.head = this.head + 1 === this.capacity ? 0 : this.head + 1;
    } else {
      this.count += 1;
    }
    this.kinds[slot] = kind;
    this.first[slot] = a;
    this.second[slot] = b;
    this.pushed += 1;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  /** The i-th line, oldest first. */
  lineAt(i: number): string {
    let slot = this.head + i;
    if (slot >= this.capacity) slot -= this.capacity;
    const kind = this.kinds[slot];
    if (kind === TEXT_LINE) return this.first[slot]!;
    const line = this.first[slot] + ':' + this.second[slot];
    return kind === HOOK_LINE ? line + ':HOOK' : line;
  }

  lines(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.lineAt(i);
    return out;
  }

  /** Append every line of this ring to `other` (RTC buffer → full spy). */
  appendTo(other: SpyRing): void {
    for (let i = 0; i < this.count; i++) {
      let slot = this.head + i;
      if (slot >= this.capacity) slot -= this.capacity;
      other.push(this.kinds[slot] as SpyLineKind, this.first[slot]!, this.second[slot]!);
    }
  }
}
