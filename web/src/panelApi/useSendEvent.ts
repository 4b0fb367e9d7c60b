/**
 * Sending an operator's event to the live server (POST /api/send, see
 * docs/cli.md, `miroscope send`). Only a live source has a mesh behind it: for a replay the
 * hook says so and sends nothing. The page's own origin is the server; the
 * token, when one is needed, is the HttpOnly cookie the page was opened with.
 */
import { useCallback } from 'react';
import { useSourceStatus } from './useSourceStatus.ts';

export interface SendEventRequest {
  target: string;
  signal: string;
  /** Any JSON value; null = None. */
  payload: unknown;
}

export interface SentMessage {
  messageId: string;
  routingKey: string;
  result: 'sent' | 'buffered' | 'dropped';
}

export class SendEventError extends Error {
  override readonly name = 'SendEventError';
}

export async function postSendEvent(request: SendEventRequest, base = '', doFetch: typeof fetch = fetch): Promise<SentMessage[]> {
  let response: Response;
  try {
    response = await doFetch(`${base}/api/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (error) {
    throw new SendEventError(`the event did not reach the server: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => null)) as { error?: string; messages?: SentMessage[] } | null;
  if (!response.ok || !Array.isArray(body?.messages)) throw new SendEventError(body?.error ?? `POST /api/send answered ${response.status}`);
  return body.messages;
}

export function useSendEvent(): { available: boolean; send: (request: SendEventRequest) => Promise<SentMessage[]> } {
  const { kind } = useSourceStatus();
  const send = useCallback((request: SendEventRequest) => postSendEvent(request), []);
  return { available: kind === 'live', send };
}
