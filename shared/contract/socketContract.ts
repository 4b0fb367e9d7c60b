/**
 * The typed socket.io contract between the server's relay and the browser.
 *
 * Shape of a session:
 *
 *   client                                   server
 *     │── connect (token in cookie, header or ?token=) ▶│  checked in the handshake when the server requires one
 *     │◀──────────────────── hello ────────────│  session id, lastSeq, counters, retained records
 *     │── resume {afterSeq, session?} ────────▶│  afterSeq 0 on a first connect
 *     │◀─ records {records, lastSeq} ──────────│  the gap from the ring buffer,
 *     │── ack {lastSeq} ──────────────────────▶│  then live batches; at most a few
 *     │◀─ records … ───────────────────────────│  unacknowledged batches are in flight
 *     │◀─ records {dropped:{…}} ───────────────│  when the client fell behind or
 *     │                                        │  the gap left the ring buffer
 *     │◀─ counters / transport ────────────────│  whenever they change (≤ 1/s)
 *
 * A client remembers the session and the last `seq` it saw and resumes after
 * it on reconnect; the server answers with everything newer that its ring
 * buffer still holds, and a `dropped` range for anything older it no longer
 * has. If the session differs (the server restarted and its numbering with
 * it) the first batch carries `reset: true` and starts from the beginning.
 *
 * Flow control: the client acks each batch after handling it. The server
 * sends the next batch only while fewer than a handful are unacked, and never
 * queues per client: a client that cannot keep up gets a `dropped` range.
 *
 * Versioning: CONTRACT_VERSION changes on any incompatible change; hello
 * carries it so a client can refuse a server it does not understand.
 */
import type { MetaRecord, MirosRecord } from '../records/MirosRecord.ts';

export const CONTRACT_VERSION = 1 as const;

export interface Counters {
  /** Records heard from the network or in-process charts (not counting meta records). */
  received: number;
  /** Messages that could not be decoded, by reason (`bad-token`, `bad-pickle`, `oversized` …). */
  rejected: Record<string, number>;
  reconnects: number;
  /** Records some consumer did not get (a slow browser, a full publish buffer). */
  dropped: number;
  /** Browsers connected to the relay right now. */
  clients: number;
  /**
   * Messages our senders numbered (`x-miroscope-seq`) that never reached the
   * server: lost in a broker restart, published before a queue was bound,
   * dropped by a sender's full buffer. Python nodes number nothing, so their
   * losses cannot be seen. (Optional: servers before it did not count.)
   */
  missed?: number;
  /** `missed` per network and sender, keyed `<network> <chart>@<node>`; past 100 senders the rest add up under `other`. */
  missedBy?: Record<string, number>;
}

export interface TransportInfo {
  /** `amqp` (broker shown as host:port only, never credentials) or the `in-process` bus. */
  kind: 'amqp' | 'in-process';
  broker?: string;
  connected: boolean;
  /**
   * The transport's lifecycle state when known: `connecting`, `setting-up`,
   * `connected`, `waiting` (backing off before the next attempt), `closing`,
   * `closed`.
   */
  state?: string;
}

export interface HelloInfo {
  contract: typeof CONTRACT_VERSION;
  /** Identifies this run of the server; seq numbering restarts with a new session. */
  session: string;
  /** Highest seq the server has assigned so far (0 when none). */
  lastSeq: number;
  /** Oldest seq still in the ring buffer (lastSeq + 1 when empty). */
  firstSeq: number;
  transport: TransportInfo;
  /** Name of the recording this session is written to (null when not recording). */
  recording: string | null;
  counters: Counters;
  /**
   * Records a client needs whatever position it resumes at: the latest
   * `topology` announcement of each in-process chart, even if it left the
   * ring buffer long ago.
   */
  retained: MetaRecord[];
}

export interface RecordBatch {
  /** Consecutive records, in seq order. */
  records: MirosRecord[];
  /** Highest seq the server has assigned at the time of sending. */
  lastSeq: number;
  /** Records this client will never get (left the ring buffer before they could be sent). */
  dropped?: { count: number; fromSeq: number; toSeq: number };
  /** Forget everything held from this server: its numbering restarted (another session). */
  reset?: true;
}

export interface ServerToClientEvents {
  hello: (info: HelloInfo) => void;
  records: (batch: RecordBatch) => void;
  counters: (counters: Counters) => void;
  transport: (info: TransportInfo) => void;
}

export interface ClientToServerEvents {
  /**
   * Ask for every record after `afterSeq`, then live records. `session` is
   * the session the client's `afterSeq` belongs to; when it is not the
   * server's, the server starts from the beginning with `reset`.
   */
  resume: (req: { afterSeq: number; session?: string }) => void;
  /** Acknowledge every batch up to `lastSeq` (flow control). */
  ack: (req: { lastSeq: number }) => void;
}
