/**
 * The page's end of a columnar load: keeps the load's symbol table (each
 * chunk carries the names it adds) and turns each chunk into a segment the
 * store can append as it is. A chunk whose text came as ASCII bytes gets
 * its text decoded here (cheaper than a string's copy through the message).
 *
 * A later part of a file read by a second worker numbers its records and
 * lines from 1; `receive` moves them after the part before (`shift`): the
 * seq column is usually one number (a counting run), the line column a
 * typed array, and whole records are patched one by one.
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import type { ColumnChunk } from '../store/ColumnChunk.ts';
import { ColumnSegment } from '../store/ColumnSegment.ts';

/** Records and lines of the parts before this one. */
export interface PartShift {
  seq: number;
  line: number;
}

/** ASCII bytes decode the same as UTF-8 or Latin-1; the browser's UTF-8 decoder has a fast path for them. */
const ascii = new TextDecoder();

export class ChunkReceiver {
  readonly #symbols: string[] = [];

  receive(chunk: ColumnChunk, shift: PartShift | null = null): ColumnSegment {
    if (chunk.bytes) {
      chunk.text = ascii.decode(chunk.bytes);
      chunk.bytes = undefined;
    }
    // push in a loop: spreading a large array into push() overflows the stack.
    for (const name of chunk.symbols) this.#symbols.push(name);
    if (shift && (shift.seq !== 0 || shift.line !== 0)) shiftChunk(chunk, shift);
    return new ColumnSegment(chunk, this.#symbols);
  }
}

function shiftChunk(chunk: ColumnChunk, shift: PartShift): void {
  const { seq, line } = chunk;
  for (let i = 0; i < seq.length; i++) seq[i] += shift.seq;
  for (let i = 0; i < line.length; i++) if (line[i]! >= 0) line[i] += shift.line;
  for (const extra of chunk.extras) {
    const record = extra as MirosRecord;
    record.seq += shift.seq;
    if (record.origin) record.origin = { ...record.origin, line: record.origin.line + shift.line };
  }
}
