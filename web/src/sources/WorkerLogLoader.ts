/**
 * Loads a saved log in parseLog.worker.ts. Same contract as the in-thread
 * loader: batches reach the sink in order, and the worker is held back
 * (acks) while the sink is busy.
 */
import { ChunkReceiver } from './ChunkReceiver.ts';
import { LogLoadError, type LoadSink, type LoadSummary, type LogInput, type LogLoader } from './LogLoader.ts';
import type { FromParseWorker, ToParseWorker } from './parseWorkerProtocol.ts';

export class WorkerLogLoader implements LogLoader {
  private worker: Worker | null = null;
  private nextId = 1;
  private active: { id: number; fail: (error: LogLoadError) => void } | null = null;

  load(input: LogInput, sink: LoadSink): Promise<LoadSummary> {
    this.cancel();
    const worker = (this.worker ??= new Worker(new URL('./parseLog.worker.ts', import.meta.url), { type: 'module', name: 'parse-log' }));
    const id = this.nextId++;
    const post = (message: ToParseWorker) => worker.postMessage(message);
    const receiver = new ChunkReceiver();
    return new Promise<LoadSummary>((resolve, reject) => {
      // Batches are applied strictly in order even though the sink is async.
      let chain = Promise.resolve();
      let finished = false;
      const finish = () => {
        finished = true;
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        if (this.active?.id === id) this.active = null;
      };
      const fail = (error: LogLoadError) => {
        if (finished) return;
        finish();
        reject(error);
      };
      const onMessage = (event: MessageEvent<FromParseWorker>) => {
        const message = event.data;
        if (message.id !== id || finished) return;
        if (message.type === 'batch') {
          const { chunk, ...rest } = message.batch;
          chain = chain
            .then(() => sink({ ...rest, segment: receiver.receive(chunk) }))
            .then(
              () => post({ type: 'ack', id, n: message.n }),
              (error: unknown) => {
                post({ type: 'cancel', id });
                fail(error instanceof LogLoadError ? error : new LogLoadError('worker', String(error)));
              },
            );
        } else if (message.type === 'done') {
          void chain.then(() => {
            if (finished) return;
            finish();
            resolve(message.summary);
          });
        } else {
          void chain.then(() => fail(new LogLoadError(message.reason, message.message)));
        }
      };
      const onError = (event: ErrorEvent) => fail(new LogLoadError('worker', `the parse worker failed: ${event.message}`));
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      this.active = { id, fail };
      post({ type: 'load', id, input, received: Date.now() });
    });
  }

  cancel(): void {
    if (!this.active) return;
    const { id, fail } = this.active;
    this.worker?.postMessage({ type: 'cancel', id } satisfies ToParseWorker);
    fail(new LogLoadError('cancelled', 'loading was cancelled'));
  }

  /** Ends the worker thread. */
  terminate(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }
}
