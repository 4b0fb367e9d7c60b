/**
 * Keeps other web sites out of a server that has no token.
 *
 * A server on 127.0.0.1 without a token trusts "only this machine can
 * connect". A web page from anywhere, open in this machine's browser, breaks
 * that trust two ways: it can open a WebSocket to 127.0.0.1 (WebSockets
 * ignore CORS), or rebind its own DNS name to 127.0.0.1 and read the API as
 * same-origin. So without a token, the Host must be a loopback name; and
 * always, a request that states an Origin must come from this server or from
 * another loopback page (a Vite dev server on another port).
 */
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { isLoopbackHost } from '../config/serveConfig.ts';
import { requestHasToken } from './tokenGate.ts';

function hostnameOf(hostHeader: string): string {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return '';
  }
}

/** Null when the request may proceed, otherwise why not. */
export function refuseReason(req: IncomingMessage, tokenRequired: boolean): string | null {
  const host = req.headers.host ?? '';
  if (!tokenRequired && !isLoopbackHost(hostnameOf(host))) {
    return `host ${JSON.stringify(host)} is not a loopback name; without a token only localhost may be used`;
  }
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  if (origin === 'null') return 'request from an opaque origin (a sandboxed page or a file) refused';
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return 'malformed Origin header';
  }
  if (parsed.host === host) return null;
  if (isLoopbackHost(parsed.hostname) && isLoopbackHost(hostnameOf(host))) return null;
  return `cross-origin request from ${origin} refused`;
}

export function originGuard(tokenRequired: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const reason = refuseReason(req, tokenRequired);
    if (reason === null) return next();
    res.status(403).json({ error: reason });
  };
}

/**
 * For engine.io's `allowRequest`, called for every handshake (polling or
 * WebSocket) before a session id is given: the Host/Origin rule, then the
 * token, so a client without it never gets a session.
 */
export function allowSocketRequest(token: string | null) {
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void => {
    let reason = refuseReason(req, token !== null);
    if (reason === null && token !== null && !requestHasToken(token, req)) {
      reason = 'unauthorized: this miroscope server needs a token (cookie, Authorization: Bearer or ?token=)';
    }
    callback(reason, reason === null);
  };
}
