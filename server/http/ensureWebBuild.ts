/**
 * Makes sure the dashboard has been built before the server serves it.
 *
 * The page is found beside the compiled server, in the same relative place
 * in both layouts, so nothing here asks which one it runs in:
 *
 *   source checkout:   server/http/ensureWebBuild.ts      → web/dist       (vite's default output)
 *   installed package: dist/server/http/ensureWebBuild.js → dist/web/dist  (`npm run build:web`)
 *
 * The package ships its page prebuilt, so it never reaches the build below
 * and needs no Vite. In a checkout `web/dist` is build output (not in git),
 * so a fresh clone has none. Rather than serving a "please build" page to
 * someone who just ran `npm start`, `miroscope serve` builds it once with
 * Vite (a devDependency) when it is missing. A failed build is reported and
 * the server still starts; the page then says how to build by hand.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const WEB_ROOT = path.resolve(import.meta.dirname, '../../web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');

export async function ensureWebBuild(say: (line: string) => void, log: (line: string) => void): Promise<boolean> {
  if (existsSync(path.join(WEB_DIST, 'index.html'))) return true;
  const configFile = path.join(WEB_ROOT, 'vite.config.ts');
  if (!existsSync(configFile)) {
    log('web: no web/vite.config.ts, so the dashboard cannot be built; serving the API only');
    return false;
  }
  say('web: web/dist is missing, building the dashboard once (vite build) …');
  const started = Date.now();
  try {
    const { build } = await import('vite');
    await build({ configFile, logLevel: 'warn' });
  } catch (error) {
    log(`web: the dashboard build failed (${(error as Error).message}); run "npx vite build web" to see why`);
    return false;
  }
  say(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
