/**
 * The API docs (issue 12): TypeDoc, configured by typedoc.json, builds the
 * HTML from the package's entry points, and every exported class and
 * function says what it is called in miros or miros-rabbitmq (`@remarks
 * miros: …` / `miros-rabbitmq: …`, or `none` and why). A new export without
 * that remark fails here, in well under a minute, rather than in a reader's
 * search for the Python name.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Application, Comment, ReflectionKind, type DeclarationReflection, type ProjectReflection } from 'typedoc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let out: string;
let project: ProjectReflection;
let app: Application;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'miroscope-docs-'));
  app = await Application.bootstrapWithPlugins({ options: path.join(repoRoot, 'typedoc.json'), out, logLevel: 'Error' });
  const converted = await app.convert();
  if (!converted) throw new Error('typedoc could not convert the entry points (see its errors above)');
  project = converted;
}, 180_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

function remarksOf(reflection: DeclarationReflection): string {
  const comment = reflection.comment ?? reflection.signatures?.[0]?.comment;
  const tag = comment?.getTag('@remarks');
  return tag ? Comment.combineDisplayParts(tag.content) : '';
}

describe('the API docs', () => {
  it('document the three entry points of the package', () => {
    expect(project.children?.map((m) => m.name).sort()).toEqual(['miroscope', 'miroscope/net', 'miroscope/statechart']);
  });

  it('name the miros or miros-rabbitmq counterpart of every exported class and function', () => {
    const main = project.children!.find((m) => m.name === 'miroscope')!;
    const documented = main.children!.filter((r) => r.kindOf(ReflectionKind.Class | ReflectionKind.Function));
    expect(documented.map((r) => r.name)).toEqual(expect.arrayContaining(['ActiveObject', 'Factory', 'NetworkedActiveObject', 'spyOn']));
    const missing = documented.filter((r) => !/^miros(-rabbitmq)?:/.test(remarksOf(r))).map((r) => r.name);
    expect(missing).toEqual([]);
  });

  it('name the miros methods of ActiveObject', () => {
    const main = project.children!.find((m) => m.name === 'miroscope')!;
    const activeObject = main.getChildByName('ActiveObject') as DeclarationReflection;
    const postFifo = activeObject.getChildByName('postFifo') as DeclarationReflection;
    expect(remarksOf(postFifo)).toBe('miros: `ActiveObject.post_fifo(e, period=, times=, deferred=)`');
  });

  it('build as HTML with ActiveObject and its miros name on its page', async () => {
    await app.generateDocs(project, out);
    const page = readFileSync(path.join(out, 'classes/miroscope.ActiveObject.html'), 'utf8').replace(/<[^>]+>/g, '');
    expect(page).toContain('Class ActiveObject');
    expect(page).toContain('miros: ActiveObject.post_fifo');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('miroscope as a package');
  }, 120_000);
});
