/**
 * The log's rows up to the cursor, as positions: every record, the ones a
 * filter keeps, or every record but the meta ones.
 *
 * A filter's matches are kept in a MatchIndex memoised per log and filter
 * key (useMemo, not a module cache): new records are tested as they arrive,
 * a new filter or log starts a new index. Hiding meta records alone needs no
 * scan: the store's chart index already lists them, so the i-th row is a
 * binary search (filterPositions.ts `shownPositionAt`).
 */
import { useMemo } from 'react';
import type { RecordLog } from '../store/RecordLog.ts';
import { PositionList } from '../store/PositionList.ts';
import { chartIndex } from '../store/chartIndex.ts';
import { forEachMatch, shownPositionAt, type RecordPredicate } from '../panels/log/filterPositions.ts';
import type { RowFilter } from '../panels/log/logRowFilter.ts';
import { useRecordsView } from './useRecords.ts';

export interface LogRows {
  /** Rows up to the cursor. */
  count: number;
  /** Log position of row i (0 ≤ i < count). */
  positionAt(i: number): number;
  /** True when some records up to the cursor are not rows. */
  filtered: boolean;
}

/** Positions of a log's records that a predicate keeps, extended as the log grows. */
export class MatchIndex {
  readonly matches = new PositionList(1024);
  #upTo = 0;

  constructor(readonly predicate: RecordPredicate) {}

  /** Tests the records that arrived since the last call; returns the matches so far. */
  extend(log: RecordLog): PositionList {
    if (this.#upTo < log.length) {
      forEachMatch(log.view(this.#upTo, log.length), this.#upTo, this.predicate, (p) => this.matches.push(p));
      this.#upTo = log.length;
    }
    return this.matches;
  }
}

export function useLogRows(filter: RowFilter | null): LogRows {
  const { log, end, length } = useRecordsView();
  const predicate = filter?.predicate ?? null;
  // One index per log and filter; the predicate belongs to the key.
  const index = useMemo(() => (predicate ? new MatchIndex(predicate) : null), [log, filter?.key]);
  const hideMeta = filter?.hideMeta ?? false;
  return useMemo((): LogRows => {
    if (index) {
      const matches = index.extend(log);
      const count = matches.countBefore(end);
      return { count, positionAt: (i) => matches.get(i), filtered: count < end };
    }
    if (hideMeta) {
      const { meta, notes } = chartIndex(log);
      const hiddenBefore = (p: number) => meta.countBefore(p) + notes.countBefore(p);
      const count = end - hiddenBefore(end);
      return { count, positionAt: (i) => shownPositionAt(i, end, hiddenBefore), filtered: count < end };
    }
    return { count: end, positionAt: (i) => i, filtered: false };
  }, [index, hideMeta, log, end, length]);
}
