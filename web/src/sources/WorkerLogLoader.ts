/**
 * Loads a saved log in parseLog.worker.ts. Same contract as the in-thread
 * loader: batches reach the sink in order, and the worker is held back
 * (acks) while the sink is busy.
 *
 * A large file is read by two workers, one half each (the machine has at
 * least two cores), cut at a line end (cutAtLineEnd):
 *
 *   file ─┬─ [0, cut)    worker A ─ batches ─▶ sink, in order, acked as applied
 *         └─ [cut, end)  worker B ─ batches ─▶ held, acked at once (so B never
 *                                              waits for A), numbered 1, 2, …
 *   A done ──▶ B's held batches, then its later ones, go to the sink with
 *              seq and line moved past A's records and lines (ChunkReceiver)
 *
 * Holding B's columns costs nothing extra: they are what the store keeps.
 */
import { ChunkReceiver, type PartShift } from './ChunkReceiver.ts';
import { cutAtLineEnd } from './cutAtLineEnd.ts';
import { LogLoadError, type LoadSink, type LoadSummary, type LogInput, type LogLoader } from './LogLoader.ts';
import type { FromParseWorker, ToParseWorker, WireBatch } from './parseWorkerProtocol.ts';

/** Files at least this large are read by two workers. */
export const SPLIT_BYTES = 8 << 20;

type Batch = Extract<FromParseWorker, { type: 'batch' }>;

/** One worker reading one part of the input. */
interface Part {
  worker: Worker;
  id: number;
  receiver: ChunkReceiver;
  /** Bytes and lines read so far (for the progress of the whole load). */
  loaded: number;
  lines: number;
  summary: LoadSummary | null;
}

export class WorkerLogLoader implements LogLoader {
  private readonly workers: Worker[] = [];
  private nextId = 1;
  private active: { ids: number[]; fail: (error: LogLoadError) => void } | null = null;

  constructor(private readonly options: { splitBytes?: number } = {}) {}

  load(input: LogInput, sink: LoadSink): Promise<LoadSummary> {
    this.cancel();
    const ids: number[] = [];
    let reject!: (error: LogLoadError) => void;
    let settled = false;
    const done = new Promise<LoadSummary>((resolve, rejectLoad) => {
      reject = rejectLoad;
      void this.run(input, sink, ids, () => settled).then(resolve, rejectLoad);
    });
    const fail = (error: LogLoadError) => {
      if (settled) return;
      settled = true;
      for (const [k, id] of ids.entries()) this.workers[k]?.postMessage({ type: 'cancel', id } satisfies ToParseWorker);
      reject(error);
    };
    this.active = { ids, fail };
    return done.finally(() => {
      settled = true;
      if (this.active?.fail === fail) this.active = null;
    });
  }

