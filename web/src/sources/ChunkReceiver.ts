/**
 * The page's end of a columnar load: keeps the load's symbol table (each
 * chunk carries the names it adds) and turns each chunk into a segment the
 * store can append as it is.
 */
import type { ColumnChunk } from '../store/ColumnChunk.ts';
import { ColumnSegment } from '../store/ColumnSegment.ts';

export class ChunkReceiver {
  readonly #symbols: string[] = [];

  receive(chunk: ColumnChunk): ColumnSegment {
    // push in a loop: spreading a large array into push() overflows the stack.
    for (const name of chunk.symbols) this.#symbols.push(name);
    return new ColumnSegment(chunk, this.#symbols);
  }
}
