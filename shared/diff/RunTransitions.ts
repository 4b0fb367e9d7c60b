/**
 * One run's transitions, chart by chart, gathered from records as they are
 * read: only trace records with a chart name count; everything else (spy,
 * mesh, notes) is passed over. Records can be fed in batches, so a file is
 * streamed through a parser and only the transitions are held, never the
 * whole recording.
 *
 * Memory: a transition keeps its three names interned (a run has few
 * distinct states and signals) and its time as a number, not the stamp
 * text: a stamp is a slice of the line it came from, so keeping it kept
 * every line (1M lines: 292 → 91 MiB of heap). The time is shown in
 * miros's form (formatStamp).
 *
 * Budget: a run holding more than `maxTransitions` transitions stops with a
 * TransitionBudgetExceeded instead of exhausting memory; the message says
 * which budget and how to narrow the input.
 */
import type { MirosRecord } from '../records/MirosRecord.ts';
import type { Transition } from './Transition.ts';

/** Default budget per run: far beyond any diagram a person reads, well within a browser tab. */
export const DEFAULT_MAX_TRANSITIONS = 2_000_000;

export class TransitionBudgetExceeded extends Error {
  override readonly name = 'TransitionBudgetExceeded';
  constructor(readonly run: string, readonly limit: number) {
    super(`${run}: more than ${limit.toLocaleString('en-US')} transitions (the compare budget); compare a shorter recording or fewer charts`);
  }
}

export class RunTransitions {
  /** Chart name → its transitions, charts in order of their first transition. */
  readonly charts = new Map<string, Transition[]>();
  /** Records read (of any kind). */
  records = 0;
  /** Transitions held (sum over charts). */
  transitions = 0;

  constructor(
    /** What the run is called in messages (a file or recording name). */
    readonly name: string,
    private readonly maxTransitions = DEFAULT_MAX_TRANSITIONS,
    /** Only charts this accepts are kept (a `--chart` option); all by default. */
    private readonly keepChart: (chart: string) => boolean = () => true,
  ) {}

  /** One copy of each state and signal name. */
  private readonly names = new Map<string, string>();

  private intern(name: string): string {
    const known = this.names.get(name);
    if (known !== undefined) return known;
    this.names.set(name, name);
    return name;
  }

  add(records: Iterable<MirosRecord>): void {
    for (const record of records) {
      this.records++;
      if (record.kind !== 'trace' || record.chart === null || !this.keepChart(record.chart)) continue;
      if (this.transitions >= this.maxTransitions) throw new TransitionBudgetExceeded(this.name, this.maxTransitions);
      let list = this.charts.get(record.chart);
      if (!list) this.charts.set(record.chart, (list = []));
      list.push({ from: this.intern(record.from), signal: this.intern(record.signal), to: this.intern(record.to), time: record.time, seq: record.seq });
      this.transitions++;
    }
  }
}
