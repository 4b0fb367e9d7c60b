/**
 * A private copy of the source tree with its own built dashboard, for
 * benches that run `serve` while other work rebuilds web/dist in the
 * checkout. node_modules is a symlink to the checkout's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

export async function privateTree(repoRoot: string, prefix: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const tar = execFileSync('tar', ['-C', repoRoot, '--exclude=./node_modules', '--exclude=./.git', '--exclude=./web/dist', '--exclude=./recordings', '-cf', '-', '.'], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-C', dir, '-xf', '-'], { input: tar });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  await build({ configFile: path.join(dir, 'web/vite.config.ts'), logLevel: 'warn' });
  if (!existsSync(path.join(dir, 'web/dist/index.html'))) throw new Error(`the dashboard did not build in ${dir}`);
  return dir;
}
