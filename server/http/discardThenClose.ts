/**
 * What to do with the rest of a request body after it was refused.
 *
 * Leaving it unread would make Node read and discard all of it to reuse the
 * connection (a declared 2 GB is the whole 2 GB); closing the socket at once
 * would cut off clients like fetch, which read the answer only after sending
 * their whole body and get a broken pipe instead of the status. So the rest
 * is read and thrown away (no parsing, no memory) until the body ends, or
 * `maxBytes` more arrived, or nothing arrived for `idleMs`, and then the
 * connection is closed. A client that reads early (curl, a browser) has its
 * answer already.
 */
import type { IncomingMessage } from 'node:http';

export interface DiscardLimits {
  maxBytes: number;
  idleMs: number;
}

/** Call once the answer is finished (`res.once('finish', …)`); `closeNow` skips the discarding. */
export function discardThenClose(req: IncomingMessage, { maxBytes, idleMs }: DiscardLimits, closeNow = false): void {
  const socket = req.socket;
  if (!socket || req.complete) return;
  if (closeNow) {
    socket.destroy();
    return;
  }
  let discarded = 0;
  let idle: NodeJS.Timeout | undefined;
  const close = () => {
    clearTimeout(idle);
    req.off('data', count);
    socket.destroy();
  };
  const arm = () => {
    clearTimeout(idle);
    idle = setTimeout(close, idleMs).unref();
  };
  const count = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxBytes) close();
    else arm();
  };
  req.on('data', count);
  req.once('close', () => clearTimeout(idle));
  arm();
  req.resume();
}
