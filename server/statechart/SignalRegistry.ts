/**
 * The signal table: names to numbers, numbers to names.
 *
 * miros keeps one process-wide table that starts with ten reserved ("inner")
 * signals and numbers every other name by order of first use (11, 12, …).
 * Numbers therefore differ between processes; only names travel (see
 * `Event.dumps`). A registry is a class so that a test or the conformance
 * runner can get a fresh table (the "fresh process" the events case assumes);
 * charts use the global one in `signals.ts`.
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

export class SignalRegistry {
  private readonly numbers = new Map<string, number>();
  /** Index = signal number; slot 0 unused. */
  private readonly names: string[] = [''];

  constructor() {
    for (const name of RESERVED_SIGNALS) this.append(name);
  }

  /** Registers `name` if new; returns its number either way. */
  append(name: string): number {
    const known = this.numbers.get(name);
    if (known !== undefined) return known;
    if (typeof name !== 'string' || name.length === 0) {
      throw new TypeError(`signal name must be a non-empty string, got ${String(name)}`);
    }
    const n = this.names.length;
    this.names.push(name);
    this.numbers.set(name, n);
    return n;
  }

  /** The number of a registered name, or undefined (does not register). */
  numberOf(name: string): number | undefined {
    return this.numbers.get(name);
  }

  has(signal: string | number): boolean {
    return typeof signal === 'number'
      ? Number.isInteger(signal) && signal >= 1 && signal < this.names.length
      : this.numbers.has(signal);
  }

  /** miros `name_for_signal`; unknown numbers raise. */
  nameForSignal(signal: number): string {
    if (!this.has(signal)) throw new UnknownSignalError(`no signal has number ${signal}`);
    return this.names[signal]!;
  }

  /** True only for the ten reserved signals; unknown names are false and stay unregistered. */
  isInnerSignal(signal: string | number): boolean {
    const n = typeof signal === 'number' ? signal : this.numbers.get(signal);
    return n !== undefined && n >= 1 && n <= LAST_INNER_SIGNAL;
  }

  get size(): number {
    return this.names.length - 1;
  }

  /** The whole table, name → number, in numbering order. */
  toObject(): Record<string, number> {
    const table: Record<string, number> = {};
    for (let n = 1; n < this.names.length; n++) table[this.names[n]!] = n;
    return table;
  }
}
