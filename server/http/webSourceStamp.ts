/**
 * A fingerprint of everything the dashboard is built from, so `serve` can
 * tell that web/dist is older than its sources (after a `git pull`, say)
 * without trusting file times, which a checkout or a copy resets.
 *
 * SHA-256 over each file's path (relative, `/`-separated) and bytes, in
 * sorted order; build output and installed modules are skipped. A few
 * hundred small files: tens of milliseconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.vite']);

/** Hex digest of the files under `roots` (folders or single files); `base` makes the paths relative. */
export function webSourceStamp(base: string, roots: readonly string[]): string {
  const files: string[] = [];
  for (const root of roots) collect(root, files);
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(base, file).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function collect(entry: string, out: string[]): void {
  if (!existsSync(entry)) return;
  if (!statSync(entry).isDirectory()) {
    out.push(entry);
    return;
  }
  for (const dirent of readdirSync(entry, { withFileTypes: true })) {
    const child = path.join(entry, dirent.name);
    if (dirent.isDirectory()) {
      if (!SKIPPED_DIRS.has(dirent.name)) collect(child, out);
    } else if (dirent.isFile()) out.push(child);
  }
}
