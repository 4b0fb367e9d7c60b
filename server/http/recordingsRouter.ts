/**
 * REST for the recordings folder.
 *
 *   GET    /api/recordings                 list (sizes, record counts, times)
 *   GET    /api/recordings/:name           download as JSON lines (?format=miros: miros text lines)
 *   GET    /api/recordings/:name/diagram   a sequence diagram (see diagramRoute)
 *   POST   /api/recordings?name=NAME       upload a saved log: the body is the file, any supported format
 *   DELETE /api/recordings/:name           delete (not the one being written)
 *
 * Names are checked by RecordingStore before any file is touched.
 */
import { createReadStream } from 'node:fs';
import express, { type Request, type Response, type Router } from 'express';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { formatRecord } from '../../shared/records/formatRecord.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { checkRecordingName } from '../recorder/recordingName.ts';
import type { RecordingStore } from '../recorder/RecordingStore.ts';
import { collectRecords, diagramRoute } from './diagramRoute.ts';
import type { LiveSession } from './LiveSession.ts';
import { HttpError } from './httpErrors.ts';

export interface RecordingsRouterOptions {
  store: RecordingStore;
  live: LiveSession;
  /** Largest accepted upload, in bytes. */
  uploadLimit: number;
}

/** Parse errors listed in an upload's answer (the count is always complete). */
const LISTED_ERRORS = 100;

export function recordingsRouter({ store, live, uploadLimit }: RecordingsRouterOptions): Router {
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

  router.post('/', express.text({ type: () => true, limit: uploadLimit }), async (req: Request, res: Response) => {
    const text = typeof req.body === 'string' ? req.body : '';
    if (text.trim() === '') throw new HttpError(400, 'the upload is empty: send the log file as the request body');
    const base = uploadName(req);
    const parsed = parseLog(text, { file: base });
    const name = await store.create(base, parsed.records);
    res.status(201).json({
      name,
      format: parsed.format,
      records: parsed.records.length - parsed.notes,
      notes: parsed.notes,
      lines: parsed.lines,
      errorCount: parsed.errors.length,
      errors: parsed.errors.slice(0, LISTED_ERRORS),
    });
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

/**
 * The name for an upload: `?name=` exactly (checked, never altered), else
 * the `X-Filename` header made safe, else `upload-<time>`.
 */
function uploadName(req: Request): string {
  if (typeof req.query.name === 'string') return checkRecordingName(req.query.name);
  const header = req.get('x-filename');
  if (header) {
    const stem = header.replace(/^.*[\\/]/, '').replace(/\.(log|txt|jsonl)$/i, '');
    const safe = stem.replace(/[^A-Za-z0-9._-]/g, '_').replace(/\.{2,}/g, '_').replace(/^[^A-Za-z0-9]+/, '').slice(0, 100);
    if (safe !== '') return checkRecordingName(safe);
  }
  return `upload-${new Date().toISOString().replace(/[:.]/g, '-')}`;
}

function pipeFile(file: string, res: Response): Promise<void> {
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
