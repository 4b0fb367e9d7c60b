/**
 * Reads one upload as a stream and writes it as a recording, never holding
 * more than a chunk of it:
 *
 *   request ─▶ wire meter ─▶ [gunzip/inflate/brotli ─▶ output meter] ─▶ UTF-8 ─▶ log parser ─▶ JSON lines ─▶ temp file
 *              (bytes, idle)                          (bytes)                    (line length)              (quota)
 *
 * Every stage is bounded: the wire meter ends the upload when more than
 * `maxBytes` arrive or nothing arrives for `idleTimeoutMs`; the output meter
 * when decompression produces more than `maxBytes` (a gzip bomb is stopped
 * after `maxBytes` of output, not after it fills the disk); the parser side
 * refuses a line longer than MAX_LINE_CHARS (the streaming parser carries an
 * unfinished line, so a file that is one endless line would cost quadratic
 * time); the quota lease refuses bytes past the folder's quota. Backpressure
 * runs end to end: the file's `drain` paces the parser, the parser paces the
 * socket.
 *
 * After each 16 kB of text the loop yields to the event loop (setImmediate),
 * so `/api/health`, the relay and other requests are answered between slices.
 */
import type { IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { createLogParser } from '../../../shared/parsers/createLogParser.ts';
import type { LogFormat, ParseError } from '../../../shared/parsers/ParsedLog.ts';
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import type { UploadFile } from '../../recorder/UploadFile.ts';
import { storedRecordLine } from '../../recorder/storedRecordLine.ts';
import { formatBytes } from '../httpErrors.ts';
import type { UploadLimits } from './UploadLimits.ts';
import type { QuotaLease } from './UploadQuota.ts';
import { UploadRejected } from './UploadRejected.ts';

/** Longest line read, in characters (a 1 MiB mesh body as a JSON record, with room to spare). */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

/** Text parsed between two turns of the event loop (a socket chunk is up to 64 kB). */
const SLICE_CHARS = 16 * 1024;

/** Parse errors listed in an upload's answer (the count is always complete). */
const LISTED_ERRORS = 100;

export interface ReceivedLog {
  format: LogFormat;
  /** Records read from lines (not counting notes). */
  records: number;
  notes: number;
  lines: number;
  errorCount: number;
  errors: ParseError[];
}

export interface ReceiveOptions {
  limits: UploadLimits;
  file: UploadFile;
  lease: QuotaLease;
  /** The upload's name, for the records' `origin`. */
  fileName: string;
}

export async function receiveUpload(req: IncomingMessage, { limits, file, lease, fileName }: ReceiveOptions): Promise<ReceivedLog> {
  const inflater = decoderFor(req.headers['content-encoding']);
  const abort = new AbortController();
  /** Ends the upload with this reason (the first one given wins). */
  const stop = (rejection: UploadRejected) => {
    if (!abort.signal.aborted) abort.abort(rejection);
  };
  const fail = (rejection: UploadRejected) => {
    stop(rejection);
    return rejection;
  };
  const idle = () =>
    new UploadRejected(408, 'stalled', `the upload stalled: nothing arrived for ${seconds(limits.idleTimeoutMs)}; send the file again`);
  let idleTimer = setTimeout(() => stop(idle()), limits.idleTimeoutMs);
  const totalTimer = setTimeout(
    () => stop(new UploadRejected(408, 'timeout', `the upload took longer than ${seconds(limits.timeoutMs)} (the limit); send a smaller file or raise the limit`)),
    limits.timeoutMs,
  );
  const tooLarge = () =>
    new UploadRejected(413, 'too-large', `request body too large: the limit is ${formatBytes(limits.maxBytes)}`);
  const wire = meter(limits.maxBytes, tooLarge, fail, () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => stop(idle()), limits.idleTimeoutMs);
  });
  const unpacked = inflater
    ? meter(
        limits.maxBytes,
        () =>
          new UploadRejected(
            413,
            'inflated-too-large',
            `the upload unpacks to more than ${formatBytes(limits.maxBytes)} (the limit applies to the unpacked log); nothing was stored`,
          ),
        fail,
      )
    : null;

  const parser = createLogParser({ file: fileName });
  /** Records that could not be stored as read and were kept as notes instead. */
  const unstorable: ParseError[] = [];
  const storable = (record: MirosRecord): string => {
    try {
      return storedRecordLine(record);
    } catch (error) {
      // A JSON line can hold a value nested deeper than JSON.stringify's stack reaches.
      if (!(error instanceof RangeError)) throw error;
      const detail = 'a value nested too deeply to keep; kept as a note';
      unstorable.push({ line: record.origin?.line ?? 0, message: detail, text: record.raw.slice(0, 200) });
      const { v, seq, received, raw } = record;
      return storedRecordLine({ v, seq, kind: 'meta', chart: null, node: null, time: null, received, raw, event: 'note', reason: 'malformed', detail });
    }
  };
  let records = 0;
  let lineChars = 0;
  const write = async (chunk: string, last: boolean) => {
    const newline = chunk.lastIndexOf('\n');
    lineChars = newline < 0 ? lineChars + chunk.length : chunk.length - newline - 1;
    if (lineChars > MAX_LINE_CHARS) {
      throw new UploadRejected(
        413,
        'line-too-long',
        `line ${parser.lines + 1} is longer than ${formatBytes(MAX_LINE_CHARS)} (the limit for one line); is this a log file?`,
      );
    }
    const batch = [...parser.push(chunk), ...(last ? parser.end() : [])];
    if (batch.length === 0) return;
    records += batch.length;
    let text = '';
    for (const record of batch) text += storable(record) + '\n';
    lease.add(Buffer.byteLength(text));
    await file.write(text);
  };

  // The request is piped in rather than made the pipeline's source: a failed
  // pipeline destroys its streams, and destroying the request would close the
  // socket before the refusal could be answered. Unpiped, it just stops being read.
  const aborted = () => new UploadRejected(400, 'aborted', 'the upload ended before it was complete; nothing was stored');
  const gone = () => {
    if (!req.complete) wire.destroy(fail(aborted()));
  };
  if (req.destroyed) {
    // Gone while the slot and the file were being set up: no 'close' will come now.
    clearTimeout(idleTimer);
    clearTimeout(totalTimer);
    throw aborted();
  }
  req.once('close', gone);
  req.once('error', gone);
  req.pipe(wire);
  try {
    const sink = async (source: AsyncIterable<Buffer>) => {
      const utf8 = new StringDecoder('utf8');
      try {
        for await (const chunk of source) {
          const text = utf8.write(chunk);
          // About 2 ms of parsing per slice, then other requests and the relay run.
          for (let at = 0; at < text.length; at += SLICE_CHARS) {
            await write(text.slice(at, at + SLICE_CHARS), false);
            await nextTurn();
          }
        }
        await write(utf8.end(), true);
      } catch (error) {
        // The pipeline may report the teardown (an AbortError) instead of this: keep the reason.
        if (error instanceof UploadRejected) stop(error);
        throw error;
      }
    };
    const options = { signal: abort.signal };
    if (inflater && unpacked) await pipeline(wire, inflater, unpacked, sink, options);
    else await pipeline(wire, sink, options);
  } catch (error) {
    if (abort.signal.aborted) throw abort.signal.reason;
    throw asRejection(error);
  } finally {
    req.unpipe(wire);
    req.off('close', gone);
    req.off('error', gone);
    clearTimeout(idleTimer);
    clearTimeout(totalTimer);
  }
  if (records === 0) {
    throw new UploadRejected(400, 'empty', 'the upload is empty: send the log file as the request body');
  }
  const notes = parser.notes + unstorable.length;
  const errors = [...parser.errors.slice(0, LISTED_ERRORS), ...unstorable.slice(0, LISTED_ERRORS)].sort((a, b) => a.line - b.line);
  return {
    format: parser.format ?? 'miros-trace',
    records: records - notes,
    notes,
    lines: parser.lines,
    errorCount: parser.errors.length + unstorable.length,
    errors: errors.slice(0, LISTED_ERRORS),
  };
}

