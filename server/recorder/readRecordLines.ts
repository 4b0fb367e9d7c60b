/**
 * Reads `count` record lines of a recording starting at record `from`,
 * using its seek index: the read starts at the mark before `from` and skips
 * at most one mark's worth of lines (4,095), so any range of a multi-GB
 * recording costs about the same as its first.
 *
 * Lines are counted as the index counts them (non-blank, up to the last
 * newline the index covers), so record numbers agree with the list's count.
 * The read is bounded in bytes as well as lines: a recording of huge lines
 * cannot make one request hold gigabytes.
 */
import { open } from 'node:fs/promises';
import { isSpaceByte, markBefore, type SeekIndex } from './SeekIndex.ts';

const CHUNK_BYTES = 1 << 20;

export interface RecordLines {
  /** Record number (0-based) of the first line. */
  from: number;
  lines: string[];
  /** True when the byte budget stopped the read before `count` lines. */
  truncated: boolean;
}

export async function readRecordLines(
  file: string,
  index: SeekIndex,
  from: number,
  count: number,
  maxBytes: number,
): Promise<RecordLines> {
  const start = Math.max(0, Math.min(from, index.records));
  const end = Math.min(index.records, start + Math.max(0, count));
  const mark = markBefore(index, start);
  const lines: string[] = [];
  if (!mark || start >= end) return { from: start, lines, truncated: false };
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let record = mark.record;
    let position = mark.offset;
    let carry: Buffer | null = null;
    let taken = 0;
    while (record < end && position < index.bytes) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK_BYTES, index.bytes - position), position);
      if (bytesRead <= 0) break;
      position += bytesRead;
      const chunk: Buffer = carry ? Buffer.concat([carry, buffer.subarray(0, bytesRead)]) : buffer.subarray(0, bytesRead);
      let at = 0;
      for (;;) {
        const newline = chunk.indexOf(0x0a, at);
        if (newline < 0) break;
        const line = chunk.subarray(at, newline);
        at = newline + 1;
        const text = stripReturn(line);
        if (isBlank(text)) continue;
        if (record >= start) {
          taken += text.length + 1;
          if (taken > maxBytes && lines.length > 0) return { from: start, lines, truncated: true };
          lines.push(text.toString('utf8'));
        }
        record += 1;
        if (record >= end) break;
      }
      // Copied: the next read reuses `buffer`.
      carry = at < chunk.length ? Buffer.from(chunk.subarray(at)) : null;
      if (carry && carry.length > maxBytes) return { from: start, lines, truncated: true };
    }
    return { from: start, lines, truncated: false };
  } finally {
    await handle.close();
  }
}

function isBlank(line: Buffer): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpaceByte(line[i]!)) return false;
  return true;
}

function stripReturn(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line;
}
