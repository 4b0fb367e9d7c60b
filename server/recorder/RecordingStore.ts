/**
 * The recordings folder: list, read, create and delete JSON-lines recordings
 * by name, never by path.
 *
 * Every operation goes through `pathOf`, which accepts only a checked name
 * and then verifies that the resolved file is directly inside the folder, so
 * no request can read, write or delete anything else. Listing counts records
 * from each recording's seek index (SeekIndex.ts, `<name>.idx` beside it),
 * which is extended as a file grows, so a dashboard polling the list never
 * rescans a recording, and a multi-GB one is read from any record on
 * (`range`).
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { createLogParser } from '../../shared/parsers/createLogParser.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import type { RecordingInfo } from '../../shared/contract/recordings.ts';
import { InvalidRecordingNameError, RECORDING_EXTENSION, checkRecordingName } from './recordingName.ts';
import { UploadFile, uploadTempOwner } from './UploadFile.ts';
import { INDEX_EXTENSION, updateSeekIndex, type SeekIndex } from './SeekIndex.ts';
import { readRecordLines } from './readRecordLines.ts';

/** Records one range read may return, and the bytes it may read for them. */
export const MAX_RANGE_RECORDS = 50_000;
export const MAX_RANGE_BYTES = 64 * 1024 * 1024;

/** A stretch of a recording: records numbered by their place in the whole file. */
export interface RecordRange {
  /** Record number (0-based) of the first record. */
  from: number;
  records: MirosRecord[];
  /** Records in the whole recording (as far as its index covers). */
  total: number;
  /** True when the byte budget cut the range short. */
  truncated: boolean;
}

export class RecordingNotFoundError extends Error {
  constructor(readonly recording: string) {
    super(`no recording named ${recording}`);
    this.name = 'RecordingNotFoundError';
  }
}

export class PathEscapeError extends Error {
  constructor(readonly recording: string) {
    super(`recording name ${recording} resolves outside the recordings folder`);
    this.name = 'PathEscapeError';
  }
}

interface Summary {
  size: number;
  mtimeMs: number;
  index: SeekIndex;
}

export interface RecordingStoreOptions {
  /** Recordings of at least this many bytes keep their seek index in a file (default: SeekIndex's PERSIST_FROM_BYTES). */
  persistIndexFromBytes?: number;
}

export class RecordingStore {
  readonly folder: string;
  readonly #summaries = new Map<string, Summary>();
  readonly #persistIndexFromBytes: number | undefined;

  constructor(folder: string, options: RecordingStoreOptions = {}) {
    this.folder = path.resolve(folder);
    this.#persistIndexFromBytes = options.persistIndexFromBytes;
  }

  /** The file of a recording; throws for any name that is not a plain stem in this folder. */
  pathOf(name: string): string {
    const file = path.resolve(this.folder, checkRecordingName(name) + RECORDING_EXTENSION);
    if (path.dirname(file) !== this.folder) throw new PathEscapeError(name);
    return file;
  }

