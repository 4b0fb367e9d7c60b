/**
 * The sequence model of a log, kept up to date incrementally: the shared
 * SequenceBuilder is fed only the records that arrived since it last looked,
 * and a new log (a discontinuity) gets a new builder.
 */
import { SequenceBuilder } from '../../../../shared/sequence/model/SequenceBuilder.ts';
import type { RecordLog } from '../../store/RecordLog.ts';

const builders = new WeakMap<RecordLog, { builder: SequenceBuilder; upTo: number }>();

/** Records fed per add() call, so a million-record catch-up is not one giant array. */
const CATCH_UP_SLICE = 50_000;

export function sequenceBuilderFor(log: RecordLog): SequenceBuilder {
  let entry = builders.get(log);
  if (!entry) {
    entry = { builder: new SequenceBuilder(), upTo: 0 };
    builders.set(log, entry);
  }
  while (entry.upTo < log.length) {
    const to = Math.min(log.length, entry.upTo + CATCH_UP_SLICE);
    entry.builder.add(log.view(entry.upTo, to));
    entry.upTo = to;
  }
  return entry.builder;
}
