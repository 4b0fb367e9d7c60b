/**
 * The live dashboard against the real server: the demo's charts (the seed
 * page's NetworkedActiveObject `xxxxx_ao` and NetworkedFactory `xxxxx_fo`,
 * the charger site) run in the server and talk over the real RabbitMQ; the
 * page follows them through the socket.io relay. Their timers fire every
 * 2–7 s, so waits for a transition are generous.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chartNamed, chartRow, openLive, screenshot, SEED_AO, SEED_FO, sequenceReady } from './support.ts';

/** Long enough for a few of the seed's 2–7 s timers, on a busy machine. */
const TRANSITION_WAIT = 45_000;

/** What the page shows about a chart in one read: the charts panel's state and the statechart's highlight. */
async function shownState(page: Page, chart: string) {
  return page.evaluate((name) => {
    const row = document.querySelector(`[data-testid=chart-row][data-chart="${name}"]`);
    return {
      row: row?.querySelector('[data-testid=chart-state]')?.textContent ?? null,
      highlighted: document.querySelector('[data-testid=state-node][data-current=true]')?.getAttribute('data-state') ?? null,
      lastEdge: document.querySelector('[data-testid=last-transition]')?.getAttribute('data-edge') ?? null,
    };
  }, chart);
}

test('the page the server serves opens the live stream without being asked', async ({ page }) => {
  await openLive(page);
  await expect(page.getByTestId('source-label')).toContainText('live from 127.0.0.1:');
  await expect(page.getByTestId('broker')).toHaveText('RabbitMQ 127.0.0.1:5672');
  await expect(page.getByTestId('broker')).toHaveAttribute('data-transport', 'amqp');
  await expect(page.getByTestId('rejections')).toContainText('rejected');
  await expect(page.getByTestId('reconnects')).toContainText('reconnect');
  await expect(page.getByTestId('dropped')).toContainText('dropped');
  // Going live again is only offered while something else is open.
  await expect(page.getByTestId('go-live')).toHaveCount(0);
});

test('both seed charts appear live and their state changes, in the charts panel and the statechart', async ({ page }) => {
  await openLive(page);
  const ao = await chartNamed(page, SEED_AO);
  const fo = await chartNamed(page, SEED_FO);
  await expect(chartRow(page, ao).locator('.liveness')).toHaveText('alive');
  await expect(chartRow(page, fo).locator('.liveness')).toHaveText('alive');

  await chartRow(page, ao).click();
  await expect(page.getByTestId('statechart-chart')).toHaveValue(ao);
  await expect(page.locator('[data-testid=state-node][data-state=outer]')).toHaveAttribute('data-compound', 'true');
  let before = await shownState(page, ao);
  await expect
    .poll(
      async () => {
        before = await shownState(page, ao);
        return before.highlighted !== null && before.highlighted === before.row;
      },
      { timeout: TRANSITION_WAIT, message: `the statechart highlights the state the charts panel names for ${ao}` },
    )
    .toBe(true);

  // The seed chart swings between outer and inner: wait for the next swing,
  // seen the same way by the charts panel and the statechart (highlight and
  // the last transition's arrow; a first-time arrow may need a new layout).
  const edgeInto = (state: string | null) => (state === 'inner' ? 'outer→inner' : 'inner→outer');
  await expect
    .poll(
      async () => {
        const now = await shownState(page, ao);
        const moved = now.highlighted !== before.highlighted && now.row === now.highlighted && now.lastEdge === edgeInto(now.highlighted);
        return moved ? 'moved' : now;
      },
      { timeout: TRANSITION_WAIT, message: `${ao} moves out of ${before.highlighted} (a seed chart that stopped says why in the server's stderr)` },
    )
    .toBe('moved');
  await screenshot(page, 'live-statechart.png');
});

