/**
 * The state hierarchy of every chart in a stream of records, for the
 * statechart panel. Our own nodes announce their hierarchy (a `meta`
 * `topology` record) and that is taken as is. Python nodes never do, so for
 * them the hierarchy is inferred from their spy lines (SpyStepReader) and,
 * failing that, the states named in their trace lines are shown top-level.
 *
 * Incremental: `add()` batches as they arrive (live or a replay), read
 * `topology(chart)` when drawing. `version` changes whenever a later read
 * could differ, so a view can memoise on it. `clear()` after a seek.
 *
 *   const topo = new TopologyInference();
 *   topo.add(batch);
 *   topo.topology('charger')
 *   // → { chart: 'charger', source: 'inferred', states: [
 *   //      { name: 'charging', parent: null },
 *   //      { name: 'constant_current_control', parent: 'charging' }, … ] }
 */
import type { MirosRecord } from '../records/MirosRecord.ts';
import { ChartEvidence, type StateEntry } from './ChartEvidence.ts';
import { SpyStepReader } from './SpyStepReader.ts';

export interface ChartTopology {
  chart: string;
  /** `announced` by the chart itself, or `inferred` from its spy and trace lines. */
  source: 'announced' | 'inferred';
  /** Every state with its parent (null = directly under top), parents before children. */
  states: StateEntry[];
}

interface ChartState {
  evidence: ChartEvidence;
  reader: SpyStepReader;
  announced: StateEntry[] | null;
  cached: ChartTopology | null;
  cachedAt: number;
}

export class TopologyInference {
  private readonly charts = new Map<string, ChartState>();
  private changes = 0;

  /** Changes whenever add() learned something. */
  get version(): number {
    return this.changes;
  }

  add(records: Iterable<MirosRecord>): void {
    for (const r of records) {
      if (r.chart === null) continue;
      if (r.kind === 'spy') {
        const chart = this.chart(r.chart);
        const before = chart.evidence.version;
        chart.reader.read(r.line, r.signal, r.state, r.hook === true);
        if (chart.evidence.version !== before) this.changes++;
      } else if (r.kind === 'trace') {
        const chart = this.chart(r.chart);
        const before = chart.evidence.version;
        if (r.from !== 'top') chart.evidence.seen(r.from);
        if (r.to !== 'top') chart.evidence.seen(r.to);
        if (chart.evidence.version !== before) this.changes++;
      } else if (r.kind === 'meta' && r.event === 'topology' && r.states) {
        this.chart(r.chart).announced = r.states.map((s) => ({ name: s.name, parent: s.parent }));
        this.changes++;
      }
    }
  }

  /** Charts seen so far, in order of first appearance. */
  chartNames(): string[] {
    return [...this.charts.keys()];
  }

  topology(chart: string): ChartTopology | undefined {
    const c = this.charts.get(chart);
    if (!c) return undefined;
    if (c.announced) return { chart, source: 'announced', states: c.announced };
    if (c.cached === null || c.cachedAt !== c.evidence.version) {
      c.cached = { chart, source: 'inferred', states: c.evidence.resolve() };
      c.cachedAt = c.evidence.version;
    }
    return c.cached;
  }

  all(): ChartTopology[] {
    return this.chartNames().map((name) => this.topology(name)!);
  }

  /** Forgets everything (after a seek or any other break in the stream). */
  clear(): void {
    this.charts.clear();
    this.changes++;
  }

  private chart(name: string): ChartState {
    let c = this.charts.get(name);
    if (!c) {
      const evidence = new ChartEvidence();
      c = { evidence, reader: new SpyStepReader(evidence), announced: null, cached: null, cachedAt: -1 };
      this.charts.set(name, c);
    }
    return c;
  }
}
