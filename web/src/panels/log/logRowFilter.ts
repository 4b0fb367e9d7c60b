/**
 * What the log lists: the query's matches, and — unless the query names
 * kinds (`kind:meta`, `kind:topology` …) or the "meta" toggle is on — no
 * meta records. Meta rows (connections, topologies, notes) are about the
 * observatory, not the charts; a run of a few thousand transitions carried
 * as many topology rows, burying what people came to read.
 */
import type { CompiledQuery } from './compileLogQuery.ts';
import type { RecordPredicate } from './filterPositions.ts';

export interface RowFilter {
  /** Identifies the filter: same key, same rows (the matching list is kept per key). */
  key: string;
  /** Records to keep, or null for "every record" (before hiding meta). */
  predicate: RecordPredicate | null;
  hideMeta: boolean;
}

/** null: every record is a row. */
export function logRowFilter(query: string, compiled: CompiledQuery, showMeta: boolean): RowFilter | null {
  const given = compiled.ok && query.trim() !== '' ? compiled.predicate : null;
  const hideMeta = !showMeta && !(compiled.ok && compiled.namesKinds);
  if (given === null) return hideMeta ? { key: '\0no-meta', predicate: null, hideMeta } : null;
  if (!hideMeta) return { key: query, predicate: given, hideMeta };
  return { key: `${query}\0no-meta`, predicate: (r) => r.kind !== 'meta' && given(r), hideMeta };
}
