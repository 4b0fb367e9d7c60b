/**
 * REST for the recordings folder.
 *
 *   GET    /api/recordings                 list (sizes, record counts, times)
 *   GET    /api/recordings/:name           download as JSON lines (?format=miros: miros text lines)
 *   GET    /api/recordings/:name/diagram   a sequence diagram (see diagramRoute)
 *   GET    /api/recordings/:name/index     summary and seek marks  } for recordings too big to load
 *   GET    /api/recordings/:name/records   a window of records     } whole (recordingRangeRoutes.ts)
 *   POST   /api/recordings?name=NAME       upload a saved log: the body is the file, any supported format
 *                                          (streamed, within a budget: see upload/uploadRoute.ts)
 *   DELETE /api/recordings/:name           delete (not the one being written)
 *
 * Names are checked by RecordingStore before any file is touched.
 */
import { createReadStream } from 'node:fs';
import express, { type RequestHandler, type Response, type Router } from 'express';
import { formatRecord } from '../../shared/records/formatRecord.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import type { RecordingStore } from '../recorder/RecordingStore.ts';
import { collectRecords, diagramRoute } from './diagramRoute.ts';
import { escapeJsonStream } from './escapeJsonText.ts';
import type { LiveSession } from './LiveSession.ts';
import { HttpError } from './httpErrors.ts';
import { addRecordingRangeRoutes } from './recordingRangeRoutes.ts';

export interface RecordingsRouterOptions {
  store: RecordingStore;
  live: LiveSession;
  /** `POST /` (see upload/uploadRoute.ts). */
  upload: RequestHandler;
}

export function recordingsRouter({ store, live, upload }: RecordingsRouterOptions): Router {
  const router = express.Router();
  const flushIfLive = (name: string) => {
    if (name === live.recordingName()) live.flushRecording();
  };

  router.get('/', async (_req, res) => {
    live.flushRecording();
    res.json({ recordings: await store.list(live.recordingName()) });
  });

  router.get('/:name', async (req, res) => {
    const { name } = req.params;
    const format = req.query.format ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'miros') {
      throw new HttpError(400, `unknown format ${String(format)}: use jsonl or miros`);
    }
    flushIfLive(name);
    await store.info(name);
    if (format === 'jsonl') {
      // attachment() guesses a type from the extension; set ours after it.
      res.attachment(`${name}.jsonl`);
      res.type('application/x-ndjson');
      await pipeFile(store.pathOf(name), res);
    } else {
      res.attachment(`${name}.log`);
      res.type('text/plain; charset=utf-8');
      await sendMirosText(store.records(name), res);
    }
  });

  router.get(
    '/:name/diagram',
    diagramRoute(async (req) => {
      const name = String(req.params.name);
      flushIfLive(name);
      return collectRecords(store.records(name));
    }),
  );

  addRecordingRangeRoutes(router, store, flushIfLive);

  router.post('/', upload);

  router.delete('/:name', async (req, res) => {
    const { name } = req.params;
    if (name === live.recordingName()) {
      throw new HttpError(409, `recording ${name} is being written by this session and cannot be deleted`);
    }
    await store.remove(name);
    res.status(204).end();
  });

  return router;
}

function pipeFile(file: string, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = createReadStream(file);
    input.once('error', reject);
    res.once('close', () => {
      input.destroy();
      resolve();
    });
    // Control characters JSON leaves raw go out escaped (see escapeJsonText).
    input.pipe(escapeJsonStream()).pipe(res);
  });
}

/** Streams records as miros text lines, respecting the socket's backpressure. */
async function sendMirosText(records: AsyncIterable<MirosRecord>, res: Response): Promise<void> {
  let chunk: string[] = [];
  for await (const record of records) {
    chunk.push(formatRecord(record, { terminal: false }));
    if (chunk.length >= 1000) {
      if (!res.write(chunk.join('\n') + '\n')) await new Promise((resolve) => res.once('drain', resolve));
      chunk = [];
    }
  }
  res.end(chunk.length > 0 ? chunk.join('\n') + '\n' : undefined);
}
