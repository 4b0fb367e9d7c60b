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
 * with the record that arrived before it), except that a send always comes
 * before what it caused: a mesh message before its first reception (#place),
 * an inferred send — the sender's own move — before its `other_…`
 * reception (#keepSendsFirst). A record whose seq was already
 * added is ignored, so a replayed overlap after a reconnect is harmless.
 */
import type { MeshRecord, MirosRecord, SpyRecord, TraceRecord } from '../../records/MirosRecord.ts';
import type { SequenceModel, SequenceOptions, SequenceOrder } from '../SequenceModel.ts';
import { chartLetter } from './chartLetter.ts';
import { materializeSequence, type SequenceLookups } from './materializeSequence.ts';
import { ReceptionPairer, type PairingOptions } from './ReceptionPairer.ts';
import { byArrival, byBaseArrival, byBaseTimestamp, byTimestamp, type MessageEntry, type SequenceEntry, type StepEntry } from './sequenceEntries.ts';
import { insertSorted, lowerBound, upperBound } from './sortedArray.ts';
import { latestEntries } from './latestEntries.ts';
import { SeqSet } from './SeqSet.ts';
import { SpyTransitions } from '../../topology/spyTransitions.ts';
import { ReceptionInferrer, remoteSignal, type InferenceOptions } from './inferReceptions.ts';
import { pullBeforeFollowers } from './pullBeforeFollowers.ts';

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

interface Place {
  sortTime: number;
  at: number;
}

const baseOf = (e: SequenceEntry): Place => ({ sortTime: e.baseSortTime, at: e.baseAt });
const isMoved = (e: SequenceEntry): boolean => e.sortTime !== e.baseSortTime || e.at !== e.baseAt;
const seqOf = (entry: SequenceEntry, seq: number): number => entry.seq - seq;
const bySeqOrder = (a: SequenceEntry, b: SequenceEntry): number => a.seq - b.seq;

export class SequenceBuilder {
  readonly #compare: (a: SequenceEntry, b: SequenceEntry) => number;
  /** Order by base place (see sequenceEntries): the order before sends are put first. */
  readonly #baseCompare: (a: SequenceEntry, b: SequenceEntry) => number;
  readonly #pairer: ReceptionPairer;
  readonly #inferrer: ReceptionInferrer | undefined;
  /** Steps by arrival: the inferrer names receptions by id. */
  readonly #stepOf = new Map<number, StepEntry>();
  /** Receptions whose inferred send changed since the last check (see #keepSendsFirst). */
  readonly #sendChanged = new Set<number>();
  /** Entries whose place is not their base place (inside a run reordered for sends). */
  #moved = 0;
  /** The earliest place whose run must be reordered again before the next model (see #keepSendsFirst). */
  #dirty: Place | undefined;
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
    this.#baseCompare = options.order === 'timestamp' ? byBaseTimestamp : byBaseArrival;
    this.#pairer = new ReceptionPairer(options.pairing, (id) => this.#place(id));
    if (options.inferred !== false) this.#inferrer = new ReceptionInferrer(options.inference, (id) => this.#sendChanged.add(id));
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
    this.#keepSendsFirst();
    this.#version += 1;
  }

  /**
   * Says the input is complete (a saved log read whole): steps still held
   * back for spy-only charts, and their unfinished last steps, are added.
   */
  endOfInput(): void {
    for (const d of this.#spySteps.flush()) this.#addTrace(d.record, d.ticket);
    this.#keepSendsFirst();
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
    const sortTime = this.#sortTime(record.time);
    const step: StepEntry = {
      kind: 'step',
      arrival,
      seq: record.seq,
      time: record.time,
      sortTime,
      at: arrival,
      baseSortTime: sortTime,
      baseAt: arrival,
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
    // The inferrer names receptions (`other_…` steps) by id; only those are looked up.
    if (remoteSignal(record.signal) !== null) this.#stepOf.set(arrival, step);
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
      baseSortTime: sortTime,
      baseAt: arrival,
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
    // A late record landing among a reordered run: the run is reordered with it.
    if (this.#moved > 0 && at < this.#entries.length - 1) this.#markDirty(entry);
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
      // A reception a mesh message explains needs no inferred send before it any more.
      if (this.#stepOf.has(step.arrival)) this.#sendChanged.add(step.arrival);
      if (!first || this.#baseCompare(step, first) < 0) first = step;
    }
    const own = { ...message, baseSortTime: message.ownSortTime, baseAt: message.arrival };
    const place = first && this.#baseCompare(first, own) < 0 ? { sortTime: first.baseSortTime, at: first.baseAt - 0.5 } : { sortTime: message.ownSortTime, at: message.arrival };
    if (place.sortTime === message.baseSortTime && place.at === message.baseAt) return;
    if (this.#moved > 0) {
      // Reordered runs around: the message's old and new places are reordered at the end of the batch.
      this.#markDirty(message);
      this.#markDirty(place);
      if (isMoved(message)) this.#moved -= 1;
    }
    message.baseSortTime = place.sortTime;
    message.baseAt = place.at;
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

  /**
   * An inferred send is the sender's own step, numbered where its record
   * arrived; Python trace items arrive late, so in arrival order (and, for
   * equal stamps, in timestamp order) it can come after the reception it is
   * inferred to have caused. Then the send is pulled back to just before
   * that reception, together with the steps of its chart that must stay
   * before it and any mesh message that must stay before a pulled
   * reception (pullBeforeFollowers). Only the run from the reception on is
   * renumbered, each entry by the number of entries pulled in front of it.
   *
   * Why renumber rather than reserve: a reception does not know whether a
   * send will turn up, nor from which chart (or whether a mesh record will
   * explain it instead), so a number kept free before every `other_…`
   * reception would leave holes where none comes, and 1..N must each be
   * used once. The renumbering is bounded: nothing before the reception
   * moves — what the user saw before it keeps its number — and what moves
   * arrived between the reception and its late send (how late the sender's
   * records are: a fraction of a second on the networks we recorded).
   *
   * The order is a function of the records, not of how they were batched:
   * a reordered run is always rebuilt from its entries' base places (what
   * they would be without reordering), so the CLI reading a log whole and
   * the panel reading it live number it alike, and a send that stops being
   * the inferred one (a better send turned up) goes back to its place.
   */
  #keepSendsFirst(): void {
    for (const id of this.#sendChanged) {
      const reception = this.#stepOf.get(id)!;
      const send = this.#inferredSendOf(reception);
      if (send && send.n > reception.n) this.#markDirty(reception);
      // An earlier send of it may have been pulled in front of it: that run is rebuilt.
      else if (this.#moved > 0) {
        this.#markDirty(reception);
        this.#markDirty({ sortTime: reception.baseSortTime, at: reception.baseAt });
      }
    }
    this.#sendChanged.clear();
    const dirty = this.#dirty;
    if (dirty === undefined) return;
    this.#dirty = undefined;
    const entries = this.#entries;
    let from = lowerBound(entries, dirty, (entry, place) => this.#compare(entry, place as SequenceEntry));
    // Start where a run reordered before begins (places are only exchanged
    // within a run): the entries from `from` on must hold their own base places.
    let lowest: Place | undefined;
    for (let k = from; k < entries.length; k += 1) lowest = this.#lowerPlace(lowest, baseOf(entries[k]!));
    while (from > 0 && lowest !== undefined && this.#compare(lowest as SequenceEntry, entries[from]!) < 0) {
      from -= 1;
      lowest = this.#lowerPlace(lowest, baseOf(entries[from]!));
    }
    const run = entries.slice(from).sort(this.#baseCompare);
    // The previous step of each chart in the run: a chart's own steps keep their order.
    const previousOfChart = new Map<string, StepEntry>();
    const previous = new Map<StepEntry, StepEntry>();
    for (const entry of run) {
      if (isMoved(entry)) this.#moved -= 1;
      if (entry.kind !== 'step') continue;
      const last = previousOfChart.get(entry.chart);
      if (last) previous.set(entry, last);
      previousOfChart.set(entry.chart, entry);
    }
    const { order, brokeCycle } = pullBeforeFollowers<SequenceEntry>(run, (entry) => {
      if (entry.kind !== 'step') return [];
      const earlier: SequenceEntry[] = [];
      const last = previous.get(entry);
      if (last) earlier.push(last);
      const cause = this.#pairer.messageOf(entry.arrival);
      const message = cause === undefined ? undefined : this.#messages.get(cause);
      if (message) earlier.push(message);
      const send = message ? undefined : this.#inferredSendOf(entry);
      if (send) earlier.push(send);
      return earlier;
    });
    // The run's base places, ascending, are handed out in the new order, so
    // the list stays sorted for the binary searches of later records.
    const places = run.map((entry) => ({ sortTime: entry.baseSortTime, at: entry.baseAt }));
    order.forEach((entry, k) => {
      entry.sortTime = places[k]!.sortTime;
      entry.at = places[k]!.at;
      if (isMoved(entry)) this.#moved += 1;
      entries[from + k] = entry;
      entry.n = from + k + 1;
    });
    if (brokeCycle) {
      // A chart's steps may have swapped (rare: equal stamps only): its list is re-sorted.
      for (const chart of previousOfChart.keys()) {
        const track = this.#tracks.get(chart)!;
        track.steps.sort(this.#compare);
        track.first = track.steps[0]!;
      }
    }
    // The latest-of-prefix index, from the first reordered entry's seq on.
    const bySeq = this.#bySeq;
    const max = this.#prefixMax;
    let k = bySeq.length;
    for (const entry of run) k = Math.min(k, lowerBound(bySeq, entry.seq, seqOf));
    for (; k < bySeq.length; k += 1) {
      const before = k > 0 ? max[k - 1]! : bySeq[k]!;
      max[k] = this.#compare(bySeq[k]!, before) > 0 ? bySeq[k]! : before;
    }
  }

  #markDirty(place: Place): void {
    this.#dirty = this.#lowerPlace(this.#dirty, { sortTime: place.sortTime, at: place.at });
  }

  #lowerPlace(a: Place | undefined, b: Place): Place {
    return a !== undefined && this.#compare(a as SequenceEntry, b as SequenceEntry) <= 0 ? a : b;
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