  private async run(input: LogInput, sink: LoadSink, ids: number[], stopped: () => boolean): Promise<LoadSummary> {
    const received = Date.now();
    const split = this.options.splitBytes ?? SPLIT_BYTES;
    const cut = input.kind === 'file' && input.file.size >= split && (globalThis.navigator?.hardwareConcurrency ?? 1) >= 2 ? await cutAtLineEnd(input.file, input.file.size >> 1) : null;
    if (stopped()) throw new LogLoadError('cancelled', 'loading was cancelled');
    const inputs: { input: LogInput; midFile: boolean }[] =
      cut === null || input.kind !== 'file'
        ? [{ input, midFile: false }]
        : [
            { input: { kind: 'file', file: input.file.slice(0, cut), name: input.name }, midFile: false },
            { input: { kind: 'file', file: input.file.slice(cut), name: input.name }, midFile: true },
          ];
    const parts: Part[] = inputs.map((_, k) => {
      const worker = (this.workers[k] ??= new Worker(new URL('./parseLog.worker.ts', import.meta.url), { type: 'module', name: `parse-log-${k + 1}` }));
      const id = this.nextId++;
      ids.push(id);
      return { worker, id, receiver: new ChunkReceiver(), loaded: 0, lines: 0, summary: null };
    });
    const total = input.kind === 'file' ? input.file.size : null;

    // Batches are applied strictly in order even though the sink is async.
    let chain = Promise.resolve();
    /** B's batches waiting for A to finish (its shift is known only then). */
    let held: Batch[] | null = parts.length > 1 ? [] : null;
    let shift: PartShift | null = null;
    /** What the sink threw: the load stops there. */
    let sinkError: unknown = null;
    const apply = (part: Part, message: Batch, ack: boolean) => {
      chain = chain.then(async () => {
        if (stopped() || sinkError !== null) return;
        const { chunk, errors, ...rest } = message.batch;
        const segment = part.receiver.receive(chunk, part === parts[0] ? null : shift);
        const moved = part === parts[0] || !shift ? errors : errors.map((e) => ({ ...e, line: e.line + shift!.line }));
        await sink({ ...progress(rest), errors: moved, segment });
        if (ack) part.worker.postMessage({ type: 'ack', id: part.id, n: message.n } satisfies ToParseWorker);
      }).catch((error: unknown) => {
        sinkError = error;
        for (const p of parts) p.worker.postMessage({ type: 'cancel', id: p.id } satisfies ToParseWorker);
      });
    };
    const progress = (batch: Omit<WireBatch, 'chunk' | 'errors'>) => ({
      loaded: parts.reduce((sum, p) => sum + p.loaded, 0),
      total: total ?? batch.total,
      lines: parts.reduce((sum, p) => sum + p.lines, 0),
    });

    const finished = parts.map(
      (part, k) =>
        new Promise<LoadSummary>((resolve, rejectPart) => {
          const onMessage = (event: MessageEvent<FromParseWorker>) => {
            const message = event.data;
            if (message.id !== part.id) return;
            if (message.type === 'batch') {
              part.loaded = message.batch.loaded;
              part.lines = message.batch.lines;
              if (k > 0 && held) {
                held.push(message);
                part.worker.postMessage({ type: 'ack', id: part.id, n: message.n } satisfies ToParseWorker);
              } else apply(part, message, true);
              return;
            }
            part.worker.removeEventListener('message', onMessage);
            part.worker.removeEventListener('error', onError);
            if (message.type === 'done') {
              part.summary = message.summary;
              if (k === 0 && held) {
                shift = { seq: message.summary.records, line: message.summary.lines };
                const waiting = held;
                held = null;
                for (const batch of waiting) apply(parts[1]!, batch, false);
              }
              resolve(message.summary);
            } else rejectPart(new LogLoadError(message.reason, message.message));
          };
          const onError = (event: ErrorEvent) => rejectPart(new LogLoadError('worker', `the parse worker failed: ${event.message}`));
          part.worker.addEventListener('message', onMessage);
          part.worker.addEventListener('error', onError);
          part.worker.postMessage({ type: 'load', id: part.id, input: inputs[k]!.input, received, midFile: inputs[k]!.midFile } satisfies ToParseWorker);
        }),
    );
    let summaries: LoadSummary[] = [];
    let partError: unknown = null;
    try {
      summaries = await Promise.all(finished);
    } catch (error) {
      for (const part of parts) part.worker.postMessage({ type: 'cancel', id: part.id } satisfies ToParseWorker);
      partError = error;
    }
    await chain;
    if (sinkError !== null) throw sinkError instanceof LogLoadError ? sinkError : new LogLoadError('worker', String(sinkError));
    if (partError !== null) throw partError;
    if (stopped()) throw new LogLoadError('cancelled', 'loading was cancelled');
    return summaries.reduce((sum, s) => ({
      format: sum.format ?? s.format,
      lines: sum.lines + s.lines,
      records: sum.records + s.records,
      errors: sum.errors + s.errors,
      bytes: sum.bytes + s.bytes,
      parseMs: sum.parseMs + s.parseMs,
      encodeMs: sum.encodeMs + s.encodeMs,
    }));
  }

  cancel(): void {
    this.active?.fail(new LogLoadError('cancelled', 'loading was cancelled'));
    this.active = null;
  }

  /** Ends the worker threads. */
  terminate(): void {
    this.cancel();
    for (const worker of this.workers) worker.terminate();
    this.workers.length = 0;
  }
}
