/**
 * The socket.io side of the relay: every browser gets the same numbered
 * stream, each at its own pace.
 *
 * The hub owns the ring buffer and one ClientCursor per socket; the cursors
 * decide what and when (pure), the hub only turns those decisions into timers
 * and emits — and holds a batch back while the socket's transport is still
 * sending the previous one, so a client that acks without reading cannot
 * make the server queue for it. Nothing here queues per client, so a stuck browser cannot grow
 * the server's memory — it is told what it missed instead.
 *
 *   publish(record) ─▶ ring ─▶ for each client: cursor.delay() ─▶ timer ─▶ emit records
 *                                    ▲                                       │
 *                       resume / ack ┘◀──────────── browser ◀────────────────┘
 */
import type { Server, Socket } from 'socket.io';
import {
  CONTRACT_VERSION,
  type ClientToServerEvents,
  type Counters,
  type HelloInfo,
  type ServerToClientEvents,
  type TransportInfo,
} from '../../shared/contract/socketContract.ts';
import type { Clock, TimerHandle } from '../../shared/clock/Clock.ts';
import type { MetaRecord, MirosRecord } from '../../shared/records/MirosRecord.ts';
import { realClock } from '../statechart/RealClock.ts';
import { ClientCursor, DEFAULT_FLOW, type FlowOptions } from './ClientCursor.ts';
import { RingBuffer, type DroppedRange } from './RingBuffer.ts';

export type RelayServer = Server<ClientToServerEvents, ServerToClientEvents>;
type RelaySocket = Socket<ClientToServerEvents, ServerToClientEvents>;

export interface RelayHubOptions {
  /** Identifies this run; see HelloInfo.session. */
  session: string;
  /** Records kept for resuming clients (default 10,000). */
  capacity?: number;
  /** Characters of records (their JSON lines) kept for resuming clients (default unbounded). */
  capacityChars?: number;
  flow?: Partial<FlowOptions>;
  /** What the hub does not know itself: transport state, recording name, counters. */
  describe: () => { transport: TransportInfo; recording: string | null; counters: Counters };
  /**
   * Called when a client misses records it was positioned to get (it lagged,
   * or reconnected after they left the ring); the server records it as a meta
   * record. Not called for the history before a fresh client joined.
   */
  onDropped?: (client: string, range: DroppedRange) => void;
  /** Charts whose latest topology is kept for clients that join later (default 1,000). */
  maxRetained?: number;
  /** Characters of those topology records kept (default 8 MiB); the oldest announcement goes first. */
  maxRetainedChars?: number;
  /**
   * Paces batches and coalesces status messages (default: the real clock, whose
   * timers never keep the process alive on their own). Tests pass a VirtualClock
   * and advance it instead of sleeping.
   */
  clock?: Clock;
}

interface Client {
  socket: RelaySocket;
  cursor: ClientCursor;
  cancelTimer: (() => void) | null;
}

/** Sends counters and transport changes at most this often. */
const STATUS_INTERVAL_MS = 1000;

export class RelayHub {
  readonly ring: RingBuffer<MirosRecord>;
  readonly #clients = new Map<string, Client>();
  /** Latest topology per chart, least recently announced first; bounded (charts are named by the network). */
  readonly #retained = new Map<string, { record: MetaRecord; chars: number }>();
  #retainedChars = 0;
  readonly #flow: FlowOptions;
  readonly #clock: Clock;
  #statusTimer: TimerHandle | null = null;
  #closed = false;

