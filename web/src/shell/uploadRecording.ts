/**
 * Uploads a saved log to the server (`POST /api/recordings`), which parses
 * it with the shared parsers and keeps it as a recording next to the live
 * ones — so a log from a colleague's terminal can be replayed by anyone who
 * opens the dashboard. See docs/server.md for the endpoint.
 */
export interface UploadedRecording {
  name: string;
  format: string;
  records: number;
  lines: number;
  errorCount: number;
}

export class UploadError extends Error {
  override readonly name = 'UploadError';
}

export async function uploadRecording(file: Blob & { name: string }, base = '', doFetch: typeof fetch = fetch): Promise<UploadedRecording> {
  // Header values must be Latin-1; the server makes the name safe anyway.
  const headers = { 'x-filename': file.name.replace(/[^\x20-\x7e]/g, '_'), 'content-type': 'text/plain', accept: 'application/json' };
  let response: Response;
  try {
    response = await doFetch(`${base}/api/recordings`, { method: 'POST', headers, body: file });
  } catch (error) {
    throw new UploadError(`the upload did not reach the server: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => null)) as (UploadedRecording & { error?: string }) | null;
  if (!response.ok || body === null || typeof body.name !== 'string') {
    throw new UploadError(body?.error ?? `POST /api/recordings answered ${response.status}`);
  }
  return body;
}
