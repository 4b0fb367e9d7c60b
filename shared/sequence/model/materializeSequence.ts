/**
 * Turns a run of builder entries (in diagram order) into the public
 * {@link SequenceModel}: per-chart diagrams and the system view. Fresh
 * objects every call, so a view can keep an old model while a newer one is
 * built (React compares by identity).
 */
import type { ChartDiagram, SequenceModel, SystemItem } from '../SequenceModel.ts';
import type { MessageEntry, SequenceEntry, StepEntry } from './sequenceEntries.ts';

/** What the builder knows beyond the entries themselves. */
export interface SequenceLookups {
  /** Charts with steps, in letter order (A first). */
  chartOrder: readonly string[];
  letterOf(chart: string): string;
  /** The given states of a chart in order of first appearance. */
  orderStates(chart: string, states: ReadonlySet<string>): string[];
  /** The lifeline a message is drawn from. */
  senderOf(message: MessageEntry): string;
  receiversOf(message: MessageEntry): string[];
  /** `n` of the message a step was the reception of. */
  causeOf(step: StepEntry): number | undefined;
  /** The move inferred to have sent a step's `other_…` event (null: none seen; undefined: not inferred). */
  inferredSendOf(step: StepEntry): StepEntry | null | undefined;
  /** First-seen rank of a participant that is not a lettered chart. */
  rankOf(participant: string): number;
}

export function materializeSequence(entries: readonly SequenceEntry[], lookups: SequenceLookups): SequenceModel {
  const stepsByChart = new Map<string, StepEntry[]>();
  const items: SystemItem[] = [];
  const participants = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === 'step') {
      let steps = stepsByChart.get(entry.chart);
      if (!steps) stepsByChart.set(entry.chart, (steps = []));
      steps.push(entry);
      participants.add(entry.chart);
      const causedBy = lookups.causeOf(entry);
      const send = causedBy === undefined ? lookups.inferredSendOf(entry) : undefined;
      if (send) {
        // The inferred send, drawn as an arrow into this reception.
        participants.add(send.chart);
        items.push({ type: 'message', n: send.n, seq: send.seq, time: send.time, signal: entry.signal, from: send.chart, to: [entry.chart], inferred: true });
      }
      items.push({
        type: 'state',
        n: entry.n,
        seq: entry.seq,
        time: entry.time,
        chart: entry.chart,
        signal: entry.signal,
        ...(entry.payload !== undefined && { payload: entry.payload }),
        from: entry.from,
        to: entry.to,
        ...(causedBy !== undefined && { causedBy }),
        ...(send && { inferredFrom: send.n }),
        ...(send === null && { noSendSeen: true as const }),
      });
    } else {
      const from = lookups.senderOf(entry);
      const to = lookups.receiversOf(entry);
      participants.add(from);
      for (const chart of to) participants.add(chart);
      items.push({
        type: 'message',
        n: entry.n,
        seq: entry.seq,
        time: entry.time,
        signal: entry.signal,
        ...(entry.payload !== undefined && entry.payload !== null && { payload: entry.payload }),
        from,
        to,
      });
    }
  }

  const charts: ChartDiagram[] = [];
  for (const chart of lookups.chartOrder) {
    const steps = stepsByChart.get(chart);
    if (!steps) continue;
    const states = new Set<string>();
    for (const step of steps) states.add(step.from).add(step.to);
    charts.push({
      chart,
      letter: lookups.letterOf(chart),
      lifelines: lookups.orderStates(chart, states),
      steps: steps.map((s) => ({
        n: s.n,
        seq: s.seq,
        time: s.time,
        signal: s.signal,
        ...(s.payload !== undefined && { payload: s.payload }),
        from: s.from,
        to: s.to,
      })),
    });
  }

  const lettered = lookups.chartOrder.filter((chart) => participants.has(chart));
  const letteredSet = new Set(lookups.chartOrder);
  const others = [...participants].filter((p) => !letteredSet.has(p));
  others.sort((a, b) => lookups.rankOf(a) - lookups.rankOf(b));
  return { charts, system: { lifelines: [...lettered, ...others], items } };
}
