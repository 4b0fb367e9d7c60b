/**
 * Inferred cross-chart arrows, for logs without mesh records: saved logs and
 * Python nodes carry trace and spy lines only, so nothing says which chart
 * sent the `other_to_inner` that moved chart B. miros-rabbitmq's convention
 * names an event from another chart `other_<signal>`; this pairs each such
 * reception with the most plausible send:
 *
 *     A  [t0] e->to_inner() outer->inner          the move that transmits
 *     B  [t1] e->other_to_inner() outer->inner    the reception, t0 <= t1 <= t0 + windowMs
 *
 * A candidate send is a step of another chart (A ≠ B) stamped at or before
 * the reception (never after), at most `windowMs` earlier. Among candidates,
 * in this order:
 *   0. a step of the chart the reception's payload names (the examples send
 *      their own name as payload);
 *   1. a move named after the signal: caused by `X` (`to_inner` sends
 *      `other_to_inner`), or into a state named `X` (entering `night` sends
 *      `other_night`);
 *   2. any other move of another chart (charts also transmit on moves named
 *      otherwise: a charger tells its stage on every change);
 * and within a rank the closest preceding one. A step that is itself a
 * reception of the same `other_X` is never its send: with the page's echo
 * design it re-transmits, but every chart heard the original broadcast too.
 *
 * Times are compared on one clock: each step's own stamp when both have
 * one (the sender's clock, not arrival order), else `received`.
 *
 * Incremental (the builder feeds it live): a step costs O(log n + k), k
 * being the steps inside the window around it. `onChange` is told of each
 * reception whose inferred send changed.
 */
import { KeyedList } from './KeyedList.ts';

export interface InferenceOptions {
  /**
   * How long a send may precede its reception (ms). Our demo recording with
   * mesh records (tests/fixtures/recordings/) puts the true send→reception
   * delays (stamp to stamp) at -7…143 ms, median 14 ms, over 243 pairs;
   * 500 ms keeps every one with room for a slower network, and widening
   * it to 2000 ms changes no pairing there (see docs/sequence.md).
   */
  windowMs: number;
}

export const DEFAULT_INFERENCE: InferenceOptions = { windowMs: 500 };

/** What every drawing with inferred arrows says about them. */
export const INFERENCE_NOTE =
  `inferred arrows (dashed, marked ?): no mesh record, so each other_X reception is paired with the closest ` +
  `preceding move of another chart (a move named X first) within ${DEFAULT_INFERENCE.windowMs} ms`;

export const OTHER_PREFIX = 'other_';

export interface InferenceStep {
  id: number;
  chart: string;
  signal: string;
  payload?: string;
  to: string;
  /** The step's own stamp (ms), or null. */
  time: number | null;
  /** When it was received (ms). */
  received: number;
}

interface Choice {
  send: InferenceStep;
  rank: number;
  delta: number;
}

/** The signal a reception stands for (`other_to_inner` → `to_inner`), or null for a chart's own event. */
export function remoteSignal(signal: string): string | null {
  return signal.startsWith(OTHER_PREFIX) && signal.length > OTHER_PREFIX.length ? signal.slice(OTHER_PREFIX.length) : null;
}

export class ReceptionInferrer {
  readonly #options: InferenceOptions;
  readonly #stepsByTime = new KeyedList<InferenceStep>();
  readonly #stepsByReceived = new KeyedList<InferenceStep>();
  readonly #receptionsByTime = new KeyedList<InferenceStep>();
  readonly #receptionsByReceived = new KeyedList<InferenceStep>();
  readonly #choice = new Map<number, Choice | null>();
  readonly #onChange: ((receptionId: number) => void) | undefined;

  constructor(options: Partial<InferenceOptions> = {}, onChange?: (receptionId: number) => void) {
    this.#options = { ...DEFAULT_INFERENCE, ...options };
    this.#onChange = onChange;
  }

