/**
 * Whether the page was served by a miroscope server (which has a live relay
 * to open) rather than by a static file server (`vite preview`, a folder):
 * only the server answers `GET /api/health` with its JSON status. A static
 * server answers with index.html or a 404, so the page stays a log viewer.
 */
const PROBE_TIMEOUT_MS = 3000;

export async function isMiroscopeServer(base = '', doFetch: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await doFetch(`${base}/api/health`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return false;
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && typeof (body as { session?: unknown }).session === 'string';
  } catch {
    // Unreachable or not JSON: not a server we can go live with.
    return false;
  }
}

let thisServer: Promise<boolean> | null = null;

/** The probe of the page's own origin, asked once per page load. */
export function servedByMiroscope(): Promise<boolean> {
  thisServer ??= isMiroscopeServer();
  return thisServer;
}
