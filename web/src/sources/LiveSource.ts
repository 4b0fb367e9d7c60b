/**
 * The server's relay as a source (socket.io, typed by socketContract.ts).
 *
 *   connect ──▶ hello ──▶ resume {afterSeq: last seq we hold} ──▶ records … (ack each)
 *      ▲                                                            │
 *      └──────── socket.io reconnects (presence: reconnecting) ◀── disconnect
 *
 * We remember the highest seq we applied and resume after it, so a reconnect
 * replays the gap from the server's ring buffer instead of losing it; records
 * we already hold are skipped. What the ring buffer no longer has arrives as
 * a `dropped` range and is counted, never silently lost. A server that
 * restarted (another session, so another numbering) answers with `reset`:
 * a discontinuity, the page drops what it holds and starts over.
 *
 * Each batch is acknowledged only after the page rendered it, which is the
 * server's cue to send more (flow control end to end).
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, RecordBatch, ServerToClientEvents } from '../../../shared/contract/socketContract.ts';
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import { initialSourceState, type Source, type SourceListener, type SourceState } from './Source.ts';
import { UpdatePump } from './UpdatePump.ts';

export type RelaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface LiveSourceOptions {
  /** Sent in the socket.io handshake when the server requires one. */
  token?: string;
  /** Makes the socket; tests point it at their own server. */
  connect?: (url: string, token: string | undefined) => RelaySocket;
}

/** Wait before reconnecting to a server that closed our socket (it is likely restarting). */
const SERVER_CLOSE_RETRY_MS = 1000;

function defaultConnect(url: string, token: string | undefined): RelaySocket {
  // The server checks the token in the engine.io handshake, before socket.io's
  // `auth` arrives, so it travels in the handshake's query (the page itself
  // carries it in its cookie and needs neither).
  return io(url, { query: token ? { token } : {}, auth: token ? { token } : {}, reconnectionDelayMax: 5000 });
}

export class LiveSource implements Source {
  private state: SourceState;
  private readonly pump: UpdatePump;
  private socket: RelaySocket | null = null;
  private lastSeq = 0;
  /** The server session our seq numbers belong to. */
  private session: string | null = null;
  private everLive = false;
  private closed = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: string,
    private readonly options: LiveSourceOptions = {},
  ) {
    this.state = initialSourceState('live', url, 'connecting');
    this.pump = new UpdatePump(() => this.state);
  }

  /** The highest seq applied so far (what a reconnect resumes after). */
  get resumeAfter(): number {
    return this.lastSeq;
  }

  setListener(listener: SourceListener): () => void {
    this.pump.setListener(listener);
    if (!this.socket && !this.closed) this.start();
    return () => this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.pump.close();
  }

  private setState(patch: Partial<SourceState>): void {
    this.state = { ...this.state, ...patch };
    void this.pump.enqueue();
  }

  private start(): void {
    const socket = (this.options.connect ?? defaultConnect)(this.url, this.options.token);
    this.socket = socket;

    socket.on('hello', (info) => {
      const reconnects = this.everLive ? this.state.reconnects + 1 : this.state.reconnects;
      this.everLive = true;
      this.setState({ presence: 'live', error: null, server: info, counters: info.counters, reconnects });
      // With the session we resumed from, a restarted server knows to answer with `reset`.
      socket.emit('resume', this.session === null ? { afterSeq: this.lastSeq } : { afterSeq: this.lastSeq, session: this.session });
      this.session = info.session;
    });

    socket.on('records', (batch) => void this.receive(socket, batch));

    socket.on('counters', (counters) => this.setState({ counters }));

    socket.on('transport', (transport) => {
      if (this.state.server) this.setState({ server: { ...this.state.server, transport } });
    });

    socket.on('disconnect', (reason) => {
      if (this.closed) return;
      this.setState({ presence: this.everLive ? 'reconnecting' : 'connecting', error: reason });
      // socket.io does not retry after the server closed the socket itself
      // (a graceful shutdown or restart); a dashboard should come back when
      // the server does. A refused handshake (bad token) still stops us below.
      if (reason === 'io server disconnect') this.retryTimer = setTimeout(() => !this.closed && socket.connect(), SERVER_CLOSE_RETRY_MS);
    });

    socket.on('connect_error', (error) => {
      if (this.closed) return;
      // Rejected by the server's middleware (bad token): retrying can't help.
      if (!socket.active) this.setState({ presence: 'error', error: error.message });
      else this.setState({ presence: this.everLive ? 'reconnecting' : 'connecting', error: error.message });
    });
  }

  private async receive(socket: RelaySocket, batch: RecordBatch): Promise<void> {
    // The server's numbering restarted: what we hold can't be continued.
    if (batch.reset) this.lastSeq = 0;
    const fresh: MirosRecord[] = [];
    for (const record of batch.records) {
      if (record.seq > this.lastSeq) {
        fresh.push(record);
        this.lastSeq = record.seq;
      }
    }
    let dropped = batch.reset ? 0 : this.state.dropped;
    if (batch.dropped) {
      dropped += batch.dropped.count;
      this.lastSeq = Math.max(this.lastSeq, batch.dropped.toSeq);
    }
    this.state = { ...this.state, dropped };
    await this.pump.enqueue(batch.reset ? { reset: true, records: fresh } : { records: fresh });
    if (!this.closed && socket.connected) socket.emit('ack', { lastSeq: this.lastSeq });
  }
}
