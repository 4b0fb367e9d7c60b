import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstDifference, visibleWhitespace } from '../../shared/sequence/conformance/firstDifference.ts';
import { main } from '../../shared/sequence/conformance/runSequenceConformance.ts';
import { sequenceConformanceDir } from '../support/fixturePath.ts';

/** Runs the runner with stdout captured. */
async function run(folder: string): Promise<{ code: number; lines: string[] }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    const code = await main(folder);
    return { code, lines: chunks.join('').split('\n').slice(0, -1) };
  } finally {
    spy.mockRestore();
  }
}

describe('runSequenceConformance', () => {
  let folder = '';
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = '';
  });

  it('passes every shared pair and exits 0', async () => {
    const { code, lines } = await run(sequenceConformanceDir);
    expect(lines.at(-1)).toBe('53 passed, 0 failed');
    expect(lines.filter((l) => l.startsWith('ok   '))).toHaveLength(53);
    expect(code).toBe(0);
  });

  it('fails with the first differing line when an expected file is wrong, ignoring subfolders', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'seq-conformance-'));
    const trace = '[2020-01-01 00:00:01] [c] e->go() A->B\n';
    writeFileSync(path.join(folder, 'good.trace.txt'), trace);
    writeFileSync(path.join(folder, 'good.expected.txt'), '[Statechart: c] (?)\n    A        B\n    +--go()->|\n    |  (?)   |\n');
    writeFileSync(path.join(folder, 'wrong.trace.txt'), trace);
    writeFileSync(path.join(folder, 'wrong.expected.txt'), '[Statechart: c] (?) \n');
    mkdirSync(path.join(folder, 'aborts'));
    writeFileSync(path.join(folder, 'aborts', 'x.trace.txt'), 'anything');

    const { code, lines } = await run(folder);
    expect(lines).toEqual([
      'ok   good',
      'FAIL wrong: line 1 differs',
      '       expected: [Statechart:·c]·(?)·$',
      '       actual:   [Statechart:·c]·(?)$',
      '1 passed, 1 failed',
    ]);
    expect(code).toBe(1);
  });

  it('fails when a trace has no expected file or the folder has no pairs', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'seq-conformance-'));
    expect(await run(folder)).toEqual({ code: 1, lines: [`no NAME.trace.txt files in ${folder}`, '0 passed, 0 failed'] });
    writeFileSync(path.join(folder, 'lonely.trace.txt'), '');
    expect(await run(folder)).toEqual({ code: 1, lines: ['FAIL lonely: no lonely.expected.txt', '0 passed, 1 failed'] });
  });
});

describe('firstDifference', () => {
  it('shows whitespace, control characters and a missing final line end', () => {
    expect(visibleWhitespace(' a\tb\r\x1b[0m\x01')).toBe('·a→b␍␛[0m\\x01$');
    expect(firstDifference('a\nb\n', 'a\nb')).toEqual({ line: 2, expected: 'b$', actual: 'b$ (no LF)' });
    expect(firstDifference('a\n', 'a\nextra\n')).toEqual({ line: 2, expected: '<end of file>', actual: 'extra$' });
    expect(firstDifference('same\n', 'same\n')).toBeNull();
  });
});
