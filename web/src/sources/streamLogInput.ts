/**
 * The reading loop shared by the in-thread loader and the parse worker:
 * stream the bytes, decode them as UTF-8, feed the shared streaming parser
 * and hand records over in batches.
 *
 * Batches are cut by size and by time so that the first records of a huge
 * file show up at once and later ones arrive in few, large batches (each
 * batch costs the page one render).
 */
import { createLogParser } from '../../../shared/parsers/createLogParser.ts';
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import type { ParseError } from '../../../shared/parsers/ParsedLog.ts';
import { LogLoadError, type LoadBatch, type LoadSummary, type LogInput } from './LogLoader.ts';
import type { LogSource } from './SourceLines.ts';

/**
 * A batch as parsed: record objects, before the loader encodes them as
 * columns, and the text they were read from (so raw lines need no copy).
 */
export type ParsedBatch = Omit<LoadBatch, 'segment'> & { records: MirosRecord[]; errors: ParseError[]; source: LogSource };
export type ParsedSink = (batch: ParsedBatch) => Promise<void>;

export interface StreamOptions {
  /** Flush a batch at this many records … */
  maxBatch?: number;
  /** … or when this many ms passed since the last flush. */
  maxDelayMs?: number;
  /** `received` stamped on every record (default: now). */
  received?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export async function streamLogInput(input: LogInput, sink: ParsedSink, options: StreamOptions = {}): Promise<Omit<LoadSummary, 'encodeMs'>> {
  const maxBatch = options.maxBatch ?? 50_000;
  const maxDelayMs = options.maxDelayMs ?? 100;
  const { stream, total } = await openInput(input, options);
  const parser = createLogParser({ file: input.name, received: options.received ?? Date.now() });
  const decoder = new TextDecoder('utf-8');
  const reader = stream.getReader();
  let loaded = 0;
  let records: MirosRecord[] = [];
  let recordCount = 0;
  let errorsSent = 0;
  let lastFlush = Date.now();
  let parseMs = 0;
  // The text since the start of the first line not yet handed over (line `sourceLine`).
  let sourceText = '';
  let sourceLine = 1;
  const parse = (text: string) => {
    sourceText += text;
    const t0 = performance.now();
    const out = parser.push(text);
    parseMs += performance.now() - t0;
    return out;
  };

  /** Hands over what was parsed, in batches of at most maxBatch records. */
  const flush = async () => {
    const source: LogSource = { text: sourceText, line: sourceLine };
    do {
      const errors = parser.errors.slice(errorsSent);
      errorsSent = parser.errors.length;
      const batch = records.length > maxBatch ? records.slice(0, maxBatch) : records;
      records = records.length > maxBatch ? records.slice(maxBatch) : [];
      recordCount += batch.length;
      lastFlush = Date.now();
      await sink({ records: batch, errors, loaded, total, lines: parser.lines, source });
    } while (records.length > 0);
    // Keep only the line the parser has not finished.
    const cut = sourceText.lastIndexOf('\n') + 1;
    if (cut > 0) {
      sourceText = sourceText.slice(cut);
      sourceLine = parser.lines + 1;
    }
  };
  const take = (more: MirosRecord[]) => {
    // push in a loop: spreading a large array into push() overflows the stack.
    for (const r of more) records.push(r);
  };

  try {
    for (;;) {
      if (options.signal?.aborted) throw new LogLoadError('cancelled', `loading ${input.name} was cancelled`);
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      take(parse(decoder.decode(value, { stream: true })));
      if (records.length >= maxBatch || Date.now() - lastFlush >= maxDelayMs) await flush();
    }
    take(parse(decoder.decode()));
    const t0 = performance.now();
    take(parser.end());
    parseMs += performance.now() - t0;
    await flush();
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof LogLoadError) throw error;
    throw new LogLoadError('unreadable', `could not read ${input.name}: ${(error as Error).message}`);
  }
  return { format: parser.format, lines: parser.lines, records: recordCount, errors: parser.errors.length, bytes: loaded, parseMs };
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
