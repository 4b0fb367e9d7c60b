/**
 * Makes sure the dashboard has been built, from the sources at hand, before
 * the server serves it.
 *
 * The page is found beside the compiled server, in the same relative place
 * in both layouts, so nothing here asks which one it runs in:
 *
 *   source checkout:   server/http/ensureWebBuild.ts      → web/dist       (vite's default output)
 *   installed package: dist/server/http/ensureWebBuild.js → dist/web/dist  (`npm run build:web`)
 *
 * The package ships its page prebuilt and no sources (no web/vite.config.ts
 * beside it), so it never reaches the build below and needs no Vite. In a
 * checkout `web/dist` is build output (not in git), so a fresh clone has
 * none, and after a `git pull` the one it has is old. Rather than serve a
 * "please build" page or yesterday's page, `miroscope serve` builds with
 * Vite (a devDependency) when web/dist is missing or its stamp
 * (`web/dist/.build-stamp`, a hash of web/ and shared/ sources and the
 * lockfile, see webSourceStamp.ts) differs from the sources now. A failed
 * build is reported and the server still starts; the page then says how to
 * build by hand.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { webSourceStamp } from './webSourceStamp.ts';

export const WEB_ROOT = path.resolve(import.meta.dirname, '../../web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');
export const BUILD_STAMP = '.build-stamp';

export interface WebBuildOptions {
  /** The dashboard's folder (holds vite.config.ts, src/ and dist/). */
  webRoot?: string;
  /** The repository root, whose shared/ and package-lock.json the page is built from too. */
  repoRoot?: string;
  /** Runs the build (default: Vite with web/vite.config.ts). */
  build?: (configFile: string) => Promise<void>;
}

async function viteBuild(configFile: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile, logLevel: 'warn' });
}

/** The stamp of the sources web/dist would be built from now. */
export function currentWebStamp(webRoot: string, repoRoot: string): string {
  return webSourceStamp(repoRoot, [
    path.join(webRoot, 'index.html'),
    path.join(webRoot, 'vite.config.ts'),
    path.join(webRoot, 'tsconfig.json'),
    path.join(webRoot, 'src'),
    path.join(webRoot, 'public'),
    path.join(repoRoot, 'shared'),
    path.join(repoRoot, 'package-lock.json'),
  ]);
}

export async function ensureWebBuild(say: (line: string) => void, log: (line: string) => void, options: WebBuildOptions = {}): Promise<boolean> {
  const webRoot = options.webRoot ?? WEB_ROOT;
  const repoRoot = options.repoRoot ?? path.dirname(webRoot);
  const dist = path.join(webRoot, 'dist');
  const built = existsSync(path.join(dist, 'index.html'));
  const configFile = path.join(webRoot, 'vite.config.ts');
  const checkout = existsSync(configFile) && existsSync(path.join(webRoot, 'src'));
  if (!checkout) {
    // An installed package: its page was built before it was packed.
    if (!built) log('web: no web/vite.config.ts, so the dashboard cannot be built; serving the API only');
    return built;
  }
  const stamp = currentWebStamp(webRoot, repoRoot);
  const stampFile = path.join(dist, BUILD_STAMP);
  if (built && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stamp) return true;
  say(built ? 'web: the dashboard sources changed since web/dist was built, rebuilding (vite build) …' : 'web: web/dist is missing, building the dashboard once (vite build) …');
  const started = Date.now();
  try {
    await (options.build ?? viteBuild)(configFile);
    writeFileSync(stampFile, stamp + '\n');
  } catch (error) {
    log(`web: the dashboard build failed (${(error as Error).message}); run "npx vite build web" to see why`);
    return built;
  }
  say(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
