/**
 * A sparse seek index for a JSON-lines recording, kept beside it as
 * `<name>.idx`, so a multi-gigabyte recording can be summarised and read
 * from any record without scanning it.
 *
 * Every STEP-th record (0, 4096, 8192 …) has a mark: its byte offset and
 * its `received` time. With 5 million records that is about 1,200 marks
 * (a few tens of kilobytes). The index also carries the summary the
 * recordings list shows (records, first and last received), and how many
 * bytes of the recording it covers.
 *
 * Recordings are append-only, so an index is extended, never rewritten
 * from scratch: a file that grew is scanned from the covered offset on (the
 * live recording costs a few milliseconds per listing). An index that does
 * not fit its file — the file is shorter than the index covers, the byte
 * before the covered end is not a newline, the index is unreadable — is
 * rebuilt by one streaming pass (about a second per gigabyte). A torn last
 * line (a killed writer) is never covered: the index ends at the last
 * newline, so what it counts is whole lines only.
 *
 * The index is written under a temporary name and renamed, so a crash
 * leaves the old index or the new one, never half of one. Only recordings
 * of PERSIST_FROM_BYTES or more get an index file: a smaller one is scanned
 * in milliseconds, and the folder is not cluttered with an `.idx` beside
 * every short session (the store keeps their index in memory).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { open, readFile, rename, stat, writeFile } from 'node:fs/promises';

export const INDEX_EXTENSION = '.idx';
/** Records between two marks. */
export const INDEX_STEP = 4096;
/** Recordings smaller than this get no index file (see above). */
export const PERSIST_FROM_BYTES = 16 * 1024 * 1024;
const INDEX_VERSION = 1;
const CHUNK_BYTES = 1 << 20;
/** A mark's line is read to find its time; a longer line gives up (the time is then null). */
const MAX_TIME_PROBE_BYTES = 64 * 1024;

export interface SeekMark {
  /** Record number (0-based, in file order). */
  record: number;
  /** Byte offset of the record's line. */
  offset: number;
  /** The record's `received` time, or null when the line has none. */
  received: number | null;
}

export interface SeekIndex {
  v: typeof INDEX_VERSION;
  step: number;
  /** Bytes of the recording covered: up to and including its last whole line. */
  bytes: number;
  records: number;
  firstReceived: number | null;
  lastReceived: number | null;
  /** Offset of the last covered record's line (to find lastReceived again). */
  lastOffset: number | null;
  marks: SeekMark[];
}

function emptyIndex(): SeekIndex {
  return { v: INDEX_VERSION, step: INDEX_STEP, bytes: 0, records: 0, firstReceived: null, lastReceived: null, lastOffset: null, marks: [] };
}

export interface UpdateOptions {
  /** The index as last returned for this file (kept in memory), tried before the index file. */
  previous?: SeekIndex | null;
  /** Save an index file only for a recording of at least this many bytes (default PERSIST_FROM_BYTES). */
  persistFromBytes?: number;
}

/**
 * The index of `file`, brought up to date with it (built, extended or
 * rebuilt as needed) and saved to `indexFile` when it changed.
 */
export async function updateSeekIndex(file: string, indexFile: string, options: UpdateOptions = {}): Promise<SeekIndex> {
  const size = (await stat(file)).size;
  let index = options.previous ? structuredClone(options.previous) : await readIndex(indexFile);
  if (index && !(await fits(index, file, size))) index = null;
  const before = index?.bytes ?? -1;
  index ??= emptyIndex();
  if (index.bytes < size) extend(index, file, size);
  if (index.bytes !== before && size >= (options.persistFromBytes ?? PERSIST_FROM_BYTES)) await saveIndex(index, indexFile);
  return index;
}

/** The mark at or before `record` (the place to start reading it from). */
export function markBefore(index: SeekIndex, record: number): SeekMark | null {
  if (index.marks.length === 0) return null;
  const k = Math.max(0, Math.min(index.marks.length - 1, Math.floor(record / index.step)));
  return index.marks[k]!;
}

