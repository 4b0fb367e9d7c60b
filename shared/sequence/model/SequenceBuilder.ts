/**
 * Builds the sequence-diagram model from records, incrementally, for live
 * views: `add` costs O(batch) (plus the distance a late record travels in
 * `order: 'timestamp'`), and `window` materialises only the part a view
 * shows, so a dashboard streaming 100,000 transitions never rebuilds the
 * whole model per batch.
 *
 *   records ──add──▶ entries (numbered, in diagram order)
 *                    per-chart step lists, first appearances
 *                    ReceptionPairer (mesh ⇄ receptions)
 *           ──window({ last | fromSeq..toSeq | chart })──▶ SequenceModel
 *
 * What becomes what:
 *   - trace record  → a numbered step of its chart, and a state note in the
 *                     system view; also a possible reception of a message;
 *   - mesh record   → a numbered message from its sender to the charts that
 *                     received it (see ReceptionPairer);
 *   - spy record    → evidence of a reception (`SIGNAL:state` lines); for a
 *                     chart with no trace line, the step it ends becomes a
 *                     step as a trace line would (shared/topology/spyTransitions);
 *   - meta record   → nothing.
 * Numbers run across all charts, by arrival (record seq, the default) or by
 * the records' `time` (stable for equal times; a record without a time sorts
 * with the record that arrived before it). A record whose seq was already
 * added is ignored, so a replayed overlap after a reconnect is harmless.
 */
import type { MeshRecord, MirosRecord, SpyRecord, TraceRecord } from '../../records/MirosRecord.ts';
import type { SequenceModel, SequenceOptions, SequenceOrder } from '../SequenceModel.ts';
import { chartLetter } from './chartLetter.ts';
import { materializeSequence, type SequenceLookups } from './materializeSequence.ts';
import { ReceptionPairer, type PairingOptions } from './ReceptionPairer.ts';
import { byArrival, byTimestamp, type MessageEntry, type SequenceEntry, type StepEntry } from './sequenceEntries.ts';
import { insertSorted, lowerBound, upperBound } from './sortedArray.ts';
import { latestEntries } from './latestEntries.ts';
import { SeqSet } from './SeqSet.ts';
import { SpyTransitions } from '../../topology/spyTransitions.ts';
import { ReceptionInferrer, type InferenceOptions } from './inferReceptions.ts';

export interface SequenceBuilderOptions {
  order?: SequenceOrder;
  pairing?: Partial<PairingOptions>;
  /** Infer arrows for `other_…` receptions no mesh message explains (default true; see inferReceptions). */
  inferred?: boolean;
  inference?: Partial<InferenceOptions>;
}

/** Which part of the model to materialise; all filters combine. */
export interface SequenceWindow {
  /** Only the latest `last` events (of `chart`'s steps when `chart` is given). */
  last?: number;
  /** Only records with fromSeq <= seq <= toSeq. */
  fromSeq?: number;
  toSeq?: number;
  /** Only this chart's diagram, and the system items that involve it. */
  chart?: string;
}

interface ChartTrack {
  /** The chart's steps in diagram order. */
  steps: StepEntry[];
  /** Its first step in diagram order (charts are lettered by it). */
  first: StepEntry;
  /** Where each of its states first appeared. */
  states: Map<string, FirstAppearance>;
}

interface FirstAppearance {
  entry: StepEntry;
  /** 0 when first seen as a source, 1 as a target. */
  role: 0 | 1;
}

const seqOf = (entry: SequenceEntry, seq: number): number => entry.seq - seq;
const bySeqOrder = (a: SequenceEntry, b: SequenceEntry): number => a.seq - b.seq;

export class SequenceBuilder {
  readonly #compare: (a: SequenceEntry, b: SequenceEntry) => number;
  readonly #pairer: ReceptionPairer;
  readonly #inferrer: ReceptionInferrer | undefined;
  /** Steps by arrival, for the inferred sends (the inferrer returns what it was given). */
  readonly #stepOf = new Map<number, StepEntry>();
  readonly #entries: SequenceEntry[] = [];
  readonly #bySeq: SequenceEntry[] = [];
  /** #prefixMax[k]: the entry latest in diagram order among #bySeq[0..k] (see latestEntries). */
  readonly #prefixMax: SequenceEntry[] = [];
  /** Per chart with steps: one lookup per transition instead of one per fact. */
  readonly #tracks = new Map<string, ChartTrack>();
  readonly #messages = new Map<number, MessageEntry>();
  readonly #knownCharts = new Set<string>();
  readonly #rank = new Map<string, number>();
  readonly #seen = new SeqSet();
  readonly #spySteps = new SpyTransitions();
  #arrival = 0;
  #lastTime = Number.NEGATIVE_INFINITY;
  #version = 0;
  #cached: { version: number; model: SequenceModel } | undefined;
  #chartOrder: { version: number; charts: string[]; letters: Map<string, string> } | undefined;

