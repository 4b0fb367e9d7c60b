/** The page around the panels: help overlay, themes, the empty state, panels that fail alone. */
import { expect, test } from '@playwright/test';
import { fixtureLog, replayFile, sequenceReady } from './support.ts';

test('an empty page says how to start', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('source-label')).toHaveText('Nothing open — open or drop a saved log');
  await expect(page.getByTestId('panel-charts')).toContainText('No charts heard yet.');
});

test('? shows the keyboard shortcuts and Esc closes them', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Shift+?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await expect(page.getByTestId('help-overlay')).toContainText('Play / pause the replay');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
});

test('the theme switches between dark and light', async ({ page }) => {
  await page.goto('/');
  await replayFile(page, fixtureLog('seed-two-charts-trace.log'));
  await sequenceReady(page);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const first = await theme();
  await page.keyboard.press('t');
  const second = await theme();
  expect([first, second].sort()).toEqual(['dark', 'light']);
  await sequenceReady(page);
  for (const t of ['dark', 'light']) {
    if ((await theme()) !== t) await page.getByTestId('theme-toggle').click();
    await sequenceReady(page);
    await page.screenshot({ path: `test-results/screenshots/dashboard-${t}.png` });
  }
});

test('without a server the recordings menu says so instead of failing', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('recordings-menu').click();
  await expect(page.locator('.recordings .menu-note')).toContainText('/api/recordings');
});