async function readIndex(indexFile: string): Promise<SeekIndex | null> {
  try {
    const parsed = JSON.parse(await readFile(indexFile, 'utf8')) as SeekIndex;
    if (parsed.v !== INDEX_VERSION || parsed.step !== INDEX_STEP || !Array.isArray(parsed.marks)) return null;
    if (!Number.isSafeInteger(parsed.bytes) || !Number.isSafeInteger(parsed.records)) return null;
    return parsed;
  } catch {
    // Missing, torn or foreign: rebuilt from the recording.
    return null;
  }
}

/** The index still describes the start of this file: it ends on a newline inside it. */
async function fits(index: SeekIndex, file: string, size: number): Promise<boolean> {
  if (index.bytes > size) return false;
  if (index.bytes === 0) return index.records === 0;
  const handle = await open(file, 'r');
  try {
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, index.bytes - 1);
    return byte[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

async function saveIndex(index: SeekIndex, indexFile: string): Promise<void> {
  const temp = `${indexFile}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(index));
  await rename(temp, indexFile);
}

/**
 * Scans `file` from `index.bytes` to its last newline before `size`,
 * counting non-blank lines and marking every STEP-th. Synchronous reads of
 * 1 MiB: the scan is a tight loop over a buffer, and it runs once per byte
 * of a recording's life.
 */
function extend(index: SeekIndex, file: string, size: number): void {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let chunkStart = index.bytes;
    /** Offset of the line being read (its start), carried across chunks. */
    let lineStart = index.bytes;
    while (chunkStart < size) {
      const length = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, size - chunkStart), chunkStart);
      if (length <= 0) break;
      let at = 0;
      for (;;) {
        const newline = buffer.indexOf(0x0a, at);
        if (newline < 0 || newline >= length) break;
        const lineEnd = chunkStart + newline;
        if (!isBlankLine(fd, buffer, chunkStart, lineStart, lineEnd)) {
          if (index.records % index.step === 0) index.marks.push({ record: index.records, offset: lineStart, received: null });
          index.records += 1;
          index.lastOffset = lineStart;
        }
        lineStart = lineEnd + 1;
        at = newline + 1;
      }
      chunkStart += length;
    }
    index.bytes = lineStart;
    // Times are read for the marks only (and the last line): a few thousand small reads.
    for (const mark of index.marks) if (mark.received === null) mark.received = receivedAt(fd, mark.offset);
    index.firstReceived = index.marks[0]?.received ?? null;
    index.lastReceived = index.lastOffset === null ? null : receivedAt(fd, index.lastOffset);
  } finally {
    closeSync(fd);
  }
}

/** Spaces, tabs and CRs only (or nothing): what the parser skips as blank, so counts agree. */
export function isSpaceByte(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d;
}

function isBlankLine(fd: number, buffer: Buffer, chunkStart: number, start: number, end: number): boolean {
  // A record line starts with `{`: one byte decides nearly always.
  for (let at = start; at < end; at++) if (!isSpaceByte(byteAt(fd, buffer, chunkStart, at))) return false;
  return true;
}

function byteAt(fd: number, buffer: Buffer, chunkStart: number, offset: number): number {
  if (offset >= chunkStart) return buffer[offset - chunkStart]!;
  const one = Buffer.alloc(1);
  readSync(fd, one, 0, 1, offset);
  return one[0]!;
}

const RECEIVED = /"received":(-?\d+(?:\.\d+)?)/;

/** The `received` field of the line at `offset`, or null. */
function receivedAt(fd: number, offset: number): number | null {
  const probe = Buffer.alloc(Math.min(MAX_TIME_PROBE_BYTES, 4096));
  let text = '';
  let at = offset;
  while (text.length < MAX_TIME_PROBE_BYTES) {
    const length = readSync(fd, probe, 0, probe.length, at);
    if (length <= 0) break;
    const chunk = probe.subarray(0, length);
    const newline = chunk.indexOf(0x0a);
    text += chunk.subarray(0, newline < 0 ? length : newline).toString('utf8');
    if (newline >= 0) break;
    at += length;
  }
  const match = RECEIVED.exec(text);
  return match ? Number(match[1]) : null;
}
