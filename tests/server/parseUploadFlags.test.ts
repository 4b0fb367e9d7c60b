import { describe, expect, it } from 'vitest';
import { parseUploadFlags } from '../../server/config/parseUploadFlags.ts';
import { ConfigError } from '../../server/config/serveConfig.ts';

describe('serve --upload name=value', () => {
  it('reads the limits given and leaves the rest to their defaults', () => {
    expect(parseUploadFlags(['quotaBytes=10_000_000', 'concurrent=1', 'idleTimeoutMs=5000'])).toEqual({
      quotaBytes: 10_000_000,
      concurrent: 1,
      idleTimeoutMs: 5000,
    });
    expect(parseUploadFlags()).toEqual({});
  });

  it.each([
    ['quota=1', 'unknown upload limit "quota"; the limits are maxBytes, concurrent, quotaBytes, idleTimeoutMs, timeoutMs'],
    ['concurrent=-1', '--upload takes name=integer, got "concurrent=-1"'],
    ['concurrent', '--upload takes name=integer, got "concurrent"'],
    ['concurrent=0', 'upload limit concurrent must be a positive number, got 0'],
  ])('refuses %s with a message that says why', (flag, message) => {
    expect(() => parseUploadFlags([flag])).toThrow(new ConfigError(message));
  });
});