  constructor(options: SequenceBuilderOptions = {}) {
    this.#compare = options.order === 'timestamp' ? byTimestamp : byArrival;
    this.#pairer = new ReceptionPairer(options.pairing, (id) => this.#place(id));
    if (options.inferred !== false) this.#inferrer = new ReceptionInferrer(options.inference);
  }

  /** Number of numbered events (steps and messages) so far. */
  get size(): number {
    return this.#entries.length;
  }

  add(records: Iterable<MirosRecord>): void {
    for (const record of records) {
      if (record.kind === 'meta' || !this.#seen.add(record.seq)) continue;
      // A chart heard only on the spy network: its spy steps stand in for
      // trace lines, each placed just before the spy line that ended it.
      const ticket = record.kind === 'spy' ? this.#arrival++ : -1;
      for (const d of this.#spySteps.add(record, ticket)) this.#addTrace(d.record, d.ticket);
      const arrival = this.#arrival++;
      if (record.kind === 'trace') this.#addTrace(record, arrival);
      else if (record.kind === 'mesh') this.#addMesh(record, arrival);
      else this.#addSpy(record, arrival);
    }
    this.#version += 1;
  }

  /**
   * Says the input is complete (a saved log read whole): steps still held
   * back for spy-only charts, and their unfinished last steps, are added.
   */
  endOfInput(): void {
    for (const d of this.#spySteps.flush()) this.#addTrace(d.record, d.ticket);
    this.#version += 1;
  }

  /** The whole model (cached until the next `add`). */
  model(): SequenceModel {
    if (this.#cached?.version !== this.#version) {
      this.#cached = { version: this.#version, model: materializeSequence(this.#entries, this.#lookups()) };
    }
    return this.#cached.model;
  }

  /**
   * Part of the model. With `last`, costs O(last · log n) for a run in
   * order (see latestEntries) wherever the seq range ends — "the latest 50
   * steps up to the cursor" is as cheap deep in a long run as at its end;
   * without `last`, O(log n + k log k) for the k entries covered.
   */
  window(window: SequenceWindow): SequenceModel {
    const { chart, last, fromSeq, toSeq } = window;
    let entries: SequenceEntry[];
    if (fromSeq !== undefined || toSeq !== undefined) {
      const from = lowerBound(this.#bySeq, fromSeq ?? Number.NEGATIVE_INFINITY, seqOf);
      const to = upperBound(this.#bySeq, toSeq ?? Number.POSITIVE_INFINITY, seqOf);
      const accept = chart === undefined ? undefined : (e: SequenceEntry) => this.#involves(e, chart);
      if (last !== undefined) {
        return materializeSequence(latestEntries(this.#bySeq, this.#prefixMax, from, to, last, this.#compare, accept), this.#lookups());
      }
      entries = this.#bySeq.slice(from, to).sort((a, b) => a.n - b.n);
      if (accept) entries = entries.filter(accept);
    } else if (chart !== undefined) {
      const steps = this.#tracks.get(chart)?.steps ?? [];
      const shown = last === undefined ? steps : steps.slice(Math.max(0, steps.length - last));
      // Messages sent or received by the chart between its first and last
      // step shown, and those that caused the steps shown.
      let first = shown[0]?.n ?? 1;
      for (const step of shown) first = Math.min(first, this.#causeOf(step) ?? first);
      const end = shown.length > 0 ? shown[shown.length - 1]!.n : this.#entries.length;
      entries = this.#entries.slice(first - 1, end).filter((e) => this.#involves(e, chart));
    } else {
      entries = this.#entries;
    }
    if (last !== undefined && (chart === undefined || fromSeq !== undefined || toSeq !== undefined)) {
      entries = entries.slice(Math.max(0, entries.length - last));
    }
    return materializeSequence(entries, this.#lookups());
  }

  #addTrace(record: TraceRecord, arrival: number): void {
    const chart = record.chart ?? '';
    const step: StepEntry = {
      kind: 'step',
      arrival,
      seq: record.seq,
      time: record.time,
      sortTime: this.#sortTime(record.time),
      at: arrival,
      n: 0,
      chart,
      signal: record.signal,
      from: record.from,
      to: record.to,
      id: arrival,
      received: record.received,
    };
    // Assigned, not spread: this runs for every transition of a million-line log.
    if (record.payload !== undefined) step.payload = record.payload;
    this.#insert(step);
    let track = this.#tracks.get(chart);
    if (!track) {
      this.#tracks.set(chart, (track = { steps: [], first: step, states: new Map() }));
      this.#noteParticipant(chart);
      this.#knownCharts.add(chart);
    }
    insertSorted(track.steps, step, this.#compare);
    if (this.#compare(step, track.first) < 0) track.first = step;
    this.#noteState(track.states, step.from, step, 0);
    this.#noteState(track.states, step.to, step, 1);
    // The step is its own reception record (no second object per transition).
    this.#pairer.addReception(step);
    this.#inferrer?.add(step);
  }

  #addMesh(record: MeshRecord, arrival: number): void {
    const sortTime = this.#sortTime(record.time);
    const message: MessageEntry = {
      kind: 'message',
      arrival,
      seq: record.seq,
      time: record.time,
      sortTime,
      ownSortTime: sortTime,
      at: arrival,
      n: 0,
      signal: record.signal,
      payload: record.payload,
      address: record.sender ?? record.node,
      ...(record.correlation && { correlationChart: record.correlation.chart }),
    };
    this.#insert(message);
    this.#messages.set(arrival, message);
    if (message.correlationChart !== undefined) this.#knownCharts.add(message.correlationChart);
    this.#noteParticipant(message.correlationChart ?? (typeof record.payload === 'string' ? record.payload : ''));
    this.#noteParticipant(message.address ?? '');
    const excluded = [message.correlationChart, record.payload].filter((c): c is string => typeof c === 'string');
    this.#pairer.addMessage({ id: arrival, signal: record.signal, time: record.time, received: record.received, excluded });
  }

  #addSpy(record: SpyRecord, arrival: number): void {
    if (record.chart === null) return;
    this.#knownCharts.add(record.chart);
    this.#noteParticipant(record.chart);
    if (record.signal === undefined) return;
    this.#pairer.addReception({ id: arrival, chart: record.chart, signal: record.signal, time: record.time, received: record.received });
  }

  #sortTime(time: number | null): number {
    if (time !== null) this.#lastTime = time;
    return this.#lastTime;
  }

  #insert(entry: SequenceEntry): void {
    const at = insertSorted(this.#entries, entry, this.#compare);
    // Everything after a late record moves down one number.
    for (let k = at; k < this.#entries.length; k += 1) this.#entries[k]!.n = k + 1;
    const k = insertSorted(this.#bySeq, entry, bySeqOrder);
    const max = this.#prefixMax;
    const before = k > 0 ? max[k - 1]! : entry;
    const latest = this.#compare(entry, before) > 0 ? entry : before;
    if (k === max.length) max.push(latest);
    else max.splice(k, 0, latest);
    // A record that arrived late may now be the latest of every prefix after it.
    for (let j = k + 1; j < max.length && this.#compare(max[j]!, entry) < 0; j += 1) max[j] = entry;
  }

  /**
   * Puts a message whose receptions changed where it belongs: at its own
   * place, or just before its first reception when that comes earlier (see
   * sequenceEntries), renumbering the entries between the two places.
   */
  #place(messageId: number): void {
    const message = this.#messages.get(messageId);
    if (!message) return;
    let first: StepEntry | undefined;
    for (const reception of this.#pairer.receptionsOf(messageId)) {
      // Spy lines are evidence only; the numbered receptions are the steps.
      if ((reception as StepEntry).kind !== 'step') continue;
      const step = reception as StepEntry;
      if (!first || this.#compare(step, first) < 0) first = step;
    }
    const own = { ...message, sortTime: message.ownSortTime, at: message.arrival };
    const place = first && this.#compare(first, own) < 0 ? { sortTime: first.sortTime, at: first.at - 0.5 } : own;
    if (place.sortTime === message.sortTime && place.at === message.at) return;
    const entries = this.#entries;
    const from = message.n - 1;
    entries.splice(from, 1);
    message.sortTime = place.sortTime;
    message.at = place.at;
    const to = insertSorted(entries, message, this.#compare);
    for (let k = Math.min(from, to); k <= Math.max(from, to); k += 1) entries[k]!.n = k + 1;
    // The latest-of-prefix index, from the message's seq on, until it agrees again.
    const bySeq = this.#bySeq;
    const max = this.#prefixMax;
    let k = lowerBound(bySeq, message.seq, seqOf);
    for (; k < bySeq.length; k += 1) {
      const before = k > 0 ? max[k - 1]! : bySeq[k]!;
      const latest = this.#compare(bySeq[k]!, before) > 0 ? bySeq[k]! : before;
      if (latest === max[k] && latest !== message && bySeq[k] !== message) break;
      max[k] = latest;
    }
    this.#version += 1;
  }

  #noteState(states: Map<string, FirstAppearance>, state: string, entry: StepEntry, role: 0 | 1): void {
    const known = states.get(state);
    // Compared before allocating: almost every step shows states already seen.
    if (!known || this.#compare(entry, known.entry) < 0) states.set(state, { entry, role });
  }

  #noteParticipant(name: string): void {
    if (name !== '' && !this.#rank.has(name)) this.#rank.set(name, this.#rank.size);
  }

  #senderOf(message: MessageEntry): string {
    if (message.correlationChart !== undefined) return message.correlationChart;
    if (typeof message.payload === 'string' && this.#knownCharts.has(message.payload)) return message.payload;
    return message.address ?? 'unknown sender';
  }

  #involves(entry: SequenceEntry, chart: string): boolean {
    if (entry.kind === 'step') return entry.chart === chart;
    return this.#senderOf(entry) === chart || this.#pairer.receiversOf(entry.arrival).includes(chart);
  }

  #causeOf(step: StepEntry): number | undefined {
    const id = this.#pairer.messageOf(step.arrival);
    return id === undefined ? undefined : this.#messages.get(id)?.n;
  }

  /**
   * The move inferred to have sent a step's `other_…` event: undefined when
   * a mesh message explains it (those take precedence) or it is no such
   * event, null when no send was seen.
   */
  #inferredSendOf(step: StepEntry): StepEntry | null | undefined {
    if (!this.#inferrer || this.#pairer.messageOf(step.arrival) !== undefined) return undefined;
    const send = this.#inferrer.sendOf(step.arrival);
    return send === undefined || send === null ? send : (send as StepEntry);
  }

  #lookups(): SequenceLookups {
    if (this.#chartOrder?.version !== this.#version) {
      const charts = [...this.#tracks].sort((a, b) => this.#compare(a[1].first, b[1].first)).map(([chart]) => chart);
      this.#chartOrder = { version: this.#version, charts, letters: new Map(charts.map((c, k) => [c, chartLetter(k)])) };
    }
    const { charts, letters } = this.#chartOrder;
    return {
      chartOrder: charts,
      letterOf: (chart) => letters.get(chart) ?? '?',
      orderStates: (chart, states) => {
        const first = this.#tracks.get(chart)!.states;
        return [...states].sort((a, b) => {
          const x = first.get(a)!;
          const y = first.get(b)!;
          return this.#compare(x.entry, y.entry) || x.role - y.role;
        });
      },
      senderOf: (message) => this.#senderOf(message),
      receiversOf: (message) => this.#pairer.receiversOf(message.arrival),
      causeOf: (step) => this.#causeOf(step),
      inferredSendOf: (step) => this.#inferredSendOf(step),
      rankOf: (participant) => this.#rank.get(participant) ?? Number.MAX_SAFE_INTEGER,
    };
  }
}

/** The model of a finished list of records, optionally limited to a seq range. */
export function buildSequenceModel(records: readonly MirosRecord[], options: SequenceOptions = {}): SequenceModel {
  const builder = new SequenceBuilder({ ...(options.order && { order: options.order }), ...(options.inferred === false && { inferred: false }) });
  builder.add(records);
  builder.endOfInput();
  const { fromSeq, toSeq } = options.range ?? {};
  return fromSeq === undefined && toSeq === undefined ? builder.model() : builder.window({ fromSeq, toSeq });
}