/** Counts bytes through; fails with `onExcess(excess())` past `max`; calls `onChunk` for each chunk. */
function meter(max: number, excess: () => UploadRejected, onExcess: (rejection: UploadRejected) => UploadRejected, onChunk?: () => void): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      onChunk?.();
      bytes += chunk.length;
      if (bytes > max) callback(onExcess(excess()));
      else callback(null, chunk);
    },
  });
}

/** The decompressor for a Content-Encoding, null for none; refuses encodings we cannot read. */
function decoderFor(encoding: string | undefined): NodeJS.ReadWriteStream | null {
  const value = (encoding ?? 'identity').trim().toLowerCase();
  if (value === 'identity' || value === '') return null;
  if (value === 'gzip' || value === 'x-gzip') return createGunzip();
  if (value === 'deflate') return createInflate();
  if (value === 'br') return createBrotliDecompress();
  throw new UploadRejected(415, 'bad-encoding', `unsupported Content-Encoding ${JSON.stringify(value)}: send the log as is, or as gzip, deflate or br`);
}

/** Errors from the streams themselves: a corrupt archive, a client that went away, a failed write. */
function asRejection(error: unknown): unknown {
  if (error instanceof UploadRejected) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new UploadRejected(400, 'bad-encoding', `the upload does not decompress (${(error as Error).message}); nothing was stored`);
  }
  if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'ECONNABORTED') {
    return new UploadRejected(400, 'aborted', 'the upload ended before it was complete; nothing was stored');
  }
  return error;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