test('the log fills with live records and a filter narrows it to one chart and kind', async ({ page }) => {
  await openLive(page);
  const ao = await chartNamed(page, SEED_AO);
  const count = async () => Number((await page.getByTestId('record-count').textContent())!.replace(/[^0-9]/g, ''));
  const first = await count();
  await expect.poll(count, { timeout: TRANSITION_WAIT }).toBeGreaterThan(first);
  expect(await page.getByTestId('log-row').count()).toBeGreaterThan(10);

  await page.keyboard.press('/');
  await expect(page.getByTestId('log-filter')).toBeFocused();
  await page.keyboard.type(`chart:${ao} kind:trace`);
  // The count reads "N of M" already (meta rows are hidden by default): wait for the rows the query keeps.
  const kinds = () => page.getByTestId('log-row').evaluateAll((els) => [...new Set(els.map((el) => `${el.getAttribute('data-chart')} ${el.getAttribute('data-kind')}`))]);
  await expect.poll(kinds).toEqual([`${ao} trace`]);
  await expect(page.getByTestId('log-count')).toHaveText(/^[\d,]+ of [\d,]+$/);
  const [kept, total] = (await page.getByTestId('log-count').textContent())!.split(' of ').map((n) => Number(n.replace(/,/g, '')));
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(total!);
  const rows = await page.getByTestId('log-row').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-chart')} ${el.getAttribute('data-kind')}`));
  expect(rows.length).toBeGreaterThan(0);
  expect([...new Set(rows)]).toEqual([`${ao} trace`]);
  // New transitions of that chart keep arriving through the filter.
  await expect.poll(async () => Number((await page.getByTestId('log-count').textContent())!.split(' of ')[0]!.replace(/,/g, '')), { timeout: TRANSITION_WAIT }).toBeGreaterThan(kept!);
});

test('the sequence panel draws a live chart of its own and the system view with mesh arrows between the seed charts', async ({ page }) => {
  await openLive(page);
  const ao = await chartNamed(page, SEED_AO);
  const fo = await chartNamed(page, SEED_FO);

  await page.getByTestId('sequence-view').selectOption(`chart:${ao}`);
  await expect(page.getByTestId('sequence-caption').first()).toHaveAttribute('data-chart', ao);
  await sequenceReady(page);
  const labels = await page.locator('[data-testid=sequence-diagram] svg text.messageText').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) expect(label).toMatch(/^\d+: (start_at|to_inner|to_outer|other_to_inner|other_to_outer)\(\)$/);

  await page.getByTestId('sequence-view').selectOption('system');
  await sequenceReady(page);
  await expect(page.getByTestId('sequence-caption').first()).toContainText('system view');
  const actors = await page.locator('[data-testid=sequence-diagram] svg text.actor').allTextContents();
  expect(actors.some((a) => a.startsWith(`${ao} `))).toBe(true);
  expect(actors.some((a) => a.startsWith(`${fo} `))).toBe(true);

  // The Mermaid text of the same view names each arrow's ends: one goes
  // from a seed chart to the other, carrying what the seed charts transmit.
  await page.getByTestId('sequence-export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-mermaid').click()]);
  const text = readFileSync(await download.path(), 'utf8');
  const alias = (chart: string) => new RegExp(`participant (\\w+) as ${chart} \\(`).exec(text)?.[1];
  const [a, f] = [alias(ao), alias(fo)];
  expect(a && f).toBeTruthy();
  const meshArrow = new RegExp(`^\\s*(${a}->>${f}|${f}->>${a}): \\d+: other_to_(inner|outer)\\(`, 'm');
  expect(text).toMatch(meshArrow);
  await expect(page.locator('[data-testid=sequence-diagram] svg text.messageText').filter({ hasText: /other_to_(inner|outer)/ }).first()).toBeVisible();
  await screenshot(page, 'live-system-view.png');
});

test('pinning a live view by stepping back and clicking a log row, and following live again', async ({ page }) => {
  await openLive(page);
  await chartNamed(page, SEED_AO);
  // A step back pins the view: the list stops moving while records keep arriving.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('follow-live')).toBeVisible();
  const seq = await page.getByTestId('log-row').nth(3).getAttribute('data-seq');
  await page.locator(`[data-testid=log-row][data-seq="${seq}"]`).click();
  await expect(page.locator('[data-testid=log-row].current')).toHaveAttribute('data-seq', seq!);
  await expect(page.getByTestId('follow-live')).toHaveText(/^viewing record [\d,]+ — follow live$/);
  await page.keyboard.press('End');
  await expect(page.getByTestId('follow-live')).toHaveCount(0);
});

test('live screenshots in both themes', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('miroscope.theme', 'dark'));
  await openLive(page);
  const ao = await chartNamed(page, SEED_AO);
  await chartNamed(page, SEED_FO);
  await chartRow(page, ao).click();
  // The sequence panel keeps its default view, every chart's own diagram.
  await expect(page.locator('[data-testid=state-node][data-current=true]')).toHaveCount(1, { timeout: TRANSITION_WAIT });
  // Let a few more records arrive so every panel has something to show.
  await page.waitForTimeout(3000);
  await sequenceReady(page);
  await screenshot(page, 'live-dark.png', 'live-demo-dark.png');
  await page.keyboard.press('t');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  await page.waitForTimeout(500);
  await sequenceReady(page);
  await screenshot(page, 'live-light.png', 'live-demo-light.png');
});
