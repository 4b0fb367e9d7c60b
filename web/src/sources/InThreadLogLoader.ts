/**
 * Loads a saved log in the calling thread. The page uses the worker loader;
 * this one serves tests (Node has no Web Workers) and is the reference the
 * worker must behave like — both run `streamLogInput` and hand the page
 * the same column chunks (here without crossing a thread).
 */
import { LogLoadError, type LoadSink, type LoadSummary, type LogInput, type LogLoader } from './LogLoader.ts';
import { streamLogInput, type StreamOptions } from './streamLogInput.ts';
import { ChunkReceiver } from './ChunkReceiver.ts';

export class InThreadLogLoader implements LogLoader {
  private controller: AbortController | null = null;

  constructor(private readonly options: Omit<StreamOptions, 'signal'> = {}) {}

  async load(input: LogInput, sink: LoadSink): Promise<LoadSummary> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const receiver = new ChunkReceiver();
    return streamLogInput(
      input,
      async ({ chunk, ...rest }) => {
        if (controller.signal.aborted) throw new LogLoadError('cancelled', `loading ${input.name} was cancelled`);
        await sink({ ...rest, segment: receiver.receive(chunk) });
      },
      { ...this.options, signal: controller.signal },
    );
  }

  cancel(): void {
    this.controller?.abort();
  }
}
