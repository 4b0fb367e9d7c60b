/**
 * The builder's internal items: one per numbered event (a chart's step or a
 * mesh message), kept in diagram order. `n` is the item's position + 1 and
 * is updated in place when a late record is inserted before it.
 */

interface EntryBase {
  /** Position in arrival order; the tie-breaker and the pairing id. */
  arrival: number;
  seq: number;
  time: number | null;
  /** The time used for `order: 'timestamp'` (the previous record's when null). */
  sortTime: number;
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
}

export type SequenceEntry = StepEntry | MessageEntry;

export function byArrival(a: SequenceEntry, b: SequenceEntry): number {
  return a.arrival - b.arrival;
}

export function byTimestamp(a: SequenceEntry, b: SequenceEntry): number {
  return a.sortTime - b.sortTime || a.arrival - b.arrival;
}
