/**
 * The miros golden cases (tests/fixtures/conformance/miros/cases), one test
 * each, compared step by step and at the end; and the runner's own contract:
 * an altered case is reported as failed with a non-zero exit code.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMirosCase } from '../../server/statechart/conformance/MirosCase.ts';
import { main } from '../../server/statechart/conformance/runMirosConformance.ts';
import { runMirosCase } from '../../server/statechart/conformance/runMirosCase.ts';
import { mirosCasesDir } from '../support/fixturePath.ts';

const casesDir = mirosCasesDir;
const caseFiles = readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort();

describe('miros golden cases', () => {
  it('finds the 32 shared cases', () => {
    expect(caseFiles).toHaveLength(32);
  });

  for (const file of caseFiles) {
    it(`reproduces ${file.replace(/\.json$/, '')}`, async () => {
      const c = await loadMirosCase(join(casesDir, file));
      const run = await runMirosCase(c);
      c.ops.forEach((op, i) => {
        expect({ step: i + 1, op, ...run.steps[i] }).toEqual({ step: i + 1, op, ...c.expected.steps[i] });
      });
      expect(run.final).toEqual(c.expected.final);
    });
  }
});

describe('the conformance runner', () => {
  it('reports an altered case as failed, names the first difference and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'miros-cases-'));
    const original = JSON.parse(readFileSync(join(casesDir, 'topology_c_sibling.json'), 'utf8'));
    original.expected.steps[1].spy[3] = 'EXIT_SIGNAL:somewhere_else';
    writeFileSync(join(dir, 'topology_c_sibling.json'), JSON.stringify(original));
    writeFileSync(join(dir, 'hooks_and_unhandled_events.json'), readFileSync(join(casesDir, 'hooks_and_unhandled_events.json')));
    const lines: string[] = [];
    const code = await main(dir, (line) => lines.push(line));
    expect(code).not.toBe(0);
    expect(lines).toEqual([
      'PASS hooks_and_unhandled_events',
      'FAIL topology_c_sibling: step 2 (dispatch SIBLING) spy[3]: expected "EXIT_SIGNAL:somewhere_else" got "EXIT_SIGNAL:a111"',
      '1 passed, 1 failed',
    ]);
  });

  it('fails a case file that is not in the case format instead of crashing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'miros-cases-'));
    writeFileSync(join(dir, 'broken.json'), '{"format": "something-else"}');
    const lines: string[] = [];
    expect(await main(dir, (line) => lines.push(line))).toBe(1);
    expect(lines).toEqual(['FAIL broken: error: CaseFormatError: broken.json: unknown format "something-else"', '0 passed, 1 failed']);
  });

  it('exits non-zero for a folder without cases', async () => {
    const lines: string[] = [];
    expect(await main(mkdtempSync(join(tmpdir(), 'miros-empty-')), (line) => lines.push(line))).toBe(1);
    expect(lines).toEqual(['0 passed, 0 failed']);
  });
});
