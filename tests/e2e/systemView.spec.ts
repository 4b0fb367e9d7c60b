/**
 * The system view of the live 7-chart demo (seed pair + charger site) reads
 * at 1440×900 (issue 10: ~8 px text even with "Fit width", right-hand
 * lifelines and labels cut off): every text of the drawing is at least
 * 11 px on screen, in both the Fit and 100 % modes, and no label reaches
 * past what the scroll container can scroll to.
 */
import { expect, test, type Page } from '@playwright/test';
import { fixtureLog, openLive, replayFile, screenshot, sequenceReady } from './support.ts';

interface TextBox {
  text: string;
  size: number;
  left: number;
  right: number;
}

/** Every SVG text of the drawing: its rendered font size (px on screen) and its box in scroll-content coordinates. */
async function drawnTexts(page: Page): Promise<{ texts: TextBox[]; scrollWidth: number }> {
  return page.getByTestId('sequence-diagram').evaluate((box) => {
    const frame = box.getBoundingClientRect();
    const texts = [...box.querySelectorAll('svg text')].map((el) => {
      const svg = el.closest('svg')!;
      // The font size Mermaid set, times the SVG's scale on screen.
      const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width);
      const size = parseFloat(getComputedStyle(el).fontSize) * scale;
      const at = el.getBoundingClientRect();
      return { text: el.textContent ?? '', size, left: at.left - frame.left + box.scrollLeft, right: at.right - frame.left + box.scrollLeft };
    });
    return { texts: texts.filter((t) => t.text.trim() !== ''), scrollWidth: box.scrollWidth };
  });
}

test('the system view of the 7-chart demo has no text below 11 px and no label clipped, fitted or at 100 %', async ({ page }) => {
  await openLive(page);
  // Let all seven charts start and exchange a few rounds.
  await expect.poll(async () => (await page.getByTestId('chart-row').count()) >= 7, { timeout: 30_000 }).toBe(true);
  await page.getByTestId('sequence-view').selectOption('system');
  await expect.poll(async () => {
    await sequenceReady(page);
    return page.locator('[data-testid=sequence-diagram] svg text.actor').count();
  }, { timeout: 30_000 }).toBeGreaterThanOrEqual(7);
  for (const fit of [true, false]) {
    const button = page.getByTestId('sequence-fit');
    if ((await button.getAttribute('aria-pressed')) !== String(fit)) await button.click();
    await sequenceReady(page);
    const { texts, scrollWidth } = await drawnTexts(page);
    expect(texts.length).toBeGreaterThan(20);
    const small = texts.filter((t) => t.size < 11 - 0.01).map((t) => `${t.text} (${t.size.toFixed(1)} px)`);
    expect(small, `fit=${fit}`).toEqual([]);
    const clipped = texts.filter((t) => t.left < -0.5 || t.right > scrollWidth + 0.5).map((t) => t.text);
    expect(clipped, `fit=${fit}`).toEqual([]);
  }
  await screenshot(page, 'system-view-live.png');
});

test('a saved log without mesh records gets dashed inferred arrows, a note saying how, and a toggle that hides them', async ({ page }) => {
  await page.goto('/');
  await replayFile(page, fixtureLog('seed-two-charts-trace.log'));
  await page.getByTestId('sequence-view').selectOption('system');
  await sequenceReady(page);
  const arrows = page.locator('[data-testid=sequence-diagram] svg text.messageText');
  await expect(arrows).toHaveText([
    'other_to_inner() (inferred, sent at 3)',
    'other_to_outer() (inferred, sent at 5)',
    'other_to_outer() (inferred, sent at 9)',
    'other_to_inner() (inferred, sent at 11)',
  ]);
  // Mermaid draws `-->>` as a dashed line.
  expect(await page.locator('[data-testid=sequence-diagram] svg line.messageLine1').count()).toBe(4);
  await expect(page.getByTestId('sequence-inferred-note')).toContainText('4 dashed arrows inferred');
  await expect(page.getByTestId('sequence-diagram')).toHaveAttribute('data-numbers', '1,2,3,4,5,6,7,8,9,10,11,12');
  await page.getByTestId('sequence-inferred').click();
  await sequenceReady(page);
  await expect(arrows).toHaveCount(0);
  await expect(page.getByTestId('sequence-inferred-note')).toHaveCount(0);
});
