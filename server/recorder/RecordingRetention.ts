/**
 * Retention: how much of the recordings folder is kept. The oldest
 * recordings (by modification time, so a session's earlier parts before
 * its later ones) are deleted until the folder fits `keepBytes`, and any
 * recording not written to for `keepMs` is deleted. The recording being
 * written is never deleted, even when it alone is over the limit.
 *
 * Sizes are measured as the upload quota measures them (every file in the
 * folder but uploads in progress: recordings, their seek indexes, anything
 * else), so with keepBytes below the upload quota an upload always finds
 * quotaBytes − keepBytes of room after a prune. Retention runs when the
 * server starts, whenever the recorder rolls to a new part, and every few
 * minutes (RecordingRetentionTimer in MiroscopeServer).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { RECORDING_EXTENSION, checkRecordingName } from './recordingName.ts';
import type { RecordingStore } from './RecordingStore.ts';
import { uploadTempOwner } from './UploadFile.ts';

export interface RetentionLimits {
  /** Bytes the folder may hold; 0 keeps everything. */
  keepBytes: number;
  /** A recording not modified for this long is deleted; 0 keeps everything. */
  keepMs: number;
}

export const NO_RETENTION: RetentionLimits = { keepBytes: 0, keepMs: 0 };

export interface PruneResult {
  removed: string[];
  /** Bytes in the folder after the prune. */
  bytes: number;
}

export async function pruneRecordings(
  store: RecordingStore,
  limits: RetentionLimits,
  keep: ReadonlySet<string>,
  now: number = Date.now(),
): Promise<PruneResult> {
  const entries = await readdir(store.folder).catch(() => [] as string[]);
  let total = 0;
  const recordings: { name: string; bytes: number; modified: number }[] = [];
  const bytesOf = new Map<string, number>();
  for (const entry of entries) {
    if (uploadTempOwner(entry) !== null) continue;
    const stats = await stat(path.join(store.folder, entry)).catch(() => null);
    if (!stats?.isFile()) continue;
    total += stats.size;
    const stem = entry.slice(0, entry.lastIndexOf('.'));
    bytesOf.set(stem, (bytesOf.get(stem) ?? 0) + stats.size);
    if (entry.endsWith(RECORDING_EXTENSION)) {
      try {
        recordings.push({ name: checkRecordingName(stem), bytes: 0, modified: stats.mtimeMs });
      } catch {
        // Not a name the store serves: not ours to delete.
      }
    }
  }
  recordings.sort((a, b) => a.modified - b.modified || a.name.localeCompare(b.name));
  const removed: string[] = [];
  for (const recording of recordings) {
    if (keep.has(recording.name)) continue;
    const expired = limits.keepMs > 0 && now - recording.modified > limits.keepMs;
    const over = limits.keepBytes > 0 && total > limits.keepBytes;
    if (!expired && !over) continue;
    await store.remove(recording.name).then(
      () => {
        removed.push(recording.name);
        total -= bytesOf.get(recording.name) ?? 0;
      },
      // Deleted meanwhile (another prune, a user): nothing to do.
      () => {},
    );
  }
  return { removed, bytes: total };
}
