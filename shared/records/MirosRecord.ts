/**
 * The one record type for everything miroscope hears or reads.
 *
 * Every boundary (an AMQP body, a line of a saved log, an in-process chart's
 * observer) turns what crosses it into a record exactly once; the relay, the
 * recorder, the browser store, the sequence builder and the CLI only ever
 * consume records. Records are plain JSON (no classes, no Dates) so the same
 * value travels over socket.io, into a JSON-lines recording and into a Web
 * Worker unchanged.
 *
 * Versioning: `v` is bumped on any incompatible change; readers reject (as a
 * `meta` note) records of a version they do not know instead of guessing.
 */

export const RECORD_VERSION = 1 as const;

export type RecordKind = 'trace' | 'spy' | 'mesh' | 'meta';

interface RecordBase {
  /** Schema version of this record ({@link RECORD_VERSION}). */
  v: typeof RECORD_VERSION;
  /**
   * Arrival number, assigned where the record was received or read (the
   * server's relay, a parser reading a file). Strictly increasing within one
   * stream; the default order of every view.
   */
  seq: number;
  /** Chart name (`[NAME]` in a trace line); null when the input has none. */
  chart: string | null;
  /**
   * Where the record came from: our nodes' node id, a mesh sender's address,
   * `local` for charts running inside this process; null when unknown.
   */
  node: string | null;
  /**
   * The instant the line itself states, as epoch milliseconds with
   * microsecond fraction. miros prints local wall-clock time without a zone;
   * we read that wall-clock as if it were UTC so that every reader (Node, the
   * browser, any time zone) gets the same number. Null when the line has no
   * timestamp (spy lines, mesh messages from Python).
   */
  time: number | null;
  /** Epoch milliseconds when this record was received or read. */
  received: number;
  /** The original text (a trace line, a spy line, a log line), without line end. */
  raw: string;
  /** Where a record read from a file came from (1-based line number). */
  origin?: { file?: string; line: number };
}

/** One miros trace entry: `[ts] [chart] e->SIGNAL(payload) FROM->TO`. */
export interface TraceRecord extends RecordBase {
  kind: 'trace';
  signal: string;
  /** Text between the signal's parentheses; absent when empty. */
  payload?: string;
  from: string;
  to: string;
  /** The timestamp text exactly as written (`2018-05-04 09:23:34.178157`). */
  stamp?: string;
}

/**
 * One spy line of a chart. `line` is the spy text as miros writes it
 * (`ENTRY_SIGNAL:outer`, `to_inner:inner:HOOK`, `<- Queued:(0) Deferred:(0)`,
 * a scribble …); `signal`/`state`/`hook` are filled when the line has the
 * `SIGNAL:state[:HOOK]` shape.
 */
export interface SpyRecord extends RecordBase {
  kind: 'spy';
  line: string;
  signal?: string;
  state?: string;
  hook?: boolean;
  /**
   * `trace` for a scribble heard on the trace network (miros-rabbitmq's
   * `snoop_scribble`, framed `[ts] [chart] # text`): spy output by nature,
   * but not proof the chart is heard on the spy network. Absent for lines
   * of the spy network. Added within version 1: optional, so older
   * recordings still read.
   */
  network?: 'trace';
}

/** One event sent over the mesh network (`transmit`). */
export interface MeshRecord extends RecordBase {
  kind: 'mesh';
  signal: string;
  /** The event payload as decoded from the event JSON (any JSON value). */
  payload: unknown;
  /** The sender address miros-rabbitmq puts in the tuple; null if absent. */
  sender: string | null;
  routingKey?: string;
  /** Correlation data added by miroscope nodes (absent from Python senders). */
  correlation?: { messageId: string; chart: string; seq: number };
}

export type MetaEvent =
  /** A line of a saved log that is not a record, kept with its line number. */
  | 'note'
  /** A message that could not be decoded; `reason` says why. */
  | 'rejected'
  | 'connected'
  | 'disconnected'
  | 'reconnected'
  /** Records a consumer did not get (slow client, overflowing buffer); `count`. */
  | 'dropped'
  /**
   * Messages a sender numbered (`x-miroscope-seq`) that never reached us;
   * `count`, `network`, and the sender's `chart` and `node`.
   */
  | 'missed'
  /** A chart's state hierarchy, announced or inferred; see `states`. */
  | 'topology'
  /** Free-form status from the server or a node (`detail`). */
  | 'status';

export interface MetaRecord extends RecordBase {
  kind: 'meta';
  event: MetaEvent;
  detail?: string;
  /** For `rejected`: a short machine-readable reason (`bad-token`, `bad-pickle`, `oversized` …). */
  reason?: string;
  /** For `dropped` (and counters in general). */
  count?: number;
  /** For `topology`: each state with its parent (`null` = top). */
  states?: { name: string; parent: string | null }[];
  /** For `rejected` and `missed`: which network the message came from. */
  network?: 'mesh' | 'trace' | 'spy';
}

export type MirosRecord = TraceRecord | SpyRecord | MeshRecord | MetaRecord;

/** A record before a receiver numbers it. */
export type UnnumberedRecord = MirosRecord extends infer R
  ? R extends MirosRecord
    ? Omit<R, 'seq'>
    : never
  : never;
