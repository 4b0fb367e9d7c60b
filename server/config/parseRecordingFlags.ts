/**
 * `miroscope serve --recording name=value …`: the command-line form of
 * RecordingSettings (`rotateBytes`, `rotateMs`, `keepBytes`, `keepMs`,
 * `pruneEveryMs`). Values are integers (`_` allowed as a separator); a name
 * that is not a setting is refused with the list of real ones.
 */
import { DEFAULT_RECORDING_SETTINGS, resolveRecordingSettings, type RecordingSettings } from '../recorder/RecordingSettings.ts';
import { ConfigError } from './serveConfig.ts';

export function parseRecordingFlags(flags: readonly string[] = []): Partial<RecordingSettings> {
  const overrides: Partial<RecordingSettings> = {};
  for (const flag of flags) {
    const match = /^(\w+)=(\d[\d_]*)$/.exec(flag);
    if (!match) throw new ConfigError(`--recording takes name=integer, got "${flag}"`);
    const name = match[1] as keyof RecordingSettings;
    if (!(name in DEFAULT_RECORDING_SETTINGS)) {
      throw new ConfigError(`unknown recording setting "${name}"; the settings are ${Object.keys(DEFAULT_RECORDING_SETTINGS).join(', ')}`);
    }
    overrides[name] = Number(match[2]!.replace(/_/g, ''));
  }
  try {
    resolveRecordingSettings(overrides);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return overrides;
}
