/**
 * `miroscope serve --upload name=value …`: the command-line form of
 * UploadLimits (`maxBytes`, `concurrent`, `quotaBytes`, `idleTimeoutMs`,
 * `timeoutMs`). Values are integers (`_` allowed as a separator); a name that
 * is not a limit is refused with the list of real ones instead of ignored.
 */
import { DEFAULT_UPLOAD_LIMITS, resolveUploadLimits, type UploadLimits } from '../http/upload/UploadLimits.ts';
import { ConfigError } from './serveConfig.ts';

/** The limits given on the command line (the rest keep their defaults). */
export function parseUploadFlags(flags: readonly string[] = []): Partial<UploadLimits> {
  const overrides: Partial<UploadLimits> = {};
  for (const flag of flags) {
    const match = /^(\w+)=(\d[\d_]*)$/.exec(flag);
    if (!match) throw new ConfigError(`--upload takes name=integer, got "${flag}"`);
    const name = match[1] as keyof UploadLimits;
    if (!(name in DEFAULT_UPLOAD_LIMITS)) {
      throw new ConfigError(`unknown upload limit "${name}"; the limits are ${Object.keys(DEFAULT_UPLOAD_LIMITS).join(', ')}`);
    }
    overrides[name] = Number(match[2]!.replace(/_/g, ''));
  }
  try {
    resolveUploadLimits(overrides);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return overrides;
}
