/** Removes the temporary recordings folder the e2e server wrote to (see playwright.config.ts). */
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const folder = process.env.E2E_RECORDINGS;
  if (folder) rmSync(folder, { recursive: true, force: true });
}
