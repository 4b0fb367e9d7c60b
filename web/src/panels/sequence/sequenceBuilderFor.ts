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

function entryFor(log: RecordLog): { builder: SequenceBuilder; upTo: number } {
  let entry = builders.get(log);
  if (!entry) {
    entry = { builder: new SequenceBuilder(), upTo: 0 };
    builders.set(log, entry);
  }
  return entry;
}

/** Feeds the builder at most `budget` more records; true once it has the whole log. */
export function advanceSequenceBuilder(log: RecordLog, budget: number): boolean {
  const entry = entryFor(log);
  const stop = Math.min(log.length, entry.upTo + budget);
  while (entry.upTo < stop) {
    const to = Math.min(stop, entry.upTo + CATCH_UP_SLICE);
    entry.builder.add(log.view(entry.upTo, to));
    entry.upTo = to;
  }
  return entry.upTo >= log.length;
}

/** The builder, caught up with the whole log. */
export function sequenceBuilderFor(log: RecordLog): SequenceBuilder {
  advanceSequenceBuilder(log, Number.POSITIVE_INFINITY);
  return entryFor(log).builder;
}
