/**
 * The signal table: names to numbers, numbers to names.
 *
 * miros keeps one process-wide table that starts with ten reserved ("inner")
 * signals and numbers every other name by order of first use (11, 12, …).
 * Numbers therefore differ between processes; only names travel (see
 * `Event.dumps`). A registry is a class so that a test or the conformance
 * runner can get a fresh table (the "fresh process" the events case assumes);
 * charts use the global one in `signals.ts`.
 *
 * Names heard from the network are different (issue 9): miros registers every
 * name it hears for good, so a peer sending distinct names — 400 names of
 * 500 kB added 230 MB to each chart — grows every process without bound.
 * A heard name that no code uses is therefore *foreign*: it gets the next
 * number as in miros (so numbers still follow first use), but is kept only in
 * a small table of the most recently heard ones (at most `foreignLimit` names
 * and `foreignChars` characters); the oldest is forgotten first and its
 * number is never reused. A chart can only react to a foreign name by its
 * text (`e.signalName`) — any code that compares numbers (`signals.X`) has
 * registered X, which makes it a defined name. When code registers a name
 * that is still foreign it keeps the number it was heard with, so events
 * already queued still match.
 */
import { UnknownSignalError } from './StatechartError.ts';

/** The reserved signals, in miros's order (numbers 1–10). */
export const RESERVED_SIGNALS = [
  'ENTRY_SIGNAL',
  'EXIT_SIGNAL',
  'INIT_SIGNAL',
  'REFLECTION_SIGNAL',
  'EMPTY_SIGNAL',
  'SEARCH_FOR_SUPER_SIGNAL',
  'STOP_FABRIC_SIGNAL',
  'STOP_ACTIVE_OBJECT_SIGNAL',
  'SUBSCRIBE_META_SIGNAL',
  'PUBLISH_META_SIGNAL',
] as const;

export type ReservedSignalName = (typeof RESERVED_SIGNALS)[number];

/** Highest reserved number; every number 1..this is an inner signal. */
export const LAST_INNER_SIGNAL = RESERVED_SIGNALS.length;

export interface SignalRegistryOptions {
  /** Most foreign (network-heard, not defined) names remembered at once (default 1,000). */
  foreignLimit?: number;
  /** Most characters of foreign names remembered at once (default 1,048,576). */
  foreignChars?: number;
}

/**
 * Signal names to numbers and back, with miros's reserved signals first.
 *
 * @remarks miros: `SignalSource` (miros.event), the class of `signals`; a class here so tests can
 * start from a fresh table.
 */
export class SignalRegistry {
  readonly #numbers = new Map<string, number>();
  /** Defined names by number, in numbering order. */
  readonly #names = new Map<number, string>();
  /** Foreign names, least recently heard first (a Map keeps insertion order). */
  readonly #foreign = new Map<string, number>();
  readonly #foreignByNumber = new Map<number, string>();
  #foreignCharsHeld = 0;
  #next = 1;
  readonly foreignLimit: number;
  readonly foreignChars: number;

  constructor(options: SignalRegistryOptions = {}) {
    this.foreignLimit = options.foreignLimit ?? 1_000;
    this.foreignChars = options.foreignChars ?? 1024 * 1024;
    for (const name of RESERVED_SIGNALS) this.append(name);
  }

  /**
   * Registers `name` if new (for good: code defines it); returns its number either way.
   *
   * @remarks miros: `signals.append(name)`
   */
  append(name: string): number {
    const known = this.#numbers.get(name);
    if (known !== undefined) return known;
    if (typeof name !== 'string' || name.length === 0) {
      throw new TypeError(`signal name must be a non-empty string, got ${String(name)}`);
    }
    const heard = this.#foreign.get(name);
    if (heard !== undefined) this.#forget(name, heard);
    const n = heard ?? this.#next++;
    this.#names.set(n, name);
    this.#numbers.set(name, n);
    return n;
  }

  /**
   * The number for a name heard from the network: a defined name's number,
   * else a foreign number that is remembered only while the name is among
   * the most recently heard (see the header).
   */
  appendForeign(name: string): number {
    const known = this.#numbers.get(name);
    if (known !== undefined) return known;
    if (typeof name !== 'string' || name.length === 0) {
      throw new TypeError(`signal name must be a non-empty string, got ${String(name)}`);
    }
    const heard = this.#foreign.get(name);
    if (heard !== undefined) {
      // Most recently heard goes last.
      this.#foreign.delete(name);
      this.#foreign.set(name, heard);
      return heard;
    }
    const n = this.#next++;
    this.#foreign.set(name, n);
    this.#foreignByNumber.set(n, name);
    this.#foreignCharsHeld += name.length;
    for (const [oldest, number] of this.#foreign) {
      if (this.#foreign.size <= this.foreignLimit && this.#foreignCharsHeld <= this.foreignChars) break;
      if (oldest === name) break; // the name just heard stays, whatever its length
      this.#forget(oldest, number);
    }
    return n;
  }

  /** Foreign names remembered now. */
  get foreignSize(): number {
    return this.#foreign.size;
  }

  /** The number of a registered name, or undefined (does not register). */
  numberOf(name: string): number | undefined {
    return this.#numbers.get(name);
  }

  has(signal: string | number): boolean {
    return typeof signal === 'number' ? this.#names.has(signal) || this.#foreignByNumber.has(signal) : this.#numbers.has(signal);
  }

  /**
   * miros `name_for_signal`; unknown numbers raise (so do foreign ones no longer remembered).
   *
   * @remarks miros: `signals.name_for_signal(n)`
   */
  nameForSignal(signal: number): string {
    const name = this.#names.get(signal) ?? this.#foreignByNumber.get(signal);
    if (name === undefined) throw new UnknownSignalError(`no signal has number ${signal}`);
    return name;
  }

  /**
   * True only for the ten reserved signals; unknown names are false and stay unregistered.
   *
   * @remarks miros: `signals.is_inner_signal(x)`
   */
  isInnerSignal(signal: string | number): boolean {
    const n = typeof signal === 'number' ? signal : this.#numbers.get(signal);
    return n !== undefined && n >= 1 && n <= LAST_INNER_SIGNAL;
  }

  /** Defined names (foreign ones are not counted). */
  get size(): number {
    return this.#names.size;
  }

  /** The defined names, name → number, in numbering order. */
  toObject(): Record<string, number> {
    const table: Record<string, number> = {};
    for (const [n, name] of this.#names) table[name] = n;
    return table;
  }

  #forget(name: string, number: number): void {
    this.#foreign.delete(name);
    this.#foreignByNumber.delete(number);
    this.#foreignCharsHeld -= name.length;
  }
}
