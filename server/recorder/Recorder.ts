/**
 * Writes a session's records to an append-only JSON-lines file.
 *
 * Records are buffered and written with one `writeSync` per flush: every
 * `flushMs` (100 ms by default) or as soon as `maxBuffered` records or
 * `maxBufferedChars` characters wait, whichever comes first (so a burst of
 * large records cannot pile up in memory). A crash (even SIGKILL) therefore loses at most the
 * records of one flush interval, and a flush never interleaves with another,
 * so the file is always whole lines. Synchronous writes are deliberate: a
 * flush is a few hundred kilobytes at most, and being synchronous means
 * `close()` at shutdown is complete when it returns.
 *
 *   open ──write()*──▶ open ──close()──▶ closed
 *     │                  │
 *     └── write error ───┴──▶ failed (error kept; later writes throw it)
 *
 * A write that fails part-way (disk full) leaves part of a line behind; the
 * recorder cuts the file back to its last whole line before closing it, and
 * `written` counts only the records whose lines reached the file whole.
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { RECORDING_EXTENSION, checkRecordingName } from './recordingName.ts';

export interface RecorderOptions {
  folder: string;
  name: string;
  flushMs?: number;
  maxBuffered?: number;
  /** Characters buffered before a flush is forced (default 4 MiB). */
  maxBufferedChars?: number;
  /**
   * Largest the file may grow, in bytes (default unbounded; the server passes
   * messageBudgets.maxRecordingBytes). A flush that would pass it is not
   * written and the recorder fails with a RecordingFullError: the session
   * goes on unrecorded rather than filling the disk.
   */
  maxBytes?: number;
  /** Told once when writing fails (disk full, folder removed …); the session goes on without recording. */
  onError?: (error: Error) => void;
}

export type RecorderState = 'open' | 'closed' | 'failed';

/** Why a recorder stopped at its size budget. */
export class RecordingFullError extends Error {
  override readonly name = 'RecordingFullError';
  constructor(readonly maxBytes: number) {
    super(`the recording reached its size budget of ${maxBytes} bytes (maxRecordingBytes)`);
  }
}

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
  readonly #maxBufferedChars: number;
  readonly #maxBytes: number;
  readonly #onError: ((error: Error) => void) | undefined;
  #lines: string[] = [];
  #bufferedChars = 0;
  /** Bytes of whole lines in the file. */
  #fileBytes = 0;
  #timer: NodeJS.Timeout | null = null;
  #state: RecorderState = 'open';
  #stateAt = new Date();
  #error: Error | undefined;
  #written = 0;

  constructor(options: RecorderOptions) {
    this.name = checkRecordingName(options.name);
    this.#flushMs = options.flushMs ?? 100;
    this.#maxBuffered = options.maxBuffered ?? 500;
    this.#maxBufferedChars = options.maxBufferedChars ?? 4 * 1024 * 1024;
    this.#maxBytes = options.maxBytes ?? Infinity;
    this.#onError = options.onError;
    mkdirSync(options.folder, { recursive: true });
    this.file = path.join(options.folder, this.name + RECORDING_EXTENSION);
    // 'wx': a session never appends to (or truncates) another session's file.
    this.#fd = openSync(this.file, 'wx');
  }

  get state(): RecorderState {
    return this.#state;
  }

  /** Records whose lines reached the file whole (not those still buffered). */
  get written(): number {
    return this.#written;
  }

  /** Records handed over and not yet written. */
  get buffered(): number {
    return this.#lines.length;
  }

  write(record: MirosRecord): void {
    this.writeLine(JSON.stringify(record));
  }

  /** Appends a record already encoded as one JSON line (no newline inside). */
  writeLine(line: string): void {
    if (this.#state !== 'open') throw new RecorderClosedError(this.name, this.#state, this.#stateAt, this.#error);
    this.#lines.push(line);
    this.#bufferedChars += line.length;
    if (this.#lines.length >= this.#maxBuffered || this.#bufferedChars >= this.#maxBufferedChars) this.flush();
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
    const count = this.#lines.length;
    this.#lines = [];
    this.#bufferedChars = 0;
    if (this.#fileBytes + data.length > this.#maxBytes) {
      this.#fail(new RecordingFullError(this.#maxBytes));
      return;
    }
    let offset = 0;
    try {
      while (offset < data.length) offset += writeSync(this.#fd, data, offset);
      this.#written += count;
      this.#fileBytes += data.length;
    } catch (error) {
      // Keep the whole lines that made it; cut the partial one (JSON lines hold no raw newline).
      const whole = offset > 0 ? data.lastIndexOf(0x0a, offset - 1) + 1 : 0;
      for (let i = 0; i < whole; i++) if (data[i] === 0x0a) this.#written += 1;
      this.#fileBytes += whole;
      if (whole < offset) {
        try {
          ftruncateSync(this.#fd, this.#fileBytes);
        } catch {
          // Nothing more to do on a failing disk: the write error is what gets reported.
        }
      }
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
