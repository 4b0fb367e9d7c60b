/**
 * Trace-equivalent transition records for charts heard only on the spy
 * network, for every view that reads a chart's state from its trace
 * records (the sequence builder, the charts panel, the statechart).
 *
 * A chart's trace lines are the authority: once one arrives for a chart,
 * nothing more is derived for it (its trace and spy lines describe the same
 * steps). The derived record takes the seq, node and times of the spy line
 * that ended the step — usually the `<- Queued` reflection line — so it
 * sorts where the step completed. Spy lines carry no timestamp (except a
 * scribble framed on the trace network), so `time` is usually null.
 *
 *   const derive = new SpyTransitions();
 *   for (const r of records) {
 *     const t = derive.add(r);     // a TraceRecord when r ended a spy step
 *     if (t) …
 *   }
 */
import { RECORD_VERSION, type MirosRecord, type SpyRecord, type TraceRecord } from '../records/MirosRecord.ts';
import { SpyTransitionReader } from './SpyTransitionReader.ts';

/** A trace record made from spy lines; `raw` says so (`spy: e->SIG() A->B`). */
export type DerivedTrace = TraceRecord;

export class SpyTransitions {
  private readonly readers = new Map<string, SpyTransitionReader>();
  private readonly traced = new Set<string>();

  /** Folds one record in; returns the transition it completed for a spy-only chart. */
  add(record: MirosRecord): DerivedTrace | null {
    if (record.chart === null) return null;
    if (record.kind === 'trace') {
      this.traced.add(record.chart);
      this.readers.delete(record.chart);
      return null;
    }
    if (record.kind !== 'spy' || this.traced.has(record.chart)) return null;
    let reader = this.readers.get(record.chart);
    if (!reader) this.readers.set(record.chart, (reader = new SpyTransitionReader()));
    const t = reader.read(record.line, record.signal, record.state, record.hook === true);
    return t === null ? null : derivedTrace(record, t.signal, t.from, t.to);
  }

  /** True once a trace record named the chart (nothing is derived for it after that). */
  hasTraces(chart: string): boolean {
    return this.traced.has(chart);
  }
}

export function derivedTrace(at: Pick<SpyRecord, 'seq' | 'chart' | 'node' | 'time' | 'received'>, signal: string, from: string, to: string): DerivedTrace {
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
