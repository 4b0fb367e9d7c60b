/**
 * Memoized, incrementally maintained views of a RecordLog.
 *
 * The log only grows, so an index built for its first n records stays valid:
 * reading it again after more records arrived only folds in the new ones
 * (O(new records), never O(log)). Indexes are keyed on the log object itself,
 * so a discontinuity — which replaces the log — drops them without any
 * bookkeeping, and an index nobody reads costs nothing.
 *
 *   log.append(batch) ──▶ (nothing happens)
 *   index(log)        ──▶ fold records [upTo, log.length) into state ──▶ state
 *   index.advance(log, budget) ──▶ fold at most `budget` of them; caught up?
 *
 * `advance` lets a panel fold a million freshly loaded records in slices
 * between frames (see panelApi/useCaughtUp.ts) instead of in one render.
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import type { RecordLog } from './RecordLog.ts';

export interface IndexDefinition<S> {
  init(): S;
  /** `record` may be a view that changes after the call: keep its fields, never the record. */
  add(state: S, record: MirosRecord, position: number): void;
}

export interface IncrementalIndex<S> {
  /** The index, caught up with the whole log. */
  (log: RecordLog): S;
  /** Folds in at most `budget` more records; true once the index covers the whole log. */
  advance(log: RecordLog, budget: number): boolean;
}

export function incrementalIndex<S>(definition: IndexDefinition<S>): IncrementalIndex<S> {
  const built = new WeakMap<RecordLog, { state: S; upTo: number }>();
  const fold = (log: RecordLog, budget: number) => {
    let entry = built.get(log);
    if (!entry) {
      entry = { state: definition.init(), upTo: 0 };
      built.set(log, entry);
    }
    const end = Math.min(log.length, entry.upTo + budget);
    // view(): records read in place (none built), valid only during add().
    let position = entry.upTo;
    for (const record of log.view(entry.upTo, end)) definition.add(entry.state, record, position++);
    entry.upTo = end;
    return entry;
  };
  const index = (log: RecordLog) => fold(log, Number.POSITIVE_INFINITY).state;
  index.advance = (log: RecordLog, budget: number) => fold(log, budget).upTo >= log.length;
  return index;
}
