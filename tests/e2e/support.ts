/** Shared helpers for the dashboard's end-to-end tests. */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Seed demo charts are named like the seed page's `make_name`: five hex digits, then the kind. */
export const SEED_AO = /^[0-9a-f]{5}_ao$/;
export const SEED_FO = /^[0-9a-f]{5}_fo$/;

export { fixtureLog } from '../support/fixturePath.ts';

/**
 * Opens a saved log through the page's file input and waits until it has
 * loaded. A replay opens at its start; most tests look at the whole run, so
 * the cursor is moved to the end unless `at: 'start'`.
 */
export async function replayFile(page: Page, file: string, options: { at?: 'start' | 'end' } = {}): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(file);
  await replayLoaded(page, path.basename(file), options);
}

/** Waits until a replay named `label` is open and fully loaded; then the cursor goes to its end unless `at: 'start'`. */
export async function replayLoaded(page: Page, label: string, { at = 'end' }: { at?: 'start' | 'end' } = {}): Promise<void> {
  await expect(page.getByTestId('source-label')).toHaveText(label);
  await expect(page.getByTestId('presence')).toHaveAttribute('data-presence', 'replay');
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
  if (at === 'end') {
    const latest = page.getByRole('button', { name: 'Latest' });
    if (await latest.isEnabled()) await latest.click();
    await expect(latest).toBeDisabled();
  }
}

/** Waits until the sequence panel shows a finished Mermaid render. */
export async function sequenceReady(page: Page): Promise<void> {
  await expect(page.getByTestId('sequence-diagram')).toHaveAttribute('data-state', 'ready');
}

/** Opens the page as `npm start` users do and waits for the live stream. */
export async function openLive(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('presence')).toHaveAttribute('data-presence', 'live');
}

/** The name of the first chart row whose name matches, once one is listed with a state. */
export async function chartNamed(page: Page, pattern: RegExp): Promise<string> {
  let name = '';
  await expect
    .poll(
      async () => {
        const rows = await page.getByTestId('chart-row').evaluateAll((els) =>
          els.map((el) => [el.getAttribute('data-chart') ?? '', el.querySelector('[data-testid=chart-state]')?.textContent ?? '']),
        );
        name = rows.find(([chart, state]) => pattern.test(chart!) && state !== '—')?.[0] ?? '';
        return name;
      },
      { timeout: 30_000, message: `a chart named ${pattern} with a state` },
    )
    .not.toBe('');
  return name;
}

export function chartRow(page: Page, chart: string): Locator {
  return page.locator(`[data-testid=chart-row][data-chart="${chart}"]`);
}

/**
 * Saves a screenshot under test-results/screenshots/ (a test artifact); with
 * E2E_UPDATE_DOCS=1 also as docs/screenshots/<docsName>, the README's images.
 */
export async function screenshot(page: Page, name: string, docsName?: string): Promise<void> {
  const file = path.join(repoRoot, 'test-results/screenshots', name);
  // Finished animations (a state cell's flash), so a picture shows the page at rest.
  await page.screenshot({ path: file, animations: 'disabled' });
  if (docsName && process.env.E2E_UPDATE_DOCS === '1') {
    const docs = path.join(repoRoot, 'docs/screenshots');
    mkdirSync(docs, { recursive: true });
    copyFileSync(file, path.join(docs, docsName));
  }
}
