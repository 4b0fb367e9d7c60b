/**
 * REST for the recordings folder.
 *
 *   GET    /api/recordings                 list (sizes, record counts, times)
 *   GET    /api/recordings/:name           download as JSON lines (?format=miros: miros text lines)
 *   POST   /api/recordings                 upload a saved log (body = the file; ?name=)
 *   DELETE /api/recordings/:name           delete (not the one being written)
 *
 * Names are checked by RecordingStore before any file is touched.
 */
import { createReadStream } from 'node:fs';
import express, { type Router } from 'express';
import type { RecordingStore } from '../recorder/RecordingStore.ts';
import type { LiveSession } from './LiveSession.ts';
import { HttpError } from './httpErrors.ts';

export interface RecordingsRouterOptions {
  store: RecordingStore;
  live: LiveSession;
}

export function recordingsRouter({ store, live }: RecordingsRouterOptions): Router {
  const router = express.Router();

  router.get('/', async (_req, res) => {
    live.flushRecording();
    res.json({ recordings: await store.list(live.recordingName()) });
  });

  router.get('/:name', async (req, res) => {
    const { name } = req.params;
    const format = req.query.format ?? 'jsonl';
    if (name === live.recordingName()) live.flushRecording();
    const info = await store.info(name);
    if (format === 'jsonl') {
      // attachment() guesses a type from the extension; set ours after it.
      res.attachment(`${info.name}.jsonl`);
      res.type('application/x-ndjson');
      await pipeFile(store.pathOf(name), res);
      return;
    }
    throw new HttpError(400, `unknown format ${String(format)}: use jsonl or miros`);
  });

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

function pipeFile(file: string, res: express.Response): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = createReadStream(file);
    input.once('error', reject);
    res.once('close', () => {
      input.destroy();
      resolve();
    });
    input.pipe(res);
  });
}
