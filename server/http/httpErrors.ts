/**
 * One place that turns typed errors into HTTP answers, so every route
 * reports bad input the same way (JSON `{ error }` with a fitting status) and
 * no stack trace or internal path ever reaches a client.
 */
import type { NextFunction, Request, Response } from 'express';
import { InvalidRecordingNameError } from '../recorder/recordingName.ts';
import { PathEscapeError, RecordingNotFoundError } from '../recorder/RecordingStore.ts';

/** An error a route throws on purpose, with the status to answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

interface BodyParserError extends Error {
  type?: string;
  limit?: number;
  status?: number;
}

export function errorHandler(log: (message: string) => void) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const [status, message] = describe(error);
    if (status >= 500) log(`http: ${(error as Error)?.stack ?? String(error)}`);
    res.status(status).json({ error: message });
  };
}

function describe(error: unknown): [number, string] {
  if (error instanceof HttpError) return [error.status, error.message];
  if (error instanceof InvalidRecordingNameError || error instanceof PathEscapeError) return [400, error.message];
  if (error instanceof RecordingNotFoundError) return [404, error.message];
  const parserError = error as BodyParserError;
  if (parserError?.type === 'entity.too.large') {
    return [413, `request body too large: the limit is ${formatBytes(parserError.limit ?? 0)}`];
  }
  if (parserError?.type === 'entity.parse.failed') return [400, 'request body is not valid JSON'];
  if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
    return [parserError.status, parserError.message];
  }
  return [500, 'internal error (see the server log)'];
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${+(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
