/** Shared helpers for the dashboard's end-to-end tests. */
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const sharedRoot = path.resolve(repoRoot, '../shared');

export function fixtureLog(name: string): string {
  return path.join(sharedRoot, 'fixtures/logs', name);
}

/** Opens a saved log through the page's file input and waits until it has loaded. */
export async function replayFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.getByTestId('source-label')).toHaveText(path.basename(file));
  await expect(page.getByTestId('presence')).toHaveAttribute('data-presence', 'replay');
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
}

/** Waits until the sequence panel shows a finished Mermaid render. */
export async function sequenceReady(page: Page): Promise<void> {
  await expect(page.getByTestId('sequence-diagram')).toHaveAttribute('data-state', 'ready');
}
