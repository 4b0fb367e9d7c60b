/**
 * A large saved log made on the fly as a stream, so a test can upload 50 MB
 * without holding 50 MB (or a tenth of it) in memory itself.
 */
import { Readable } from 'node:stream';

/** One miros trace line, about 80 bytes, different for every `i`. */
export function traceLine(i: number): string {
  const us = String(i % 1_000_000).padStart(6, '0');
  return `[2018-05-04 09:23:29.${us}] [chart_${i % 7}] e->signal_${i % 13}() outer_${i % 5}->inner_${i % 3}\n`;
}

/**
 * About `bytes` bytes of trace lines, in chunks of about 64 kB; `pauseMs`
 * waits between chunks (a slow client).
 */
export function generatedLog(bytes: number, pauseMs = 0): Readable {
  let sent = 0;
  let i = 0;
  return Readable.from(
    (async function* () {
      while (sent < bytes) {
        let chunk = '';
        while (chunk.length < 64 * 1024 && sent + chunk.length < bytes) chunk += traceLine(i++);
        sent += chunk.length;
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
        yield Buffer.from(chunk);
      }
    })(),
    { objectMode: false },
  );
}
