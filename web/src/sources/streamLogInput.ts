/**
 * The reading loop shared by the in-thread loader and the parse worker:
 * stream the bytes, decode them as UTF-8, feed the shared line reader with
 * a ColumnEncoder as its sink, and hand the columns over chunk by chunk.
 *
 *   bytes ─decode─▶ text block ─createLineReader─▶ ColumnEncoder ─take()─▶ sink(chunk)
 *
 * Text is fed in blocks: the first one small, so the first records of a
 * huge file show up at once, then doubling up to `blockChars`, so later
 * records arrive in few, large chunks (each hand-over costs a message and
 * the page an update). A block is also cut when `maxDelayMs` passed, for
 * slow streams. Blocks are cut after a line end in the bytes (a 0x0A byte
 * never sits inside a UTF-8 sequence), so each block is whole lines; a
 * block that is all ASCII goes to the page as its bytes (see ColumnChunk
 * `bytes`).
 */
import { createLineReader } from '../../../shared/parsers/createLineReader.ts';
import { LogLoadError, type LoadSummary, type LogInput } from './LogLoader.ts';
import { ColumnEncoder } from './ColumnEncoder.ts';
import type { WireBatch } from './parseWorkerProtocol.ts';

export type ChunkSink = (batch: WireBatch) => Promise<void>;

export interface StreamOptions {
  /** Hand over a chunk every this many bytes of text … */
  blockChars?: number;
  /** … starting with a block this small … */
  firstBlockChars?: number;
  /** … or when this many ms passed since the last hand-over. */
  maxDelayMs?: number;
  /** `received` stamped on every record (default: now). */
  received?: number;
  /** The input starts after a line end inside a file (see createLineReader). */
  midFile?: boolean;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export async function streamLogInput(input: LogInput, sink: ChunkSink, options: StreamOptions = {}): Promise<LoadSummary> {
  const blockChars = options.blockChars ?? 1 << 20;
  const maxDelayMs = options.maxDelayMs ?? 100;
  let block = Math.min(blockChars, options.firstBlockChars ?? 1 << 16);
  const { stream, total } = await openInput(input, options);
  const encoder = new ColumnEncoder();
  const reader = createLineReader({ file: input.name, received: options.received ?? Date.now(), midFile: options.midFile === true }, encoder);
  // Mid-file, a leading U+FEFF is a character of the line: the decoder must not eat it as a byte-order mark.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: options.midFile === true });
  const chunks = stream.getReader();
  let loaded = 0;
  let records = 0;
  let errorsSent = 0;
  let lastHandOver = Date.now();
  let parseMs = 0;
  let encodeMs = 0;
  /** Bytes read and not fed yet (the tail of an unfinished line among them). */
  let pieces: Uint8Array[] = [];
  let held = 0;
  /** After a look found no line end, the next waits until this much is held (a huge line is not joined over and over). */
  let retryAt = 0;

  /** Hands over what was read since the last time (even nothing: the progress moved). */
  const handOver = async (ascii?: { text: string; bytes: Uint8Array }) => {
    const errors = reader.errors.slice(errorsSent);
    errorsSent = reader.errors.length;
    const t0 = performance.now();
    const chunk = encoder.take(ascii);
    encodeMs += performance.now() - t0;
    records += chunk.length;
    lastHandOver = Date.now();
    await sink({ chunk, errors, loaded, total, lines: reader.lines });
  };
  const feed = (text: string) => {
    const t0 = performance.now();
    reader.push(text);
    parseMs += performance.now() - t0;
  };
  /** Feeds the whole lines held (`last`: everything held, the input has ended). */
  const feedBlock = async (last: boolean) => {
    const bytes = joinBytes(pieces, held);
    const cut = last ? bytes.length : bytes.lastIndexOf(10) + 1;
    // No line end yet: keep reading (unless the input ended).
    if (cut === 0 && !last) {
      pieces = [bytes];
      retryAt = held * 2;
      return;
    }
    // Copied: the block's buffer may go to the page (transferred), the unfinished line stays.
    const rest = bytes.slice(cut);
    pieces = rest.length > 0 ? [rest] : [];
    held = rest.length;
    retryAt = 0;
    const lines = bytes.subarray(0, cut);
    const text = decoder.decode(lines, { stream: !last });
    feed(text);
    await handOver({ text, bytes: lines });
    block = Math.min(blockChars, block * 2);
  };

  try {
    for (;;) {
      if (options.signal?.aborted) throw new LogLoadError('cancelled', `loading ${input.name} was cancelled`);
      const { done, value } = await chunks.read();
      if (done) break;
      loaded += value.byteLength;
      pieces.push(value);
      held += value.byteLength;
      if (held >= retryAt && (held >= block || Date.now() - lastHandOver >= maxDelayMs)) await feedBlock(false);
    }
    await feedBlock(true);
    // The last line, when the text does not end with a line end: a text of its own, so a chunk of its own.
    const t0 = performance.now();
    reader.end();
    parseMs += performance.now() - t0;
    if (encoder.pending > 0 || reader.errors.length > errorsSent) await handOver();
  } catch (error) {
    await chunks.cancel().catch(() => undefined);
    if (error instanceof LogLoadError) throw error;
    throw new LogLoadError('unreadable', `could not read ${input.name}: ${(error as Error).message}`);
  }
  return { format: reader.format, lines: reader.lines, records, errors: reader.errors.length, bytes: loaded, parseMs, encodeMs };
}

function joinBytes(pieces: readonly Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}

async function openInput(input: LogInput, options: StreamOptions): Promise<{ stream: ReadableStream<Uint8Array>; total: number | null }> {
  if (input.kind === 'file') return { stream: input.file.stream(), total: input.file.size };
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(input.url, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    throw new LogLoadError('http', `could not fetch ${input.url}: ${(error as Error).message}`);
  }
  if (!response.ok || !response.body) throw new LogLoadError('http', `GET ${input.url} answered ${response.status} ${response.statusText}`);
  const length = Number(response.headers.get('content-length'));
  return { stream: response.body, total: Number.isFinite(length) && length > 0 ? length : null };
}
