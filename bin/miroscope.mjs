#!/usr/bin/env node
// The `miroscope` command. The CLI is TypeScript; tsx's loader is registered
// here (tsx is a runtime dependency) so `npx miroscope` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../server/cli/main.ts', import.meta.url).href);
await main(process.argv);
