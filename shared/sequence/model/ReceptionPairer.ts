/**
 * Pairs mesh messages with the receptions they caused, for the system view's
 * cross-chart arrows.
 *
 * miros-rabbitmq puts no message id on the wire, so a reception is
 * recognised by its signal and its time: a trace or spy record of another
 * chart whose event has the message's signal, shortly after the message.
 *
 *      mesh  other_to_inner (from 04ccc_ao) ───────────┐  t
 *      trace [2771f_ao] e->other_to_inner() outer->inner   t + 0..windowMs
 *      spy   2771f_ao other_to_inner:outer                 (same reception)
 *
 * Rules:
 *   - a reception belongs to at most one message: the latest one with its
 *     signal at or before it (within `windowMs`), else the nearest one just
 *     after it (within `skewMs`: the relay may see a trace before the mesh
 *     message, and machines' clocks differ);
 *   - a chart never receives a message whose sender it is, nor one whose
 *     payload is its own name (miros-rabbitmq charts ignore those);
 *   - times are compared on one clock: the records' own `time` when both
 *     have one, else `received` (mesh messages from Python and spy lines
 *     carry no time of their own);
 *   - records may come in any order: a message arriving after its receptions
 *     claims them if it is the better match.
 *
 * Work per record is O(log n + k), k being the records of that signal inside
 * the window.
 */
import { KeyedList } from './KeyedList.ts';

export interface PairingOptions {
  /** How long after a message a reception may follow (ms, default 2000). */
  windowMs: number;
  /** How long before a message a reception may appear (ms, default 500). */
  skewMs: number;
}

export const DEFAULT_PAIRING: PairingOptions = { windowMs: 2000, skewMs: 500 };

/** Told the id of each message whose receptions changed (the builder re-places it before the first). */
export type PairingListener = (messageId: number) => void;

interface Timed {
  id: number;
  signal: string;
  /** The record's own time (ms), or null. */
  time: number | null;
  /** When it was received (ms). */
  received: number;
}

export interface PairedMessage extends Timed {
  /** Charts that cannot be receivers (the sender, a chart named by the payload). */
  excluded: readonly string[];
}

export interface PairedReception extends Timed {
  chart: string;
}

interface SignalIndex {
  messagesByTime: KeyedList<PairedMessage>;
  messagesByReceived: KeyedList<PairedMessage>;
  receptionsByTime: KeyedList<PairedReception>;
  receptionsByReceived: KeyedList<PairedReception>;
  /**
   * Receptions not indexed yet: until a message with the signal exists,
   * nothing can ask for them (most transitions of a trace never meet one),
   * so they only wait in arrival order.
   */
  waiting: PairedReception[];
}

export class ReceptionPairer {
  readonly #options: PairingOptions;
  readonly #signals = new Map<string, SignalIndex>();
  readonly #messageOf = new Map<number, PairedMessage>();
  /** message id → chart → its receptions in that chart, by id. */
  readonly #receivers = new Map<number, Map<string, Map<number, PairedReception>>>();
  readonly #onChange: PairingListener | undefined;

  constructor(options: Partial<PairingOptions> = {}, onChange?: PairingListener) {
    this.#options = { ...DEFAULT_PAIRING, ...options };
    this.#onChange = onChange;
  }

  addMessage(message: PairedMessage): void {
    const index = this.#index(message.signal);
    if (index.waiting.length > 0) {
      for (const reception of index.waiting) this.#indexReception(index, reception);
      index.waiting = [];
    }
    index.messagesByReceived.insert(message.received, message);
    if (message.time !== null) index.messagesByTime.insert(message.time, message);
    // Receptions this message may now explain better than their current one.
    const { windowMs, skewMs } = this.#options;
    const candidates = new Set<PairedReception>();
    if (message.time !== null) {
      const byTime = index.receptionsByTime;
      const [lo, hi] = byTime.range(message.time - skewMs, message.time + windowMs);
      for (let k = lo; k < hi; k++) candidates.add(byTime.items[k]!);
    }
    const byReceived = index.receptionsByReceived;
    const [lo, hi] = byReceived.range(message.received - skewMs, message.received + windowMs);
    for (let k = lo; k < hi; k++) {
      const item = byReceived.items[k]!;
      if (message.time === null || item.time === null) candidates.add(item);
    }
    for (const reception of candidates) this.#assign(reception, this.#best(reception, index));
  }

