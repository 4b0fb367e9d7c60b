/**
 * Where the read-only reference material lives for these tests:
 * `../shared` beside the repository (never copied into it).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const sharedRoot = path.resolve(repoRoot, '../shared');
export const sequenceConformanceDir = path.join(sharedRoot, 'conformance/sequence');
export const logsDir = path.join(sharedRoot, 'fixtures/logs');
