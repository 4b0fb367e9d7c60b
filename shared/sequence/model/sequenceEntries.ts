/**
 * The builder's internal items: one per numbered event (a chart's step or a
 * mesh message), kept in diagram order. `n` is the item's position + 1 and
 * is updated in place when a late record is inserted before it.
 *
 * Diagram order compares `sortTime` (timestamp order only) then `at`. For a
 * step, and for a message sent before its receptions, `at` is the arrival
 * position. A message whose first reception sorts before it (the relay saw
 * the receiving chart's trace before the mesh message) takes that
 * reception's place, just before it: a send is numbered before what it
 * caused.
 *
 * That is an entry's *base* place (`baseSortTime`, `baseAt`). Its place
 * (`sortTime`, `at`) is the base place of another entry of the same run
 * when an inferred send arrived after its reception and the run was
 * reordered to put sends first (see SequenceBuilder#keepSendsFirst): places
 * are only ever exchanged inside such a run, so the list stays sorted by
 * place, and a run can be put back in base order and reordered again.
 */

interface EntryBase {
  /** Position in arrival order; the pairing id. */
  arrival: number;
  /** Place in arrival order: `arrival`, or just before a message's first reception (see above). */
  at: number;
  seq: number;
  time: number | null;
  /** The time used for `order: 'timestamp'` (the previous record's when null). */
  sortTime: number;
  /** The place the entry has without reordering for inferred sends (see above). */
  baseSortTime: number;
  baseAt: number;
  n: number;
}

export interface StepEntry extends EntryBase {
  kind: 'step';
  chart: string;
  signal: string;
  payload?: string;
  from: string;
  to: string;
  /** As a reception for the ReceptionPairer: `id` is `arrival`. */
  id: number;
  received: number;
}

export interface MessageEntry extends EntryBase {
  kind: 'message';
  signal: string;
  payload: unknown;
  /** The sender address on the wire (or the record's node). */
  address: string | null;
  /** The sending chart named by miroscope's correlation data. */
  correlationChart?: string;
  /** The message's own sortTime, kept while it is placed before an earlier reception. */
  ownSortTime: number;
}

export type SequenceEntry = StepEntry | MessageEntry;

export function byArrival(a: SequenceEntry, b: SequenceEntry): number {
  return a.at - b.at;
}

export function byTimestamp(a: SequenceEntry, b: SequenceEntry): number {
  return a.sortTime - b.sortTime || a.at - b.at;
}

/** Base order in arrival order; ties (two messages before one reception) by arrival. */
export function byBaseArrival(a: SequenceEntry, b: SequenceEntry): number {
  return a.baseAt - b.baseAt || a.arrival - b.arrival;
}

export function byBaseTimestamp(a: SequenceEntry, b: SequenceEntry): number {
  return a.baseSortTime - b.baseSortTime || byBaseArrival(a, b);
}
