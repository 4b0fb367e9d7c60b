/**
 * How the server keeps its recordings: when the live recording rolls to a
 * new part, and how much of the folder retention keeps. Resolved once where
 * the server is configured (`serve --recording name=value`, see
 * config/parseRecordingFlags.ts) and passed down.
 */
import type { RetentionLimits } from './RecordingRetention.ts';

export interface RecordingSettings extends RetentionLimits {
  /** A part rolls over before it would pass this many bytes. */
  rotateBytes: number;
  /** A part rolls over once it is this old (ms). */
  rotateMs: number;
  /** Retention runs this often (ms) besides at start and at every roll-over. */
  pruneEveryMs: number;
}

export const DEFAULT_RECORDING_SETTINGS: RecordingSettings = {
  // A part small enough to copy or upload elsewhere, large enough to hold an hour of a busy network.
  rotateBytes: 256 * 1024 * 1024,
  rotateMs: 60 * 60_000,
  // Retention is off unless asked for: deleting what users recorded is their call.
  keepBytes: 0,
  keepMs: 0,
  pruneEveryMs: 5 * 60_000,
};

export function resolveRecordingSettings(overrides: Partial<RecordingSettings> = {}): RecordingSettings {
  const settings = { ...DEFAULT_RECORDING_SETTINGS, ...overrides };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`recording setting ${name} must be a non-negative integer, got ${value}`);
  }
  if (settings.rotateBytes < 1024) throw new RangeError(`recording setting rotateBytes must be at least 1024, got ${settings.rotateBytes}`);
  if (settings.rotateMs < 1000) throw new RangeError(`recording setting rotateMs must be at least 1000, got ${settings.rotateMs}`);
  if (settings.pruneEveryMs < 1000) throw new RangeError(`recording setting pruneEveryMs must be at least 1000, got ${settings.pruneEveryMs}`);
  return settings;
}
