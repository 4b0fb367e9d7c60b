import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_STAMP, ensureWebBuild } from '../../server/http/ensureWebBuild.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A checkout in miniature: web/ with its config and sources, shared/, the lockfile. */
function checkout(): { repo: string; web: string; builds: string[]; build: (config: string) => Promise<void> } {
  const repo = mkdtempSync(path.join(tmpdir(), 'miroscope-webbuild-'));
  made.push(repo);
  const web = path.join(repo, 'web');
  write(path.join(web, 'vite.config.ts'), 'export default {};\n');
  write(path.join(web, 'index.html'), '<div id=root></div>\n');
  write(path.join(web, 'src/main.tsx'), 'console.log(1);\n');
  write(path.join(repo, 'shared/records/MirosRecord.ts'), 'export {};\n');
  write(path.join(repo, 'package-lock.json'), '{}\n');
  const builds: string[] = [];
  // The far side (Vite): a build writes the page.
  const build = async (config: string) => {
    builds.push(path.relative(repo, config));
    write(path.join(web, 'dist/index.html'), `<p>build ${builds.length}</p>`);
  };
  return { repo, web, builds, build };
}

const quiet = () => {};

describe('ensureWebBuild', () => {
  it('builds a checkout without web/dist once, and not again while its sources are unchanged', async () => {
    const { web, builds, build } = checkout();
    const said: string[] = [];
    expect(await ensureWebBuild((l) => said.push(l), quiet, { webRoot: web, build })).toBe(true);
    expect(await ensureWebBuild((l) => said.push(l), quiet, { webRoot: web, build })).toBe(true);
    expect(builds).toEqual(['web/vite.config.ts']);
    expect(said[0]).toMatch(/web\/dist is missing/);
  });

  it.each([
    ['a dashboard source', 'web/src/main.tsx'],
    ['a new dashboard file', 'web/src/panels/new.ts'],
    ['shared code the page imports', 'shared/records/MirosRecord.ts'],
    ['the lockfile', 'package-lock.json'],
  ])('rebuilds when %s changed since the last build (after a git pull)', async (_what, file) => {
    const { repo, web, builds, build } = checkout();
    await ensureWebBuild(quiet, quiet, { webRoot: web, build });
    write(path.join(repo, file), '// pulled\n');
    const said: string[] = [];
    await ensureWebBuild((l) => said.push(l), quiet, { webRoot: web, build });
    expect(builds).toHaveLength(2);
    expect(said[0]).toMatch(/sources changed/);
  });

  it('rebuilds a web/dist that has no stamp (built by hand, or before stamps)', async () => {
    const { web, builds, build } = checkout();
    write(path.join(web, 'dist/index.html'), '<p>old</p>');
    await ensureWebBuild(quiet, quiet, { webRoot: web, build });
    expect(builds).toHaveLength(1);
  });

  it('keeps serving the old page when a rebuild fails, and says so', async () => {
    const { web, build } = checkout();
    await ensureWebBuild(quiet, quiet, { webRoot: web, build });
    write(path.join(web, 'src/main.tsx'), 'syntax error(\n');
    const logged: string[] = [];
    const failing = async () => {
      throw new Error('Transform failed');
    };
    expect(await ensureWebBuild(quiet, (l) => logged.push(l), { webRoot: web, build: failing })).toBe(true);
    expect(logged).toEqual([expect.stringMatching(/build failed \(Transform failed\)/)]);
  });

  it('never builds an installed package (a prebuilt page and no sources beside it)', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'miroscope-webbuild-'));
    made.push(repo);
    const web = path.join(repo, 'dist/web');
    write(path.join(web, 'dist/index.html'), '<p>prebuilt</p>');
    let builds = 0;
    const build = async () => void builds++;
    expect(await ensureWebBuild(quiet, quiet, { webRoot: web, build })).toBe(true);
    expect(builds).toBe(0);
  });

  it('writes the stamp beside the page', async () => {
    const { web, build } = checkout();
    await ensureWebBuild(quiet, quiet, { webRoot: web, build });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path.join(web, 'dist', BUILD_STAMP), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });
});
