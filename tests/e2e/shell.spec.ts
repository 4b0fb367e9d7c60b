/** The page around the panels: help overlay, themes, the empty state, panels that fail alone. */
import { expect, test, type Page } from '@playwright/test';
import { fixtureLog, replayFile, screenshot, sequenceReady } from './support.ts';

/** Makes the page's origin answer like a static file server (vite preview, a folder): the page itself for every path. */
async function withoutServer(page: Page): Promise<void> {
  await page.route(/\/api\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><div id="root"></div>' }));
}

test('a page served without a miroscope server opens nothing and says how to start', async ({ page }) => {
  await withoutServer(page);
  await page.goto('/');
  await expect(page.getByTestId('source-label')).toHaveText('Nothing open — open or drop a saved log');
  await expect(page.getByTestId('panel-charts')).toContainText('No charts heard yet.');
  await expect(page.getByTestId('go-live')).toHaveCount(0);
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
    await screenshot(page, `dashboard-${t}.png`);
  }
});

test('without a server the recordings menu says so instead of failing', async ({ page }) => {
  await withoutServer(page);
  await page.goto('/');
  await page.getByTestId('recordings-menu').click();
  await expect(page.locator('.recordings .menu-note')).toContainText('/api/recordings');
});

test('?live opens the relay and ?recording= a recording, whatever else is served', async ({ page, request }) => {
  await page.goto('/?live');
  await expect(page.getByTestId('presence')).toHaveAttribute('data-presence', 'live');
  const { recordings } = (await (await request.get('/api/recordings')).json()) as { recordings: { name: string; live: boolean }[] };
  const live = recordings.find((r) => r.live)!;
  await page.goto(`/?recording=${encodeURIComponent(live.name)}`);
  await expect(page.getByTestId('source-label')).toHaveText(live.name);
  await expect(page.getByTestId('presence')).toHaveAttribute('data-presence', 'replay');
});

test('a dragged panel border stays where it was put after a reload', async ({ page }) => {
  await withoutServer(page);
  await page.goto('/');
  const width = async () => (await page.getByTestId('panel-charts').boundingBox())!.width;
  const before = await width();
  const handle = (await page.locator('.separator.vertical').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 + 200, handle.y + handle.height / 2, { steps: 5 });
  await page.mouse.up();
  const dragged = await width();
  expect(Math.round(dragged - before)).toBe(200);
  await page.reload();
  await expect.poll(width).toBeCloseTo(dragged, 0);
});
