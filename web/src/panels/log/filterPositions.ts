/**
 * Which records match the log filter, as an incremental list of positions.
 *
 * Per log, the index remembers one query and the positions matching it up
 * to where it has looked; new records are tested as they arrive (O(new)),
 * and a new query starts over once (O(log), the cost the filter benchmark
 * measures). The cursor then only bounds the list with a binary search.
 */
import type { MirosRecord } from '../../../../shared/records/MirosRecord.ts';
import type { RecordLog } from '../../store/RecordLog.ts';
import { PositionList } from '../../store/PositionList.ts';

export type RecordPredicate = (record: MirosRecord) => boolean;

interface Built {
  key: string;
  predicate: RecordPredicate;
  matches: PositionList;
  upTo: number;
}

const built = new WeakMap<RecordLog, Built>();

/**
 * Positions of records matching `predicate`, for the whole log. `key`
 * identifies the predicate (the query text): same key, same index.
 */
export function filterPositions(log: RecordLog, key: string, predicate: RecordPredicate): PositionList {
  let entry = built.get(log);
  if (!entry || entry.key !== key) {
    entry = { key, predicate, matches: new PositionList(1024), upTo: 0 };
    built.set(log, entry);
  }
  const end = log.length;
  const { matches } = entry;
  let i = entry.upTo;
  for (const record of log.view(entry.upTo, end)) {
    if (entry.predicate(record)) matches.push(i);
    i++;
  }
  entry.upTo = end;
  return matches;
}
