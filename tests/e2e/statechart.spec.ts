/**
 * The statechart panel people can read (issue 10): it fits its panel, zooms
 * and pans, never draws a label smaller than the log's text, draws
 * self-transitions as loops, says when the hierarchy is unknown, and shows
 * the state of a chart heard only on the spy network.
 */
import { expect, test, type Page } from '@playwright/test';
import { chartNamed, fixtureLog, openLive, replayFile } from './support.ts';

/** The smallest label on screen, in CSS px (font size × the drawing's zoom), and the log's text size. */
async function labelSizes(page: Page): Promise<{ smallest: number; log: number; labels: number }> {
  return page.evaluate(() => {
    let smallest = Number.POSITIVE_INFINITY;
    let labels = 0;
    for (const t of document.querySelectorAll<SVGTextElement>('[data-testid=statechart-svg] text')) {
      const ctm = t.getScreenCTM();
      if (!ctm || t.getBBox().width === 0) continue;
      labels++;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b));
    }
    const log = document.querySelector('.log-scroller');
    return { smallest, labels, log: log ? parseFloat(getComputedStyle(log).fontSize) : Number.NaN };
  });
}

/** How much of the panel the drawing covers, per direction (1 = all of it). */
async function coverage(page: Page): Promise<{ x: number; y: number }> {
  return page.getByTestId('statechart-viewport').evaluate((viewport) => {
    const drawing = viewport.querySelector('svg > g')!.getBoundingClientRect();
    const room = viewport.getBoundingClientRect();
    return { x: drawing.width / room.width, y: drawing.height / room.height };
  });
}

async function scale(page: Page): Promise<number> {
  return Number(await page.getByTestId('statechart-svg').getAttribute('data-scale'));
}

test('a chart heard only on the spy network shows its state and its transitions', async ({ page }) => {
  await page.goto('/');
  await replayFile(page, fixtureLog('seed-spy-only.log'));
  const row = page.locator('[data-testid=chart-row][data-chart="0ca32_ao"]');
  await expect(row.getByTestId('chart-state')).toHaveText('outer');
  await expect(page.getByTestId('statechart-current')).toHaveAttribute('data-state', 'outer');
  await expect(page.getByTestId('statechart-current')).toContainText('from spy lines');
  await expect(page.locator('[data-testid=state-node][data-current=true]')).toHaveAttribute('data-state', 'outer');
  await expect(page.getByTestId('last-transition')).toHaveAttribute('data-edge', 'inner→outer');
  await expect(page.locator('[data-testid=transition][data-edge="outer→inner"]')).toHaveCount(1);
  // Nesting comes from the spy lines too: no "hierarchy unknown" note.
  await expect(page.locator('[data-testid=state-node][data-state=outer]')).toHaveAttribute('data-compound', 'true');
  await expect(page.getByTestId('statechart-hierarchy-note')).toHaveCount(0);
  // Seek to the record that ends the second step (`<- Queued`, seq 10): the state follows.
  await page.locator('[data-testid=log-row][data-seq="10"]').click();
  await expect(page.locator('[data-testid=state-node][data-current=true]')).toHaveAttribute('data-state', 'inner');
  await expect(row.getByTestId('chart-state')).toHaveText('inner');
  await page.getByTestId('statechart-svg').screenshot({ path: 'test-results/screenshots/statechart-spy-only.png' });
});

test('a trace-only log says the hierarchy is unknown, and a small chart fills the panel', async ({ page }) => {
  await page.goto('/');
  await replayFile(page, fixtureLog('seed-two-charts-trace.log'));
  await expect(page.getByTestId('statechart-hierarchy-note')).toContainText('hierarchy unknown');
  await expect(page.locator('[data-testid=state-node]').first()).toBeVisible();
  const covered = await coverage(page);
  // Fitted in both directions: the tighter one is (nearly) full, unless the zoom limit stopped it.
  expect(Math.max(covered.x, covered.y) > 0.7 || (await scale(page)) >= 3).toBe(true);
});

test('zoom buttons, the wheel and dragging move the drawing, and fit puts it back', async ({ page }) => {
  await page.goto('/');
  await replayFile(page, fixtureLog('miros-logging-single_unit_three_stage_charger_2.log'));
  await expect(page.locator('[data-testid=state-node]').first()).toBeVisible();
  const fitted = await scale(page);
  const viewport = page.getByTestId('statechart-viewport');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => scale(page)).toBeCloseTo(Math.min(3, fitted * 1.25), 5);
  await page.getByTestId('statechart-fit').click();
  await expect.poll(() => scale(page)).toBeCloseTo(fitted, 5);

  const box = (await viewport.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await expect.poll(() => scale(page)).toBeGreaterThan(fitted);
  const transform = () => page.locator('[data-testid=statechart-svg] > g').getAttribute('transform');
  const before = await transform();
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 80, { steps: 5 });
  await page.mouse.up();
  await expect.poll(transform).not.toBe(before);
  // Never zoomed out below the readable size.
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 800);
  const { smallest, log } = await labelSizes(page);
  expect(smallest).toBeGreaterThanOrEqual(log - 0.01);
});

test('a self-transition is a loop with its label', async ({ page }) => {
  await page.goto('/');
  await replayFile(page, fixtureLog('miros-logging-simple_state_11.log'));
  await page.getByTestId('statechart-chart').selectOption('f1');
  const loop = page.locator('[data-testid=statechart-svg] [data-self=true]').first();
  await expect(loop).toHaveAttribute('data-edge', 'inner_state→inner_state');
  await expect(loop.locator('text')).toHaveText('Reset');
  const size = await loop.locator('path').evaluate((p) => p.getBoundingClientRect().toJSON() as DOMRect);
  // Clearly visible: at least 20 px wide and 14 px tall on screen.
  expect(size.width).toBeGreaterThanOrEqual(20);
  expect(size.height).toBeGreaterThanOrEqual(14);
  await page.getByTestId('statechart-svg').screenshot({ path: 'test-results/screenshots/statechart-self-loop.png' });
});

test('the live charger chart at 1440×900: no label below 11 px or below the log text', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openLive(page);
  const charger = await chartNamed(page, /_charger$/);
  await page.getByTestId('statechart-chart').selectOption(charger);
  await expect(page.locator('[data-testid=state-node][data-current=true]')).toHaveCount(1, { timeout: 30_000 });
  // Let the layout settle (new transitions may still add arrows).
  await page.waitForTimeout(1500);
  await page.getByTestId('statechart-fit').click();
  const { smallest, log, labels } = await labelSizes(page);
  expect(labels).toBeGreaterThan(5);
  expect(smallest).toBeGreaterThanOrEqual(11);
  expect(smallest).toBeGreaterThanOrEqual(log - 0.01);
  await page.getByTestId('statechart-viewport').screenshot({ path: 'test-results/screenshots/statechart-live-charger.png' });
  console.log(`live charger: ${labels} labels, smallest ${smallest.toFixed(2)} px, log text ${log} px, zoom ${await scale(page)}`);
});