  constructor(
    readonly io: RelayServer,
    readonly options: RelayHubOptions,
  ) {
    this.ring = new RingBuffer<MirosRecord>(options.capacity ?? 10_000, 0, options.capacityChars ?? Infinity);
    this.#flow = { ...DEFAULT_FLOW, ...options.flow };
    if (this.#flow.intervalMs > 50) throw new RangeError('relay batch interval must be at most 50 ms');
    this.#clock = options.clock ?? realClock;
    io.on('connection', (socket) => this.#attach(socket));
  }

  get clients(): number {
    return this.#clients.size;
  }

  /**
   * Adds a numbered record to the stream and wakes the clients waiting for it.
   * `chars` is its size as a JSON line (the ring is bounded in characters);
   * the server's pipeline has it from encoding the record before numbering.
   */
  publish(record: MirosRecord, chars = 0): void {
    if (this.#closed) return;
    this.ring.push(record, chars);
    if (record.kind === 'meta' && record.event === 'topology' && record.chart !== null) this.#retain(record.chart, record, chars);
    for (const client of this.#clients.values()) this.#schedule(client);
  }

  /** Tells every client about new counters / transport state (coalesced to ≤ 1/s). */
  statusChanged(): void {
    if (this.#statusTimer || this.#closed) return;
    this.#statusTimer = this.#clock.setTimeout(() => {
      this.#statusTimer = null;
      const { counters, transport } = this.options.describe();
      this.io.emit('counters', counters);
      this.io.emit('transport', transport);
    }, STATUS_INTERVAL_MS);
  }

  hello(): HelloInfo {
    return {
      contract: CONTRACT_VERSION,
      session: this.options.session,
      lastSeq: this.ring.lastSeq,
      firstSeq: this.ring.firstSeq,
      ...this.options.describe(),
      retained: [...this.#retained.values()].map((r) => r.record),
    };
  }

  /** Stops timers and forgets clients; the caller closes the socket.io server. */
  close(): void {
    this.#closed = true;
    if (this.#statusTimer) this.#clock.clearTimeout(this.#statusTimer);
    for (const client of this.#clients.values()) client.cancelTimer?.();
    this.#clients.clear();
  }

  /** Keeps `record` as the chart's latest topology, dropping the oldest announcements past the bounds. */
  #retain(chart: string, record: MetaRecord, chars: number): void {
    const previous = this.#retained.get(chart);
    if (previous) {
      this.#retained.delete(chart);
      this.#retainedChars -= previous.chars;
    }
    this.#retained.set(chart, { record, chars });
    this.#retainedChars += chars;
    const maxCharts = this.options.maxRetained ?? 1_000;
    const maxChars = this.options.maxRetainedChars ?? 8 * 1024 * 1024;
    for (const [oldest, kept] of this.#retained) {
      if ((this.#retained.size <= maxCharts && this.#retainedChars <= maxChars) || oldest === chart) break;
      this.#retained.delete(oldest);
      this.#retainedChars -= kept.chars;
    }
  }

  #attach(socket: RelaySocket): void {
    if (this.#closed) {
      socket.disconnect(true);
      return;
    }
    const client: Client = { socket, cursor: new ClientCursor(this.#flow), cancelTimer: null };
    this.#clients.set(socket.id, client);
    socket.on('resume', (req) => {
      // Untrusted input: anything that is not a usable number means "from the start".
      const afterSeq = typeof req?.afterSeq === 'number' && Number.isFinite(req.afterSeq) ? req.afterSeq : 0;
      const otherSession = typeof req?.session === 'string' && req.session !== this.options.session;
      client.cancelTimer?.();
      client.cancelTimer = null;
      client.cursor.resume(otherSession ? 0 : afterSeq, { reset: otherSession });
      this.#schedule(client);
    });
    socket.on('ack', (req) => {
      if (typeof req?.lastSeq !== 'number') return;
      client.cursor.ack(req.lastSeq);
      // An ack may make a waiting batch due now (see ClientCursor's timing).
      client.cancelTimer?.();
      client.cancelTimer = null;
      this.#schedule(client);
    });
    socket.on('disconnect', () => {
      client.cancelTimer?.();
      this.#clients.delete(socket.id);
      this.statusChanged();
    });
    socket.emit('hello', this.hello());
    this.statusChanged();
  }

  #schedule(client: Client): void {
    if (client.cancelTimer) return;
    const delay = client.cursor.delay(this.#clock.now(), this.ring.lastSeq);
    if (delay === null) return;
    // setImmediate for "now": records decoded from the same socket read join one batch.
    if (delay === 0) {
      // A Clock's immediates cannot be cleared: a cancelled one finds itself stale and does nothing.
      let live = true;
      this.#clock.setImmediate(() => {
        if (live) this.#flush(client);
      });
      client.cancelTimer = () => {
        live = false;
      };
    } else {
      this.#flushAfter(client, delay);
    }
  }

  #flushAfter(client: Client, ms: number): void {
    const handle = this.#clock.setTimeout(() => this.#flush(client), ms);
    client.cancelTimer = () => this.#clock.clearTimeout(handle);
  }

  #flush(client: Client): void {
    client.cancelTimer = null;
    if (!this.#clients.has(client.socket.id)) return;
    if (client.socket.conn?.transport?.writable === false) {
      // The last batch has not left yet (the peer is not reading): acks alone
      // must not queue more in this process. Look again shortly.
      this.#flushAfter(client, this.#flow.intervalMs);
      return;
    }
    const batch = client.cursor.take(this.ring, this.#clock.now());
    if (batch) {
      client.socket.emit('records', batch);
      if (client.cursor.missed) {
        const range = client.cursor.missed;
        // Deferred: the callback publishes a meta record, which re-enters #schedule.
        queueMicrotask(() => this.options.onDropped?.(client.socket.id, range));
      }
    }
    this.#schedule(client);
  }
}
