/**
 * The Express app: guards first (origin, token), then the API, then the page.
 *
 *   request ─▶ security headers ─▶ originGuard ─▶ tokenGate ─▶ /api/health
 *                                                          ├─▶ /api/recordings…
 *                                                          ├─▶ /api/live/diagram
 *                                                          ├─▶ POST /api/send (sendRoute.ts)
 *                                                          └─▶ web/dist (or "build it")
 */
import express, { type Express } from 'express';
import type { RecordingStore } from '../recorder/RecordingStore.ts';
import type { LiveSession } from './LiveSession.ts';
import { collectRecords, diagramRoute } from './diagramRoute.ts';
import { discardThenClose } from './discardThenClose.ts';
import { errorHandler, formatBytes, HttpError } from './httpErrors.ts';
import { originGuard } from './originGuard.ts';
import { recordingsRouter } from './recordingsRouter.ts';
import { securityHeaders } from './securityHeaders.ts';
import { sendRoute } from './sendRoute.ts';
import type { OperatorSend } from '../send/OperatorSend.ts';
import { tokenGate } from './tokenGate.ts';
import { UploadCounters } from './upload/UploadCounters.ts';
import type { UploadLimits } from './upload/UploadLimits.ts';
import { UploadQuota } from './upload/UploadQuota.ts';
import { uploadRoute } from './upload/uploadRoute.ts';
import { webPage } from './webPage.ts';

export interface HttpAppOptions {
  live: LiveSession;
  store: RecordingStore;
  /** Required from every request when set. */
  token: string | null;
  /** The built dashboard (`web/dist`). */
  webDist: string;
  /** The budget of log uploads (size, concurrency, quota, timeouts). */
  uploads: UploadLimits;
  log: (line: string) => void;
  /** Sends operators' events onto the mesh (POST /api/send); absent: the route answers 404. */
  operator?: OperatorSend;
}

/** JSON bodies are small commands; anything bigger is refused before parsing. */
const JSON_LIMIT_BYTES = 64 * 1024;

export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use(originGuard(options.token !== null));
  app.use(tokenGate(options.token));
  const uploads = new UploadCounters();
  const upload = uploadRoute({
    store: options.store,
    limits: options.uploads,
    quota: new UploadQuota(options.uploads.quotaBytes, () => options.store.folderBytes()),
    counters: uploads,
    log: options.log,
  });
  const json = express.json({ limit: JSON_LIMIT_BYTES });
  app.use('/api', (req, res, next) => {
    // An upload's body is the log file, whatever its Content-Type: the upload route streams it within its own budget.
    if (isUpload(req.method, req.path)) return next();
    // Any other body over the JSON cap is refused before it is read (the body parser would wait for all of it).
    if (Number(req.get('content-length') ?? 0) > JSON_LIMIT_BYTES) {
      res.once('finish', () => discardThenClose(req, { maxBytes: JSON_LIMIT_BYTES, idleMs: 5000 }));
      res.status(413).json({ error: `request body too large: the limit is ${formatBytes(JSON_LIMIT_BYTES)}` });
      return;
    }
    json(req, res, next);
  });

  app.get('/api/health', (_req, res) => {
    res.json({ ...options.live.health(), uploads: uploads.snapshot(), ...(options.operator && { send: options.operator.snapshot() }) });
  });
  app.use('/api/recordings', recordingsRouter({ store: options.store, live: options.live, upload }));
  app.get(
    '/api/live/diagram',
    diagramRoute(async () => {
      const { live, store } = options;
      const name = live.recordingName();
      if (name === null) return live.recentRecords().filter((r) => r.kind !== 'meta');
      live.flushRecording();
      return collectRecords(store.records(name));
    }),
  );
  if (options.operator) app.post('/api/send', sendRoute(options.operator, options.token !== null));
  app.use('/api', () => {
    throw new HttpError(404, 'no such API endpoint');
  });
  app.use(webPage(options.webDist));
  app.use(errorHandler(options.log));
  return app;
}

function isUpload(method: string, pathUnderApi: string): boolean {
  return method === 'POST' && (pathUnderApi === '/recordings' || pathUnderApi === '/recordings/');
}
