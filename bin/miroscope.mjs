#!/usr/bin/env node
// The `miroscope` command, in the two places it runs:
//
//   installed package: dist/server/cli/main.js   compiled by `npm run build` (prepack);
//                                                no .ts is shipped, nothing compiles at run time
//   source checkout:   server/cli/main.ts        run under tsx (a devDependency), so `npm start`
//                                                needs no build step and never runs stale output
//
// The checkout is recognised by its TypeScript source, which the package does not contain.
// tsx is registered whenever it can be found: in the package it is optional and only lets
// `serve --charts` load TypeScript chart modules.
import { existsSync } from 'node:fs';

const source = new URL('../server/cli/main.ts', import.meta.url);
const built = new URL('../dist/server/cli/main.js', import.meta.url);

let tsx = null;
try {
  tsx = await import('tsx/esm/api');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
}
tsx?.register();

const entry = existsSync(source) && tsx ? source : built;
if (!existsSync(entry)) {
  process.stderr.write(
    existsSync(source)
      ? 'miroscope: this is a source checkout without its devDependencies (tsx); run `npm ci` first\n'
      : 'miroscope: dist/ is missing; run `npm run build`\n',
  );
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv);
