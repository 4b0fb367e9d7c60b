/**
 * `npm run conformance -- sequence <folder>`: checks every
 * `NAME.trace.txt` / `NAME.expected.txt` pair directly in `folder`
 * (subfolders such as `aborts/` are not read) against the compatible export,
 * byte for byte. Prints one line per pair — on failure with the first
 * differing line, expected and actual, whitespace made visible — then
 * `N passed, N failed`; returns the exit code (1 on any failure or when the
 * folder has no pair, 2 when it cannot be read).
 *
 * This folder is the one Node-only corner of shared/ (it reads files);
 * shared/tsconfig.json leaves it out of the isomorphic type check.
 */
import { renderAsciiCompat } from '../compat/renderAsciiCompat.ts';
import { readdir, readFile } from 'node:fs/promises';
import { firstDifference } from './firstDifference.ts';


const TRACE = '.trace.txt';
const EXPECTED = '.expected.txt';

export async function main(folder: string): Promise<number> {
  const fs = { readdir, readFile };
  const io = process;
  const say = (line: string): void => void io.stdout.write(`${line}\n`);
  // Fatal decoding: a fixture that is not UTF-8 fails loudly instead of
  // being compared through replacement characters.
  const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const join = (name: string): string => `${folder.replace(/\/+$/, '')}/${name}`;

  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    io.stderr.write(`cannot read ${folder}: ${(error as Error).message}\n`);
    return 2;
  }
  const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
  const names = [...files].filter((f) => f.endsWith(TRACE)).map((f) => f.slice(0, -TRACE.length)).sort();

  let passed = 0;
  let failed = 0;
  for (const name of names) {
    if (!files.has(name + EXPECTED)) {
      failed += 1;
      say(`FAIL ${name}: no ${name}${EXPECTED}`);
      continue;
    }
    let actual: string;
    let expected: string;
    try {
      actual = renderAsciiCompat(decode(await fs.readFile(join(name + TRACE)))).output;
      expected = decode(await fs.readFile(join(name + EXPECTED)));
    } catch (error) {
      failed += 1;
      say(`FAIL ${name}: ${(error as Error).message}`);
      continue;
    }
    const difference = firstDifference(expected, actual);
    if (!difference) {
      passed += 1;
      say(`ok   ${name}`);
      continue;
    }
    failed += 1;
    say(`FAIL ${name}: line ${difference.line} differs`);
    say(`       expected: ${difference.expected}`);
    say(`       actual:   ${difference.actual}`);
  }
  if (names.length === 0) say(`no NAME${TRACE} files in ${folder}`);
  say(`${passed} passed, ${failed} failed`);
  return failed > 0 || names.length === 0 ? 1 : 0;
}
