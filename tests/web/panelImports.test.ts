/**
 * Panels reach the store only through panelApi/ (issue 10: twenty imports
 * went around it, eight at runtime). A source scan: any runtime import of
 * web/src/store from a file under web/src/panels fails this test.
 *
 * `import type` is allowed: it is erased at build time and couples nothing
 * at runtime; a panel's pure helpers need to name the data they are handed
 * (a RecordLog, a PositionRange) and re-declaring those types elsewhere
 * would only hide where they come from.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../web/src');
const panels = path.join(root, 'panels');
const store = path.join(root, 'store');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(d.name) ? [full] : [];
  });
}

/** Every import or re-export statement's specifier, and whether the whole statement is type-only. */
function importsOf(text: string): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(statement)) {
    const names = m[3] ?? '';
    // `import { type A, type B }`: type-only too when every name is.
    const braces = /^\{([^}]*)\}$/.exec(names.trim());
    const allTyped = braces !== null && braces[1]!.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    found.push({ specifier: m[4]!, typeOnly: m[2] !== undefined || allTyped });
  }
  for (const m of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) found.push({ specifier: m[1]!, typeOnly: false });
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ specifier: m[1]!, typeOnly: false });
  return found;
}

describe('panel imports', () => {
  it('reads every kind of import statement', () => {
    const text = [
      "import { a } from '../../store/x.ts';",
      "import type { B } from '../../store/y.ts';",
      "import { type C, type D } from '../../store/z.ts';",
      "import { type E, f } from '../../store/w.ts';",
      "export { g } from '../../store/v.ts';",
      "import '../../store/side.ts';",
      "const h = await import('../../store/lazy.ts');",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      { specifier: '../../store/x.ts', typeOnly: false },
      { specifier: '../../store/y.ts', typeOnly: true },
      { specifier: '../../store/z.ts', typeOnly: true },
      { specifier: '../../store/w.ts', typeOnly: false },
      { specifier: '../../store/v.ts', typeOnly: false },
      { specifier: '../../store/side.ts', typeOnly: false },
      { specifier: '../../store/lazy.ts', typeOnly: false },
    ]);
  });

  it('never import web/src/store at runtime: they use panelApi/', () => {
    const offending: string[] = [];
    for (const file of sources(panels)) {
      for (const { specifier, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), specifier);
        if (!typeOnly && (target === store || target.startsWith(store + path.sep))) offending.push(`${path.relative(root, file)} → ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
