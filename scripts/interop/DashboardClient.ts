/**
 * What a dashboard sees: a socket.io client of `miroscope serve` speaking
 * the relay contract as the page does (hello → resume → ack after every
 * batch; docs/server.md), keeping every record it is sent.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contract/socketContract.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';

export class DashboardClient {
  readonly records: MirosRecord[] = [];
  /** Records the server said this client will never get (the ring buffer overran it). */
  dropped = 0;
  #socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  #lastSeq = 0;
  #session: string | undefined;
  #hello: Promise<void>;

  constructor(url: string) {
    this.#socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    this.#hello = new Promise((resolve, reject) => {
      this.#socket.once('connect_error', reject);
      this.#socket.once('hello', () => resolve());
    });
    this.#socket.on('hello', (info) => {
      this.#socket.emit('resume', { afterSeq: this.#lastSeq, session: this.#session ?? info.session });
      this.#session = info.session;
    });
    this.#socket.on('records', (batch) => {
      if (batch.reset) this.records.length = 0;
      if (batch.dropped) this.dropped += batch.dropped.count;
      this.records.push(...batch.records);
      const last = batch.records.at(-1)?.seq ?? batch.dropped?.toSeq;
      if (last !== undefined) this.#lastSeq = last;
      this.#socket.emit('ack', { lastSeq: this.#lastSeq });
    });
  }

  /** Resolves on the server's hello; rejects on a refused connection or after `ms`. */
  async connected(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no hello from the dashboard within ${ms / 1000} s`)), ms)));
    try {
      await Promise.race([this.#hello, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.#socket.disconnect();
  }
}
