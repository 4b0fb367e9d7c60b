/**
 * `POST /api/recordings`: the checks that cost nothing come before a single
 * byte of the body is read, in this order —
 *
 *   declared Content-Length over maxBytes ─▶ 413
 *   every upload slot busy                ─▶ 503 + Retry-After
 *   unsafe ?name=                         ─▶ 400
 *   recordings folder over its quota      ─▶ 507
 *
 * — then receiveUpload streams the body into a temporary file, which becomes
 * the recording only when the whole upload was read (UploadFile.commit).
 *
 * A refusal while the client is still sending is answered at once; the rest
 * of the body is then discarded within the upload limits and the connection
 * closed (discardThenClose), never read in full.
 */
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import type { RecordingStore } from '../../recorder/RecordingStore.ts';
import type { UploadFile } from '../../recorder/UploadFile.ts';
import { checkRecordingName, InvalidRecordingNameError } from '../../recorder/recordingName.ts';
import { discardThenClose } from '../discardThenClose.ts';
import { formatBytes } from '../httpErrors.ts';
import { receiveUpload } from './receiveUpload.ts';
import type { UploadCounters } from './UploadCounters.ts';
import { RETRY_AFTER_SECONDS, type UploadLimits } from './UploadLimits.ts';
import type { QuotaLease, UploadQuota } from './UploadQuota.ts';
import { UploadRejected } from './UploadRejected.ts';

export interface UploadRouteOptions {
  store: RecordingStore;
  limits: UploadLimits;
  quota: UploadQuota;
  counters: UploadCounters;
  log: (line: string) => void;
}

export function uploadRoute({ store, limits, quota, counters, log }: UploadRouteOptions): RequestHandler {
  return async (req, res) => {
    const declared = Number(req.get('content-length') ?? 0);
    if (declared > limits.maxBytes) {
      return refuse(req, res, counters, limits, new UploadRejected(413, 'too-large', `request body too large: the limit is ${formatBytes(limits.maxBytes)}`));
    }
    if (counters.active >= limits.concurrent) {
      return refuse(
        req,
        res,
        counters,
        limits,
        new UploadRejected(
          503,
          'busy',
          `the server is already receiving ${limits.concurrent} uploads (its limit); try again in ${RETRY_AFTER_SECONDS} s`,
          { 'Retry-After': String(RETRY_AFTER_SECONDS) },
        ),
      );
    }
    let base: string;
    try {
      base = uploadName(req);
    } catch (error) {
      if (!(error instanceof InvalidRecordingNameError)) throw error;
      return refuse(req, res, counters, limits, new UploadRejected(400, 'bad-name', error.message));
    }

    counters.started();
    let lease: QuotaLease | null = null;
    let file: UploadFile | null = null;
    try {
      lease = await quota.begin();
      file = await store.openUpload();
      const received = await receiveUpload(req, { limits, file, lease, fileName: base });
      const name = await file.commit(base);
      lease.commit();
      counters.accepted();
      res.status(201).json({ name, ...received });
    } catch (error) {
      await file?.discard();
      lease?.release();
      if (!(error instanceof UploadRejected)) {
        log(`upload: ${(error as Error)?.stack ?? String(error)}`);
        return refuse(req, res, counters, limits, new UploadRejected(500, 'failed', 'the upload could not be stored (see the server log); nothing was kept'));
      }
      refuse(req, res, counters, limits, error);
    } finally {
      counters.ended();
    }
  };
}

/**
 * Counts the refusal and answers it at once; if the body was not read to its
 * end, the rest is discarded within the upload's own limits and the
 * connection closed (see discardThenClose). No `Connection: close`: Node
 * would then close the socket right after the answer.
 */
function refuse(req: IncomingMessage, res: Response, counters: UploadCounters, limits: UploadLimits, rejection: UploadRejected): void {
  counters.rejected(rejection.reason);
  const socket = req.socket;
  if (res.headersSent || res.destroyed || !socket || socket.destroyed) return;
  if (!req.complete) {
    const stalled = rejection.reason === 'stalled' || rejection.reason === 'timeout';
    res.once('finish', () => discardThenClose(req, { maxBytes: limits.maxBytes, idleMs: limits.idleTimeoutMs }, stalled));
  }
  res.status(rejection.status).set(rejection.headers).json({ error: rejection.message });
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
