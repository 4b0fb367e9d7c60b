/**
 * Recording names, the only user input that becomes a path.
 *
 * A name is a plain file stem: letters, digits, `.`, `_`, `-`, starting with
 * a letter or digit, no `..`, at most 100 characters. That rules out
 * separators, `..` segments, absolute paths, NUL bytes and hidden files by
 * construction; RecordingStore still checks that the resolved path stays in
 * its folder, in case these rules are ever loosened.
 */

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export const RECORDING_EXTENSION = '.jsonl';

export class InvalidRecordingNameError extends Error {
  constructor(readonly input: string) {
    super(
      `invalid recording name ${JSON.stringify(input.slice(0, 120))}: use letters, digits, ".", "_" and "-" ` +
        '(starting with a letter or digit, no "..", at most 100 characters)',
    );
    this.name = 'InvalidRecordingNameError';
  }
}

/** Returns the name if it is safe to use as a file stem, else throws InvalidRecordingNameError. */
export function checkRecordingName(input: unknown): string {
  if (typeof input !== 'string' || !NAME.test(input) || input.includes('..')) {
    throw new InvalidRecordingNameError(String(input));
  }
  return input;
}

/** A session's recording name from its start time: `2024-05-04T09-23-29-177Z` plus an optional label. */
export function sessionRecordingName(start: Date, label?: string): string {
  const stamp = start.toISOString().replace(/[:.]/g, '-');
  const suffix = label ? `-${label.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}` : '';
  return checkRecordingName(`${stamp}${suffix}`);
}
