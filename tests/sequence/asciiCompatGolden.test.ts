/**
 * Every golden pair of tests/fixtures/conformance/sequence reproduced byte for
 * byte by the compatible export (the files are read as raw bytes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAsciiCompat } from '../../shared/sequence/compat/renderAsciiCompat.ts';
import { sequenceConformanceDir } from '../support/fixturePath.ts';

const names = readdirSync(sequenceConformanceDir)
  .filter((f) => f.endsWith('.trace.txt'))
  .map((f) => f.slice(0, -'.trace.txt'.length))
  .sort();
const read = (file: string): string => readFileSync(path.join(sequenceConformanceDir, file)).toString('utf8');

describe('ascii-compat golden pairs', () => {
  it('finds the 53 shared pairs', () => {
    expect(names.length).toBe(53);
  });

  it.each(names)('reproduces %s exactly', (name) => {
    const output = renderAsciiCompat(read(`${name}.trace.txt`)).output;
    expect(Buffer.from(output, 'utf8').equals(readFileSync(path.join(sequenceConformanceDir, `${name}.expected.txt`)))).toBe(true);
    // On failure the string comparison shows where.
    expect(output).toBe(read(`${name}.expected.txt`));
  });
});
