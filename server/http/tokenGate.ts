/**
 * Token checks for the page, the REST API and socket.io.
 *
 * A client may present the token as `Authorization: Bearer …`, as the
 * `miroscope_token` cookie, or once as `?token=…` in a URL (what
 * `miroscope serve` prints). A URL token is turned
 * into an HttpOnly, SameSite=Strict cookie and the page is reloaded without
 * it, so it does not stay in the address bar or the history.
 *
 *   GET /?token=T ──▶ 303 Location: /  + Set-Cookie: miroscope_token=T
 *   GET /  (cookie) ─▶ 200 page
 *   engine.io handshake (cookie, Bearer or ?token=) ─▶ session id
 *   anything else ──▶ 401 (403 for an engine.io handshake)
 *
 * socket.io's own `auth.token` is not enough: it travels in the CONNECT
 * packet, after engine.io has already handed out a session id and holds a
 * session for the client. The handshake request itself must carry the token
 * (a browser sends the cookie; a Node client sends a header or the query).
 *
 * Comparison hashes both sides first so timing reveals neither the token
 * nor its length.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Socket } from 'socket.io';

export const TOKEN_COOKIE = 'miroscope_token';

export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

/**
 * Reads one cookie by name. Hand-written because this is the only cookie the
 * server reads; a full RFC 6265 parser would be more than it needs.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function headerToken(headers: IncomingHttpHeaders): string | undefined {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return readCookie(headers.cookie, TOKEN_COOKIE);
}

/** Express middleware; a no-op when `token` is null. */
export function tokenGate(token: string | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (token === null) return next();
    if (tokenMatches(token, headerToken(req.headers))) return next();
    const fromQuery = req.query.token;
    if (tokenMatches(token, fromQuery)) {
      res.cookie(TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/' });
      if (req.method === 'GET' && !req.path.startsWith('/api/')) {
        // Drop only the token, keeping the other parameters exactly as written (`?live`).
        const [pathPart, query = ''] = req.originalUrl.split(/\?(.*)/s, 2);
        const kept = query.split('&').filter((part) => part !== '' && part.split('=')[0] !== 'token');
        res.redirect(303, pathPart + (kept.length > 0 ? `?${kept.join('&')}` : ''));
        return;
      }
      return next();
    }
    res.status(401);
    if (req.path.startsWith('/api/')) {
      res.json({ error: 'this miroscope server needs a token: send Authorization: Bearer <token>' });
    } else {
      res
        .type('html')
        .send(
          '<!doctype html><title>miroscope: token needed</title><p>This miroscope server needs a token. ' +
            'Open the URL that <code>miroscope serve</code> printed (it ends in <code>?token=…</code>).</p>',
        );
    }
  };
}

/**
 * The token check for an engine.io handshake (a plain HTTP request, before
 * any session exists): a header, the cookie or `?token=` in its URL.
 */
export function requestHasToken(token: string, req: IncomingMessage): boolean {
  if (tokenMatches(token, headerToken(req.headers))) return true;
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  return tokenMatches(token, query.get('token'));
}

/** socket.io middleware with the same rule (a second check at CONNECT). */
export function socketTokenGate(token: string | null) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    if (token === null) return next();
    const { auth, headers, query } = socket.handshake;
    const given = [(auth as { token?: unknown }).token, headerToken(headers), query.token];
    if (given.some((candidate) => tokenMatches(token, candidate))) return next();
    next(new Error('unauthorized: this miroscope server needs a token'));
  };
}
