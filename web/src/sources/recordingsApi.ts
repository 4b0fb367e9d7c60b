/**
 * The server's recordings, as the replay picker needs them (the shape is
 * shared/contract/recordings.ts, the one the server's RecordingStore makes;
 * see docs/dashboard.md for the endpoints).
 *
 *   GET /api/recordings          → RecordingInfo[]  (or { recordings: [...] })
 *   GET /api/recordings/:name    → the JSON-lines recording itself
 */
import type { RecordingInfo } from '../../../shared/contract/recordings.ts';

export class RecordingsUnavailableError extends Error {
  override readonly name = 'RecordingsUnavailableError';
}

export async function listRecordings(base = '', doFetch: typeof fetch = fetch): Promise<RecordingInfo[]> {
  let response: Response;
  try {
    response = await doFetch(`${base}/api/recordings`, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new RecordingsUnavailableError(`the server's recordings could not be listed: ${(error as Error).message}`);
  }
  const type = response.headers.get('content-type') ?? '';
  // A static preview server answers unknown paths with index.html: that is "no server", not a list.
  if (!response.ok || !type.includes('json')) {
    throw new RecordingsUnavailableError(`GET /api/recordings answered ${response.status} ${type || 'without a type'}`);
  }
  const body: unknown = await response.json();
  const list = Array.isArray(body) ? body : (body as { recordings?: unknown }).recordings;
  if (!Array.isArray(list)) throw new RecordingsUnavailableError('GET /api/recordings did not answer with a list');
  return list.filter((r): r is RecordingInfo => typeof r === 'object' && r !== null && typeof (r as RecordingInfo).name === 'string');
}

export function recordingUrl(name: string, base = ''): string {
  return `${base}/api/recordings/${encodeURIComponent(name)}`;
}
