/**
 * Headers every HTTP answer carries: the page, the API, errors and refusals.
 *
 * The Content-Security-Policy is as strict as the built dashboard allows,
 * checked against what `vite build` emits and what the page does at run time:
 *
 *   script-src 'self'          the build has no inline script (module entry file only)
 *   worker-src 'self'          parse workers and ELK's worker are files in assets/
 *   connect-src 'self'         REST and socket.io (same origin; ws: is matched by 'self')
 *   img-src 'self' data: blob: the favicon is a data: URL; PNG export draws the SVG from a blob: URL
 *   style-src … 'unsafe-inline' Mermaid's SVG, put into the page, carries a <style> element
 *                              and style attributes; a style cannot run code
 *   object-src/base-uri 'none', frame-ancestors 'none' (no framing: clickjacking)
 *
 * A name from the network that slipped into the page as markup could thus not
 * run a script or send data anywhere else. No `unsafe-eval`: neither Mermaid
 * nor ELK evaluates strings.
 */
import type { NextFunction, Request, Response } from 'express';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
  // A token may be in the first URL; never let it leak to another site in a Referer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Express middleware: set before any guard, so refusals carry the headers too. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set(SECURITY_HEADERS);
  next();
}
