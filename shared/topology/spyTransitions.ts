/**
 * Trace-equivalent transition records for charts heard only on the spy
 * network, for the views that read a chart's moves from trace records as
 * they stream in (the sequence builder).
 *
 * A chart's trace lines are the authority: once one arrives for a chart,
 * nothing more is derived for it (its trace and spy lines describe the same
 * steps). The trace and spy networks are separate queues, so a chart's
 * first trace line may arrive after the spy lines of the same step (the
 * seed recording shows `START … <- Queued` before `e->start_at()`). The
 * first derived transition of a chart is therefore held until the chart's
 * next spy step begins with still no trace line; after that the chart is
 * known to be spy-only and each transition is released as its step ends.
 *
 * Each derived record takes the seq, node and times of the spy line that
 * ended its step (usually the `<- Queued` reflection line), and comes back
 * with the caller's `ticket` for that line, so a held one can be put back
 * where its step ended. Spy lines carry no timestamp (except a scribble
 * framed on the trace network), so `time` is usually null.
 *
 *   const derive = new SpyTransitions();
 *   for (const r of records) for (const { record, ticket } of derive.add(r, n++)) …
 */
import { RECORD_VERSION, type MirosRecord, type SpyRecord, type TraceRecord } from '../records/MirosRecord.ts';
import { SpyTransitionReader } from './SpyTransitionReader.ts';

export interface Derived {
  /** A trace record made from spy lines; its `raw` says so (`spy: e->SIG() A->B`). */
  record: TraceRecord;
  /** The ticket the caller gave the spy line that ended the step. */
  ticket: number;
}

interface ChartSteps {
  reader: SpyTransitionReader;
  /** The ticket and fields of the chart's latest spy line (where an unfinished step ends); scalars, not a copy per line. */
  lastTicket: number;
  last: { seq: number; chart: string; node: string | null; time: number | null; received: number };
  /** True once a step followed the first derived one with no trace line in between. */
  confirmed: boolean;
  held: Derived[];
}

const NONE: readonly Derived[] = [];

export class SpyTransitions {
  private readonly charts = new Map<string, ChartSteps>();
  private readonly traced = new Set<string>();

  /** Folds one record in; returns the transitions released by it (usually none or one). */
  add(record: MirosRecord, ticket: number): readonly Derived[] {
    if (record.chart === null) return NONE;
    if (record.kind === 'trace') {
      if (!this.traced.has(record.chart)) {
        this.traced.add(record.chart);
        this.charts.delete(record.chart);
      }
      return NONE;
    }
    if (record.kind !== 'spy' || this.traced.has(record.chart)) return NONE;
    let chart = this.charts.get(record.chart);
    if (!chart) this.charts.set(record.chart, (chart = { reader: new SpyTransitionReader(), lastTicket: ticket, last: { seq: 0, chart: record.chart, node: null, time: null, received: 0 }, confirmed: false, held: [] }));
    chart.lastTicket = ticket;
    const last = chart.last;
    last.seq = record.seq;
    last.node = record.node;
    last.time = record.time;
    last.received = record.received;
    const t = chart.reader.read(record.line, record.signal, record.state, record.hook === true);
    const derived = t === null ? null : { record: derivedTrace(record, t.signal, t.from, t.to), ticket };
    if (chart.confirmed) return derived ? [derived] : NONE;
    if (derived) chart.held.push(derived);
    if (chart.held.length > 0 && chart.reader.inStep) {
      // A new step has begun and no trace line came for the last one: spy-only.
      chart.confirmed = true;
      const released = chart.held;
      chart.held = [];
      return released;
    }
    return NONE;
  }

  /**
   * The end of a finished stream (a saved log read whole): what is still
   * held back, and each spy-only chart's unfinished last step (a log that
   * ends mid-step, or direct dispatches without reflection lines), in order.
   */
  flush(): Derived[] {
    const out: Derived[] = [];
    for (const chart of this.charts.values()) {
      out.push(...chart.held);
      chart.held = [];
      const t = chart.reader.pending();
      if (t) out.push({ record: derivedTrace(chart.last, t.signal, t.from, t.to), ticket: chart.lastTicket });
      chart.reader = new SpyTransitionReader();
    }
    return out.sort((a, b) => a.ticket - b.ticket);
  }

  /** True once a trace record named the chart (nothing is derived for it after that). */
  hasTraces(chart: string): boolean {
    return this.traced.has(chart);
  }
}

export function derivedTrace(at: Pick<SpyRecord, 'seq' | 'chart' | 'node' | 'time' | 'received'>, signal: string, from: string, to: string): TraceRecord {
  return {
    v: RECORD_VERSION,
    kind: 'trace',
    seq: at.seq,
    chart: at.chart,
    node: at.node,
    time: at.time,
    received: at.received,
    raw: `spy: e->${signal}() ${from}->${to}`,
    signal,
    from,
    to,
  };
}
