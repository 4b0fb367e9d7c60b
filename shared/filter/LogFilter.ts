/**
 * The dashboard's log filter, as data. A query the user types
 * (`chart:ao1 kind:trace -signal:Tick "free text" /re.gex/i`, see
 * parseFilterQuery) and the filter a panel builds by clicking (a chart name,
 * a signal) are the same value, so both can be shown, edited and combined.
 *
 * Meaning:
 *   - fields are combined with AND: a record passes when it satisfies every
 *     field that is given;
 *   - within `charts`, `kinds`, `signals`, `states` any one value is enough
 *     (a record has one chart, one kind…);
 *   - every `text` term and every `regex` must match (like a search box);
 *   - `not` lists what to hide: a record that matches any value of any field
 *     in `not` is dropped.
 *
 * Names (charts, signals, states) match exactly and case-sensitively, as
 * miros names are; `*` and `?` in a name are wildcards, and a RegExp matches
 * by pattern. Text terms ignore case and search the record's `raw` text (and
 * a meta record's `detail`).
 */
import type { MetaEvent, RecordKind } from '../records/MirosRecord.ts';

/**
 * A record kind, or a finer class: `note` (a kept non-record line), `error`
 * (a note made for a malformed line) or any other meta event.
 */
export type FilterKind = RecordKind | MetaEvent | 'error';

export const FILTER_KINDS: readonly FilterKind[] = [
  'trace', 'spy', 'mesh', 'meta', 'note', 'error',
  'rejected', 'connected', 'disconnected', 'reconnected', 'dropped', 'missed', 'topology', 'status',
];

/** A name to match: exact text with `*`/`?` wildcards, or a pattern. */
export type NameMatch = string | RegExp;

export interface FilterFields {
  charts?: readonly NameMatch[];
  kinds?: readonly FilterKind[];
  /** Matches a trace's, spy line's or mesh message's signal. */
  signals?: readonly NameMatch[];
  /** Matches a spy line's state, or a trace's source or target state. */
  states?: readonly NameMatch[];
  /** Case-insensitive substrings of the record's text; all must appear. */
  text?: readonly string[];
  /** Patterns over the record's text; all must match. */
  regex?: readonly RegExp[];
}

export interface LogFilter extends FilterFields {
  /** Hide records that match any value of any of these fields. */
  not?: FilterFields;
}
