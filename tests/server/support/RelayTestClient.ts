/**
 * A socket.io client of the relay for tests: it speaks the contract the way a
 * dashboard does (hello → resume → ack every batch) and keeps everything it
 * got, so tests can assert whole streams.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  HelloInfo,
  RecordBatch,
  ServerToClientEvents,
} from '../../../shared/contract/socketContract.ts';
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';

export interface RelayTestClientOptions {
  /** Acknowledge batches (default true); false simulates a stuck browser. */
  ack?: boolean;
  afterSeq?: number;
  session?: string;
  token?: string;
  extraHeaders?: Record<string, string>;
}

export class RelayTestClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly hellos: HelloInfo[] = [];
  readonly batches: RecordBatch[] = [];
  readonly records: MirosRecord[] = [];
  ack: boolean;
  #lastSeq: number;
  #session: string | undefined;
  #waiters: (() => void)[] = [];

  constructor(url: string, options: RelayTestClientOptions = {}) {
    this.ack = options.ack ?? true;
    this.#lastSeq = options.afterSeq ?? 0;
    this.#session = options.session;
    this.socket = io(url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      // The engine.io handshake must carry the token itself (see tokenGate.ts).
      extraHeaders: options.token ? { authorization: `Bearer ${options.token}`, ...options.extraHeaders } : options.extraHeaders,
    });
    this.socket.on('hello', (info) => {
      this.hellos.push(info);
      this.socket.emit('resume', { afterSeq: this.#lastSeq, session: this.#session ?? info.session });
      this.#session = info.session;
      this.#wake();
    });
    this.socket.on('records', (batch) => {
      this.batches.push(batch);
      this.records.push(...batch.records);
      const last = batch.records.at(-1)?.seq ?? batch.dropped?.toSeq;
      if (last !== undefined) this.#lastSeq = last;
      if (this.ack) this.socket.emit('ack', { lastSeq: this.#lastSeq });
      this.#wake();
    });
  }

  #wake(): void {
    for (const wake of this.#waiters.splice(0)) wake();
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Acknowledges everything received so far (after a period without acks). */
  ackNow(): void {
    this.ack = true;
    this.socket.emit('ack', { lastSeq: this.#lastSeq });
  }

  async connected(): Promise<HelloInfo> {
    await this.until(() => this.hellos.length > 0);
    return this.hellos.at(-1)!;
  }

  /** Resolves when `check` holds after some batch (or now); rejects after `ms`. */
  until(check: () => boolean, ms = 5000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; got ${this.records.length} records`)), ms);
      const wait = () => {
        if (check()) {
          clearTimeout(timer);
          resolve();
        } else this.#waiters.push(wait);
      };
      this.#waiters.push(wait);
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}
