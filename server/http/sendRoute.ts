/**
 * POST /api/send: an operator's event onto the mesh (OperatorSend.ts).
 *
 *   POST /api/send  Content-Type: application/json
 *   { "target": "04ccc_ao", "signal": "other_to_inner", "payload": {"n": 1} }
 *   ─▶ 202 { target, signal, node, messages: [{ messageId, routingKey, result }] }
 *   ─▶ 400/413 over budget or malformed, 404 no routing key known, 415 not JSON,
 *      503 no mesh, or every message dropped (the broker is down and the buffer full)
 *
 * Guarded like every route (createHttpApp.ts): originGuard refuses a
 * request another web site's page makes (CSRF), tokenGate requires the
 * token whenever the server has one — always when it listens beyond
 * loopback. A JSON Content-Type is required on top: a cross-site HTML form
 * can only send form encodings, and a cross-site fetch with JSON must first
 * pass a preflight the origin guard refuses.
 */
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './httpErrors.ts';
import { SendInputError, type SendRefusal } from '../send/parseSendRequest.ts';
import { SendUnavailableError, type OperatorSend } from '../send/OperatorSend.ts';

const STATUS: Partial<Record<SendRefusal, number>> = { 'payload-too-large': 413 };

export function sendRoute(operator: OperatorSend, tokenRequired: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!req.is('application/json')) return next(new HttpError(415, 'send the event as JSON (Content-Type: application/json)'));
    try {
      const outcome = operator.send(req.body, { via: tokenRequired ? 'token' : 'loopback', address: req.socket.remoteAddress ?? null });
      if (outcome.messages.every((m) => m.result === 'dropped')) {
        res.status(503).json({ error: 'the event was dropped: the broker is unreachable and the publish buffer is full', ...outcome });
        return;
      }
      res.status(202).json(outcome);
    } catch (error) {
      if (error instanceof SendInputError) return next(new HttpError(STATUS[error.reason] ?? 400, error.message));
      if (error instanceof SendUnavailableError) return next(new HttpError(error.status, error.message));
      next(error);
    }
  };
}
