/**
 * Parses saved logs off the main thread, so a million-line file loads while
 * the page stays responsive. It runs the very same `streamLogInput` as the
 * in-thread loader (the shared line reader writing columns); only the
 * hand-over (postMessage with transferred buffers, and acks) differs.
 */
import { streamLogInput } from './streamLogInput.ts';
import { LogLoadError } from './LogLoader.ts';
import { chunkBuffers } from '../store/ColumnChunk.ts';
import { WINDOW_RECORDS, type FromParseWorker, type ToParseWorker, type WireBatch } from './parseWorkerProtocol.ts';

// The DOM lib types `self` as a Window; in a dedicated worker it is the worker scope.
const scope = self as unknown as {
  postMessage(message: FromParseWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToParseWorker>) => void): void;
};

interface Job {
  controller: AbortController;
  acked: number;
  /** Records in each batch sent, by batch number, until acknowledged. */
  inFlight: Map<number, number>;
  wake: (() => void) | null;
}

function inFlightRecords(job: Job): number {
  let total = 0;
  for (const [n, count] of job.inFlight) if (n > job.acked) total += count;
  return total;
}
const jobs = new Map<number, Job>();

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'load') void run(message.id, message.input, message.received, message.midFile === true);
  else if (message.type === 'ack') {
    const job = jobs.get(message.id);
    if (job) {
      job.acked = Math.max(job.acked, message.n);
      for (const n of job.inFlight.keys()) if (n <= job.acked) job.inFlight.delete(n);
      job.wake?.();
    }
  } else if (message.type === 'cancel') {
    const job = jobs.get(message.id);
    job?.controller.abort();
    job?.wake?.();
  }
});

async function run(id: number, input: Extract<ToParseWorker, { type: 'load' }>['input'], received: number, midFile: boolean) {
  const job: Job = { controller: new AbortController(), acked: 0, inFlight: new Map(), wake: null };
  jobs.set(id, job);
  let sent = 0;
  try {
    const summary = await streamLogInput(
      input,
      async (wire: WireBatch) => {
        sent++;
        const count = wire.chunk.length;
        scope.postMessage({ type: 'batch', id, n: sent, count, batch: wire }, chunkBuffers(wire.chunk));
        job.inFlight.set(sent, count);
        while (inFlightRecords(job) >= WINDOW_RECORDS && !job.controller.signal.aborted) {
          await new Promise<void>((resolve) => (job.wake = resolve));
          job.wake = null;
        }
      },
      { received, signal: job.controller.signal, midFile },
    );
    scope.postMessage({ type: 'done', id, summary });
  } catch (error) {
    const reason = error instanceof LogLoadError ? error.reason : 'worker';
    scope.postMessage({ type: 'failed', id, reason, message: (error as Error).message });
  } finally {
    jobs.delete(id);
  }
}
