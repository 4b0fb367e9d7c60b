/**
 * Where the tests' recorded data lives: `tests/fixtures/`, inside the
 * repository. A fresh clone has nothing beside it, so no test may read outside
 * the repository; tests/fixtures/README.md says where each recording came from.
 */
import path from 'node:path';

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures');

/** Saved logs: miros logging output and miros-rabbitmq snoop output. */
export const logsDir = path.join(fixturesDir, 'logs');

/** Trace logs and the bytes the `sequence` tool wrote for them (and `aborts/`). */
export const sequenceConformanceDir = path.join(fixturesDir, 'conformance/sequence');

/** Cases recorded from the Python miros runtime. */
export const mirosCasesDir = path.join(fixturesDir, 'conformance/miros/cases');

export function fixturePath(...parts: string[]): string {
  return path.join(fixturesDir, ...parts);
}

export function fixtureLog(name: string): string {
  return path.join(logsDir, name);
}
