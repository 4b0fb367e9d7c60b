/**
 * Loads a user's chart module (`--charts ./my-charts.ts`) and finds its
 * start function. TypeScript modules work when tsx is there: always in a
 * checkout (the CLI runs under it), in an installed package only if the
 * user installed tsx beside miroscope (bin/miroscope.mjs registers it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChartModuleStart } from './ChartContext.ts';

export class ChartModuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartModuleError';
  }
}

export async function loadChartModule(file: string, cwd = process.cwd()): Promise<ChartModuleStart> {
  const resolved = path.resolve(cwd, file);
  if (!existsSync(resolved)) throw new ChartModuleError(`chart module ${file} not found (looked for ${resolved})`);
  let module: { default?: unknown; start?: unknown };
  try {
    module = (await import(pathToFileURL(resolved).href)) as typeof module;
  } catch (error) {
    const message = (error as Error).message;
    // Outside a "type": "module" package a .ts file is read as CommonJS, which cannot import our ES modules.
    const hint =
      /\.ts$/.test(resolved) && /require/.test(message)
        ? ' (name it .mts, or put it in a package with "type": "module")'
        : (error as { code?: unknown }).code === 'ERR_UNKNOWN_FILE_EXTENSION'
          ? ' (a TypeScript chart module needs tsx: npm install tsx beside miroscope, or write the module as .mjs)'
          : '';
    throw new ChartModuleError(`chart module ${file} failed to load: ${message}${hint}`);
  }
  const start = typeof module.default === 'function' ? module.default : module.start;
  if (typeof start !== 'function') {
    throw new ChartModuleError(`chart module ${file} must export a start function: export default function start(ctx) { … }`);
  }
  return start as ChartModuleStart;
}
