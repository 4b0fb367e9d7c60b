/**
 * `npm run conformance -- miros <folder>`: runs every `*.json` case in the
 * folder (FORMAT.md format) against our runtime, prints one line per case —
 * with the first difference when it fails — then `N passed, N failed`.
 * The exit code is non-zero if any case failed or none was found.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadMirosCase } from './MirosCase.ts';
import { compareCaseRun, runMirosCase } from './runMirosCase.ts';

export interface CaseVerdict {
  id: string;
  passed: boolean;
  /** First difference or error, when failed. */
  detail?: string;
}

/** Run one case file; never throws (a broken case or runtime error is a failure). */
export async function checkCaseFile(path: string): Promise<CaseVerdict> {
  const id = path.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  try {
    const c = await loadMirosCase(path);
    const difference = compareCaseRun(c, await runMirosCase(c));
    return difference === null ? { id, passed: true } : { id, passed: false, detail: difference };
  } catch (error) {
    return { id, passed: false, detail: `error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
  }
}

export async function main(folder: string, print: (line: string) => void = console.log): Promise<number> {
  const dir = resolve(folder);
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    print(`cannot read ${dir}: ${(error as Error).message}`);
    return 2;
  }
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const verdict = await checkCaseFile(join(dir, file));
    if (verdict.passed) {
      passed += 1;
      print(`PASS ${verdict.id}`);
    } else {
      failed += 1;
      print(`FAIL ${verdict.id}: ${verdict.detail}`);
    }
  }
  print(`${passed} passed, ${failed} failed`);
  return failed > 0 || files.length === 0 ? 1 : 0;
}
