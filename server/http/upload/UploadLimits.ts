/**
 * The budget of `POST /api/recordings`: how big, how many at once, how much
 * disk, how slow. Resolved once where the server is configured and passed
 * down; every excess is refused early with a status and a sentence that
 * name the limit, and counted by reason (UploadCounters).
 */

export interface UploadLimits {
  /**
   * Largest log accepted, in bytes. Counted on the wire and again after
   * decompression, so a small gzip that unpacks to more is refused too.
   */
  maxBytes: number;
  /** Uploads processed at the same time; one more is answered 503 with Retry-After. */
  concurrent: number;
  /** Bytes the recordings folder may hold (every file in it); an upload that would pass it is refused with 507. */
  quotaBytes: number;
  /** An upload that sends nothing for this long is ended with 408. */
  idleTimeoutMs: number;
  /** An upload that takes longer than this in all is ended with 408. */
  timeoutMs: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  // A long session's terminal capture; a recording of it is about 3× this on disk.
  maxBytes: 50 * 1024 * 1024,
  // Each upload holds about one chunk of text and its records in memory (a few MB)
  // and keeps one core busy parsing; two leave room for the live relay on a small machine.
  concurrent: 2,
  // Room for about a dozen full-size uploads beside the live recordings.
  quotaBytes: 2 * 1024 * 1024 * 1024,
  // Long enough for a slow link between two chunks, short enough that a stalled client frees its slot soon.
  idleTimeoutMs: 30_000,
  // Node's own requestTimeout (MiroscopeServer raises it if this is raised); 50 MB at 200 kB/s takes 4 minutes.
  timeoutMs: 5 * 60_000,
};

/** Seconds a refused client is told to wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

export function resolveUploadLimits(overrides: Partial<UploadLimits> = {}): UploadLimits {
  const limits = { ...DEFAULT_UPLOAD_LIMITS };
  for (const [key, value] of Object.entries(overrides) as [keyof UploadLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0 || (key === 'concurrent' && !Number.isInteger(value))) {
      throw new RangeError(`upload limit ${key} must be a positive number, got ${value}`);
    }
    limits[key] = value;
  }
  return limits;
}