  add(step: InferenceStep): void {
    const { windowMs } = this.#options;
    this.#stepsByReceived.insert(step.received, step);
    if (step.time !== null) this.#stepsByTime.insert(step.time, step);
    // Receptions this step may now explain better (it can only send to later
    // ones). Each is reached once: by stamp when both have one, else by arrival.
    const reconsider = (reception: InferenceStep): void => {
      const offer = this.#offer(reception, step);
      if (!offer) return;
      const current = this.#choice.get(reception.id) ?? null;
      if (!current || better(offer, current)) this.#set(reception, offer);
    };
    if (step.time !== null) {
      const [lo, hi] = this.#receptionsByTime.range(step.time, step.time + windowMs);
      for (let k = lo; k < hi; k++) reconsider(this.#receptionsByTime.items[k]!);
    }
    const [lo, hi] = this.#receptionsByReceived.range(step.received, step.received + windowMs);
    for (let k = lo; k < hi; k++) {
      const r = this.#receptionsByReceived.items[k]!;
      if (step.time === null || r.time === null) reconsider(r);
    }
    if (remoteSignal(step.signal) === null) return;
    this.#receptionsByReceived.insert(step.received, step);
    if (step.time !== null) this.#receptionsByTime.insert(step.time, step);
    this.#set(step, this.#best(step));
  }

  /** Whether the step is a reception (`other_…`) this inferrer has seen. */
  isReception(id: number): boolean {
    return this.#choice.has(id);
  }

  /** The inferred send of a reception: the step, null when no send was seen, undefined for a step that is no reception. */
  sendOf(receptionId: number): InferenceStep | null | undefined {
    const choice = this.#choice.get(receptionId);
    return choice === undefined ? undefined : (choice?.send ?? null);
  }

  #best(reception: InferenceStep): Choice | null {
    const { windowMs } = this.#options;
    let best: Choice | null = null;
    const consider = (send: InferenceStep): void => {
      const offer = this.#offer(reception, send);
      if (offer && (!best || better(offer, best))) best = offer;
    };
    if (reception.time !== null) {
      const [lo, hi] = this.#stepsByTime.range(reception.time - windowMs, reception.time);
      for (let k = lo; k < hi; k++) consider(this.#stepsByTime.items[k]!);
    }
    const [lo, hi] = this.#stepsByReceived.range(reception.received - windowMs, reception.received);
    for (let k = lo; k < hi; k++) {
      const send = this.#stepsByReceived.items[k]!;
      if (reception.time === null || send.time === null) consider(send);
    }
    return best;
  }

  /** How `send` would explain `reception`, or null when it cannot. */
  #offer(reception: InferenceStep, send: InferenceStep): Choice | null {
    if (send.chart === reception.chart || send.id === reception.id) return null;
    if (send.signal === reception.signal) return null;
    const bothStamped = send.time !== null && reception.time !== null;
    const delta = bothStamped ? reception.time! - send.time! : reception.received - send.received;
    if (delta < 0 || delta > this.#options.windowMs) return null;
    const remote = reception.signal.slice(OTHER_PREFIX.length);
    const rank = reception.payload !== undefined && reception.payload === send.chart ? 0 : send.signal === remote || send.to === remote ? 1 : 2;
    return { send, rank, delta };
  }

  #set(reception: InferenceStep, choice: Choice | null): void {
    const had = this.#choice.get(reception.id);
    this.#choice.set(reception.id, choice);
    if (had === undefined || had?.send !== choice?.send) this.#onChange?.(reception.id);
  }
}

/** Lower rank first, then the closest preceding send, then the earlier step. */
function better(a: Choice, b: Choice): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.delta !== b.delta) return a.delta < b.delta;
  return a.send.id < b.send.id;
}

/** Every reception of a finished list of steps with its inferred send (null: no send seen). */
export function inferReceptions(steps: Iterable<InferenceStep>, options: Partial<InferenceOptions> = {}): Map<number, InferenceStep | null> {
  const inferrer = new ReceptionInferrer(options);
  const receptions: InferenceStep[] = [];
  for (const step of steps) {
    inferrer.add(step);
    if (remoteSignal(step.signal) !== null) receptions.push(step);
  }
  return new Map(receptions.map((r) => [r.id, inferrer.sendOf(r.id) ?? null]));
}