  addReception(reception: PairedReception): void {
    const index = this.#index(reception.signal);
    // No message with this signal yet (most transitions of a trace): nothing to pair, nothing paired before.
    if (index.messagesByReceived.length === 0) {
      index.waiting.push(reception);
      return;
    }
    this.#indexReception(index, reception);
    this.#assign(reception, this.#best(reception, index));
  }

  #indexReception(index: SignalIndex, reception: PairedReception): void {
    index.receptionsByReceived.insert(reception.received, reception);
    if (reception.time !== null) index.receptionsByTime.insert(reception.time, reception);
  }

  /** The charts that received a message, in order of their first reception. */
  receiversOf(messageId: number): string[] {
    const charts = this.#receivers.get(messageId);
    if (!charts) return [];
    return [...charts]
      .map(([chart, receptions]) => ({ chart, first: Math.min(...receptions.keys()) }))
      .sort((a, b) => a.first - b.first)
      .map((r) => r.chart);
  }

  /** Every reception paired with a message, in no particular order. */
  receptionsOf(messageId: number): PairedReception[] {
    const charts = this.#receivers.get(messageId);
    return charts ? [...charts.values()].flatMap((receptions) => [...receptions.values()]) : [];
  }

  /** The message a reception was paired with, if any. */
  messageOf(receptionId: number): number | undefined {
    return this.#messageOf.get(receptionId)?.id;
  }

  #index(signal: string): SignalIndex {
    let index = this.#signals.get(signal);
    if (!index) {
      index = {
        messagesByTime: new KeyedList(),
        messagesByReceived: new KeyedList(),
        receptionsByTime: new KeyedList(),
        receptionsByReceived: new KeyedList(),
        waiting: [],
      };
      this.#signals.set(signal, index);
    }
    return index;
  }

  #best(reception: PairedReception, index: SignalIndex): PairedMessage | undefined {
    const { windowMs, skewMs } = this.#options;
    let best: { message: PairedMessage; late: boolean; distance: number } | undefined;
    const consider = (message: PairedMessage, delta: number): void => {
      if (message.excluded.includes(reception.chart)) return;
      const late = delta < 0;
      const distance = Math.abs(delta);
      const better =
        !best ||
        (best.late !== late ? !late : best.distance !== distance ? distance < best.distance : message.id < best.message.id);
      if (better) best = { message, late, distance };
    };
    if (reception.time !== null) {
      const { keys, items } = index.messagesByTime;
      const [lo, hi] = index.messagesByTime.range(reception.time - windowMs, reception.time + skewMs);
      for (let k = lo; k < hi; k++) consider(items[k]!, reception.time - keys[k]!);
    }
    const received = reception.received;
    const { keys, items } = index.messagesByReceived;
    const [lo, hi] = index.messagesByReceived.range(received - windowMs, received + skewMs);
    for (let k = lo; k < hi; k++) {
      if (reception.time === null || items[k]!.time === null) consider(items[k]!, received - keys[k]!);
    }
    return best?.message;
  }

  #assign(reception: PairedReception, message: PairedMessage | undefined): void {
    const previous = this.#messageOf.get(reception.id);
    if (previous === message) return;
    if (previous) {
      const receptions = this.#receivers.get(previous.id)?.get(reception.chart);
      receptions?.delete(reception.id);
      if (receptions?.size === 0) this.#receivers.get(previous.id)!.delete(reception.chart);
      this.#messageOf.delete(reception.id);
      this.#onChange?.(previous.id);
    }
    if (!message) return;
    this.#messageOf.set(reception.id, message);
    let charts = this.#receivers.get(message.id);
    if (!charts) this.#receivers.set(message.id, (charts = new Map()));
    let receptions = charts.get(reception.chart);
    if (!receptions) charts.set(reception.chart, (receptions = new Map()));
    receptions.set(reception.id, reception);
    this.#onChange?.(message.id);
  }
}
