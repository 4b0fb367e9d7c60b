/**
 * Reads one side of a comparison into its transitions, in the page.
 *
 * A recording is downloaded through the REST API (GET /api/recordings/:name)
 * and parsed as it streams in, so only its transitions are held; between
 * network chunks the page stays responsive. The page's own records are read
 * from the store's log in batches, yielding between them. Both go through
 * the shared RunTransitions, with its transition budget.
 */
import { readRun } from '../../../../shared/diff/readRun.ts';
import { RunTransitions } from '../../../../shared/diff/RunTransitions.ts';
import type { RecordLog } from '../../store/RecordLog.ts';
import { recordingUrl } from '../../sources/recordingsApi.ts';
import type { RunChoice } from './RunChoice.ts';

export interface LoadedRun {
  run: RunTransitions;
  /** Lines the parser could not read (a recording only). */
  unreadable: number;
}

const PAGE_BATCH = 10_000;

export async function loadRun(choice: RunChoice, pageLog: () => RecordLog, signal?: AbortSignal): Promise<LoadedRun> {
  if (choice.kind === 'page') return loadPage(pageLog(), signal);
  const response = await fetch(recordingUrl(choice.name), { signal });
  if (!response.ok || !response.body) throw new Error(`GET recording ${choice.name} answered ${response.status} ${response.statusText}`);
  const { run, errors } = await readRun(choice.name, textChunks(response.body));
  return { run, unreadable: errors.length };
}

async function* textChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  // stream: true keeps a character split across two network chunks whole.
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield decoder.decode(value, { stream: true });
    }
    yield decoder.decode();
  } finally {
    reader.releaseLock();
  }
}

async function loadPage(log: RecordLog, signal?: AbortSignal): Promise<LoadedRun> {
  const run = new RunTransitions("this page's records");
  // The length now: a live log keeps growing while we read.
  const end = log.length;
  for (let from = 0; from < end; from += PAGE_BATCH) {
    signal?.throwIfAborted();
    run.add(log.slice(from, Math.min(end, from + PAGE_BATCH)));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { run, unreadable: 0 };
}
