/**
 * Parses saved logs off the main thread, so a million-line file loads while
 * the page stays responsive. It runs the very same `streamLogInput` as the
 * in-thread loader; only the hand-over (postMessage + acks) differs.
 */
import { streamLogInput } from './streamLogInput.ts';
import { LogLoadError } from './LogLoader.ts';
import { WINDOW, type FromParseWorker, type ToParseWorker } from './parseWorkerProtocol.ts';

// The DOM lib types `self` as a Window; in a dedicated worker it is the worker scope.
const scope = self as unknown as {
  postMessage(message: FromParseWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToParseWorker>) => void): void;
};

interface Job {
  controller: AbortController;
  acked: number;
  wake: (() => void) | null;
}
const jobs = new Map<number, Job>();

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'load') void run(message.id, message.input, message.received);
  else if (message.type === 'ack') {
    const job = jobs.get(message.id);
    if (job) {
      job.acked = Math.max(job.acked, message.n);
      job.wake?.();
    }
  } else if (message.type === 'cancel') {
    const job = jobs.get(message.id);
    job?.controller.abort();
    job?.wake?.();
  }
});

async function run(id: number, input: Extract<ToParseWorker, { type: 'load' }>['input'], received: number) {
  const job: Job = { controller: new AbortController(), acked: 0, wake: null };
  jobs.set(id, job);
  let sent = 0;
  try {
    const summary = await streamLogInput(
      input,
      async (batch) => {
        sent++;
        scope.postMessage({ type: 'batch', id, n: sent, batch });
        while (sent - job.acked >= WINDOW && !job.controller.signal.aborted) {
          await new Promise<void>((resolve) => (job.wake = resolve));
          job.wake = null;
        }
      },
      { received, signal: job.controller.signal },
    );
    scope.postMessage({ type: 'done', id, summary });
  } catch (error) {
    const reason = error instanceof LogLoadError ? error.reason : 'worker';
    scope.postMessage({ type: 'failed', id, reason, message: (error as Error).message });
  } finally {
    jobs.delete(id);
  }
}
