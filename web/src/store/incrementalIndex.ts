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
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import type { RecordLog } from './RecordLog.ts';

export interface IndexDefinition<S> {
  init(): S;
  /** `record` may be a view that changes after the call: keep its fields, never the record. */
  add(state: S, record: MirosRecord, position: number): void;
}

export type IncrementalIndex<S> = (log: RecordLog) => S;

export function incrementalIndex<S>(definition: IndexDefinition<S>): IncrementalIndex<S> {
  const built = new WeakMap<RecordLog, { state: S; upTo: number }>();
  return (log) => {
    let entry = built.get(log);
    if (!entry) {
      entry = { state: definition.init(), upTo: 0 };
      built.set(log, entry);
    }
    const end = log.length;
    // view(): records read in place (none built), valid only during add().
    let position = entry.upTo;
    for (const record of log.view(entry.upTo, end)) definition.add(entry.state, record, position++);
    entry.upTo = end;
    return entry.state;
  };
}
