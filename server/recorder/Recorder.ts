/**
 * Writes a session's records to an append-only JSON-lines file.
 *
 * Records are buffered and written with one `writeSync` per flush: every
 * `flushMs` (100 ms by default) or as soon as `maxBuffered` records wait,
 * whichever comes first. A crash (even SIGKILL) therefore loses at most the
 * records of one flush interval, and a flush never interleaves with another,
 * so the file is always whole lines. Synchronous writes are deliberate: a
 * flush is a few hundred kilobytes at most, and being synchronous means
 * `close()` at shutdown is complete when it returns.
 *
 *   open ──write()*──▶ open ──close()──▶ closed
 *     │                  │
 *     └── write error ───┴──▶ failed (error kept; later writes throw it)
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { RECORDING_EXTENSION, checkRecordingName } from './recordingName.ts';

export interface RecorderOptions {
  folder: string;
  name: string;
  flushMs?: number;
  maxBuffered?: number;
  /** Told once when writing fails (disk full, folder removed …); the session goes on without recording. */
  onError?: (error: Error) => void;
}

export type RecorderState = 'open' | 'closed' | 'failed';

/** Thrown by write() after the recorder closed or failed; says when and why. */
export class RecorderClosedError extends Error {
  constructor(name: string, state: RecorderState, at: Date, cause?: Error) {
    super(`recording ${name} is ${state} since ${at.toISOString()}${cause ? `: ${cause.message}` : ''}`, { cause });
    this.name = 'RecorderClosedError';
  }
}

export class Recorder {
  readonly name: string;
  readonly file: string;
  readonly #fd: number;
  readonly #flushMs: number;
  readonly #maxBuffered: number;
  readonly #onError: ((error: Error) => void) | undefined;
  #lines: string[] = [];
  #timer: NodeJS.Timeout | null = null;
  #state: RecorderState = 'open';
  #stateAt = new Date();
  #error: Error | undefined;
  #written = 0;

  constructor(options: RecorderOptions) {
    this.name = checkRecordingName(options.name);
    this.#flushMs = options.flushMs ?? 100;
    this.#maxBuffered = options.maxBuffered ?? 500;
    this.#onError = options.onError;
    mkdirSync(options.folder, { recursive: true });
    this.file = path.join(options.folder, this.name + RECORDING_EXTENSION);
    // 'wx': a session never appends to (or truncates) another session's file.
    this.#fd = openSync(this.file, 'wx');
  }

  get state(): RecorderState {
    return this.#state;
  }

  /** Records handed to write() so far. */
  get written(): number {
    return this.#written;
  }

  write(record: MirosRecord): void {
    if (this.#state !== 'open') throw new RecorderClosedError(this.name, this.#state, this.#stateAt, this.#error);
    this.#lines.push(JSON.stringify(record));
    this.#written += 1;
    if (this.#lines.length >= this.#maxBuffered) this.flush();
    else if (!this.#timer) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.flush();
      }, this.#flushMs);
    }
  }

  /** Writes everything buffered now. */
  flush(): void {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#state !== 'open' || this.#lines.length === 0) return;
    const data = Buffer.from(this.#lines.join('\n') + '\n');
    this.#lines = [];
    try {
      let offset = 0;
      while (offset < data.length) offset += writeSync(this.#fd, data, offset);
    } catch (error) {
      this.#fail(error as Error);
    }
  }

  /** Flushes and closes the file; idempotent. */
  close(): void {
    if (this.#state !== 'open') return;
    this.flush();
    if (this.#state !== 'open') return;
    closeSync(this.#fd);
    this.#state = 'closed';
    this.#stateAt = new Date();
  }

  #fail(error: Error): void {
    this.#state = 'failed';
    this.#stateAt = new Date();
    this.#error = error;
    try {
      closeSync(this.#fd);
    } catch {
      // The descriptor may already be unusable; the original error is what matters.
    }
    this.#onError?.(error);
  }
}