  async list(liveName: string | null = null): Promise<RecordingInfo[]> {
    let entries: string[];
    try {
      entries = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const infos: RecordingInfo[] = [];
    for (const entry of entries) {
      if (!entry.endsWith(RECORDING_EXTENSION)) continue;
      const name = entry.slice(0, -RECORDING_EXTENSION.length);
      try {
        infos.push(await this.info(name, liveName));
      } catch (error) {
        // A file with an unsafe name, or one deleted meanwhile, is simply not listed.
        if (!(error instanceof RecordingNotFoundError) && !(error instanceof InvalidRecordingNameError)) throw error;
      }
    }
    return infos.sort((a, b) => b.modified - a.modified || a.name.localeCompare(b.name));
  }

  async info(name: string, liveName: string | null = null): Promise<RecordingInfo> {
    const file = this.pathOf(name);
    const stats = await stat(file).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new RecordingNotFoundError(name) : error;
    });
    const { index } = await this.#summary(name, stats);
    return {
      name,
      bytes: stats.size,
      records: index.records,
      firstReceived: index.firstReceived,
      lastReceived: index.lastReceived,
      modified: Math.round(stats.mtimeMs),
      live: name === liveName,
    };
  }

  /** The recording's seek index, brought up to date with the file. */
  async seekIndex(name: string): Promise<SeekIndex> {
    const file = this.pathOf(name);
    const stats = await stat(file).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new RecordingNotFoundError(name) : error;
    });
    return (await this.#summary(name, stats)).index;
  }

  async #summary(name: string, stats: { size: number; mtimeMs: number }): Promise<Summary> {
    const known = this.#summaries.get(name);
    if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) return known;
    const index = await updateSeekIndex(this.pathOf(name), this.#indexOf(name), {
      previous: known?.index ?? null,
      ...(this.#persistIndexFromBytes === undefined ? {} : { persistFromBytes: this.#persistIndexFromBytes }),
    });
    const summary = { size: stats.size, mtimeMs: stats.mtimeMs, index };
    this.#summaries.set(name, summary);
    return summary;
  }

  #indexOf(name: string): string {
    return this.pathOf(name).slice(0, -RECORDING_EXTENSION.length) + INDEX_EXTENSION;
  }

  /**
   * `count` records from record `from` (0-based) on, read through the seek
   * index and checked by the shared parser like every other read; `seq` is
   * the record's place in the whole recording (from + 1 for the first), as
   * a whole read would have numbered it.
   */
  async range(name: string, from: number, count: number): Promise<RecordRange> {
    const index = await this.seekIndex(name);
    const wanted = Math.min(Math.max(0, Math.floor(count)), MAX_RANGE_RECORDS);
    const read = await readRecordLines(this.pathOf(name), index, Math.max(0, Math.floor(from)), wanted, MAX_RANGE_BYTES);
    const parser = createLogParser({ format: 'miroscope-jsonl', file: name + RECORDING_EXTENSION });
    const records: MirosRecord[] = [];
    for (const record of parser.push(read.lines.join('\n') + '\n')) records.push(record);
    for (const record of parser.end()) records.push(record);
    records.forEach((record, i) => {
      const seq = read.from + i + 1;
      record.seq = seq;
      if (record.origin) record.origin = { ...record.origin, line: seq };
    });
    return { from: read.from, records, total: index.records, truncated: read.truncated };
  }

  /**
   * Cuts a torn last line (a writer killed mid-write) off every recording,
   * so the file ends on a whole line before anything appends to or reads it;
   * run when a server starts. Returns the names repaired.
   */
  async repairTornTails(): Promise<string[]> {
    const entries = await readdir(this.folder).catch(() => [] as string[]);
    const repaired: string[] = [];
    for (const entry of entries) {
      if (!entry.endsWith(RECORDING_EXTENSION) || uploadTempOwner(entry) !== null) continue;
      const file = path.join(this.folder, entry);
      const handle = await open(file, 'r+').catch(() => null);
      if (!handle) continue;
      try {
        const { size } = await handle.stat();
        const whole = await wholeLinesEnd(handle, size);
        if (whole < size) {
          await handle.truncate(whole);
          repaired.push(entry.slice(0, -RECORDING_EXTENSION.length));
        }
      } finally {
        await handle.close();
      }
    }
    return repaired;
  }

  /**
   * The records of a recording in file order, read by the shared parser (the
   * same checks as an upload): a line that is not a valid record comes back
   * as a `note` with its line number instead of stopping the read. The
   * parser numbers records in file order, which for a recording written by
   * the server is the seq they were recorded with.
   */
  async *records(name: string): AsyncGenerator<MirosRecord> {
    const input = createReadStream(this.pathOf(name), { encoding: 'utf8' });
    await new Promise<void>((resolve, reject) => {
      input.once('open', () => resolve());
      input.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'ENOENT' ? new RecordingNotFoundError(name) : error),
      );
    });
    const parser = createLogParser({ format: 'miroscope-jsonl', file: name + RECORDING_EXTENSION });
    for await (const chunk of input) yield* parser.push(chunk as string);
    yield* parser.end();
  }

  async remove(name: string): Promise<void> {
    await unlink(this.pathOf(name)).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new RecordingNotFoundError(name) : error;
    });
    await unlink(this.#indexOf(name)).catch(() => {});
    this.#summaries.delete(name);
  }

  /**
   * Writes a new recording from records (under a temporary name, then
   * renamed); if `base` is taken, `-2`, `-3` … is appended. Returns the name used.
   */
  async create(base: string, records: Iterable<MirosRecord>): Promise<string> {
    checkRecordingName(base);
    const file = await this.openUpload();
    try {
      let text = '';
      for (const record of records) {
        text += JSON.stringify(record) + '\n';
        if (text.length >= 1 << 20) {
          await file.write(text);
          text = '';
        }
      }
      await file.write(text);
      return await file.commit(base);
    } catch (error) {
      await file.discard();
      throw error;
    }
  }

  /**
   * Starts a new recording under a temporary name; `commit(base)` on the
   * returned file gives it `base` (or `base-2`, `base-3` … if taken).
   */
  async openUpload(): Promise<UploadFile> {
    await mkdir(this.folder, { recursive: true });
    return new UploadFile(this.folder, (name) => this.pathOf(name));
  }

  /**
   * Removes the temporary files of uploads whose process is gone (a crash or
   * kill mid-upload); run when a server starts. Returns how many it removed.
   */
  async removeStaleUploads(): Promise<number> {
    const entries = await readdir(this.folder).catch(() => [] as string[]);
    let removed = 0;
    for (const entry of entries) {
      const pid = uploadTempOwner(entry);
      // Our own and other live servers' files are uploads in progress.
      if (pid === null || pid === process.pid || isRunning(pid)) continue;
      await unlink(path.join(this.folder, entry)).then(
        () => removed++,
        () => {},
      );
    }
    return removed;
  }

  /** Bytes used by the files in the folder (recordings, the live one, anything else) except uploads in progress. */
  async folderBytes(): Promise<number> {
    const entries = await readdir(this.folder).catch(() => [] as string[]);
    let total = 0;
    for (const entry of entries) {
      if (uploadTempOwner(entry) !== null) continue;
      const stats = await stat(path.join(this.folder, entry)).catch(() => null);
      if (stats?.isFile()) total += stats.size;
    }
    return total;
  }
}

/** Where the file's last whole line ends (0 when it has none). */
async function wholeLinesEnd(handle: import('node:fs/promises').FileHandle, size: number): Promise<number> {
  const buffer = Buffer.alloc(64 * 1024);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - buffer.length);
    const { bytesRead } = await handle.read(buffer, 0, end - start, start);
    const newline = buffer.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (newline >= 0) return start + newline + 1;
    end = start;
  }
  return 0;
}

/** True when a process with this pid exists (signal 0 only checks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
