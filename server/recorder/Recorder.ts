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
 *
 * Rotation: a session's recording rolls over to a new part when a flush
 * would take the part past `rotateBytes`, or at the first flush after the
 * part is `rotateMs` old. Parts are named `<name>`, `<name>.p002`,
 * `<name>.p003` … (partName), each a whole recording of its own (own seek
 * index, listed on its own), so a long session never becomes one file too
 * big to copy, and retention can delete its oldest hours first.
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Clock, TimerHandle } from '../../shared/clock/Clock.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { keepAliveClock } from '../net/transport/keepAliveClock.ts';
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
  /** A part rolls over before a flush would take it past this many bytes (default unbounded). */
  rotateBytes?: number;
  /** A part rolls over at the first flush once it is this old, in ms (default never). */
  rotateMs?: number;
  /** Told after a part was closed and the next one opened (names of both). */
  onRotate?: (closed: string, opened: string) => void;
  /**
   * Arms the flush timer and dates parts for rotateMs. The default keeps its
   * timers referenced, as before: a due flush is work the process must not
   * exit before. Tests pass a VirtualClock and advance it instead of sleeping.
   */
  clock?: Clock;
  /** Epoch ms for rotateMs only, overriding `clock.now` (the older way to fake it). */
  now?: () => number;
}

/** The name of part `part` (1-based) of a session's recording. */
export function partName(base: string, part: number): string {
  return part === 1 ? base : `${base}.p${String(part).padStart(3, '0')}`;
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
  /** The session's name: the first part's, and the stem of every later one. */
  readonly base: string;
  readonly #folder: string;
  #name: string;
  #file: string;
  #fd: number;
  #part = 1;
  #partOpenedAt: number;
  readonly #rotateBytes: number;
  readonly #rotateMs: number;
  readonly #onRotate: ((closed: string, opened: string) => void) | undefined;
  readonly #clock: Clock;
  readonly #now: () => number;
  readonly #flushMs: number;
  readonly #maxBuffered: number;
  readonly #maxBufferedChars: number;
  readonly #maxBytes: number;
  readonly #onError: ((error: Error) => void) | undefined;
  #lines: string[] = [];
  #bufferedChars = 0;
  /** Bytes of whole lines in the file. */
  #fileBytes = 0;
  #timer: TimerHandle | null = null;
  #state: RecorderState = 'open';
  #stateAt = new Date();
  #error: Error | undefined;
  #written = 0;

  constructor(options: RecorderOptions) {
    this.base = checkRecordingName(options.name);
    this.#name = this.base;
    this.#folder = options.folder;
    this.#rotateBytes = options.rotateBytes ?? Infinity;
    this.#rotateMs = options.rotateMs ?? Infinity;
    this.#onRotate = options.onRotate;
    this.#clock = options.clock ?? keepAliveClock;
    this.#now = options.now ?? (() => this.#clock.now());
    this.#partOpenedAt = this.#now();
    this.#flushMs = options.flushMs ?? 100;
    this.#maxBuffered = options.maxBuffered ?? 500;
    this.#maxBufferedChars = options.maxBufferedChars ?? 4 * 1024 * 1024;
    this.#maxBytes = options.maxBytes ?? Infinity;
    this.#onError = options.onError;
    mkdirSync(options.folder, { recursive: true });
    this.#file = path.join(options.folder, this.#name + RECORDING_EXTENSION);
    // 'wx': a session never appends to (or truncates) another session's file.
    this.#fd = openSync(this.#file, 'wx');
  }

  /** The part being written now. */
  get name(): string {
    return this.#name;
  }

  get file(): string {
    return this.#file;
  }

  /** 1 for the first part. */
  get part(): number {
    return this.#part;
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
      this.#timer = this.#clock.setTimeout(() => {
        this.#timer = null;
        this.flush();
      }, this.#flushMs);
    }
  }

  /** Writes everything buffered now. */
  flush(): void {
    if (this.#timer) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#state !== 'open' || this.#lines.length === 0) return;
    const data = Buffer.from(this.#lines.join('\n') + '\n');
    const count = this.#lines.length;
    this.#lines = [];
    this.#bufferedChars = 0;
    const old = this.#now() - this.#partOpenedAt >= this.#rotateMs;
    if (this.#fileBytes > 0 && (old || this.#fileBytes + data.length > this.#rotateBytes) && !this.#rotate()) return;
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

  /** Closes this part and opens the next; false (and failed) if that cannot be done. */
  #rotate(): boolean {
    const closed = this.#name;
    try {
      closeSync(this.#fd);
      const name = partName(this.base, this.#part + 1);
      const file = path.join(this.#folder, name + RECORDING_EXTENSION);
      this.#fd = openSync(file, 'wx');
      this.#part += 1;
      this.#name = name;
      this.#file = file;
    } catch (error) {
      this.#state = 'failed';
      this.#stateAt = new Date();
      this.#error = error as Error;
      this.#onError?.(error as Error);
      return false;
    }
    this.#fileBytes = 0;
    this.#partOpenedAt = this.#now();
    this.#onRotate?.(closed, this.#name);
    return true;
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
