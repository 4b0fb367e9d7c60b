/**
 * The server's recordings from the page: the live session's own recording,
 * a log uploaded through the menu, and a recording replayed like any saved
 * log (the server keeps them in the run's temporary folder).
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chartNamed, fixtureLog, openLive, replayLoaded, screenshot, SEED_AO, SEED_FO, sequenceReady } from './support.ts';

const SEED = fixtureLog('seed-two-charts-trace.log');

test('the live session is listed as a recording and replays from the menu', async ({ page }) => {
  await openLive(page);
  await chartNamed(page, SEED_AO);
  await page.getByTestId('recordings-menu').click();
  const live = page.locator('[data-testid=recording-item]').filter({ has: page.locator('.badge.live') });
  await expect(live).toHaveCount(1);
  const name = (await live.getAttribute('data-name'))!;
  expect(name).toMatch(/-demo$/);
  await live.click();
  await expect(page.getByTestId('recordings-list')).toBeHidden();
  await replayLoaded(page, name);
  // Everything recorded so far, the seed charts among it, now with replay controls.
  await chartNamed(page, SEED_AO);
  await chartNamed(page, SEED_FO);
  await expect(page.getByTestId('play-pause')).toBeEnabled();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('cursor-position')).toHaveText('0');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('cursor-position')).toHaveText('1');

  // And back to the live stream.
  await page.getByTestId('go-live').click();
  await expect(page.getByTestId('presence')).toHaveAttribute('data-presence', 'live');
  await chartNamed(page, SEED_AO);
});

test('a log uploaded through the menu joins the list and replays from it', async ({ page }) => {
  await openLive(page);
  await page.getByTestId('recordings-menu').click();
  await expect(page.getByTestId('upload-recording')).toBeEnabled();
  await page.getByTestId('upload-input').setInputFiles(SEED);
  await expect(page.getByTestId('upload-note')).toHaveText(/^uploaded as (seed-two-charts-trace(-\d+)?): 12 records \(/);
  const name = /uploaded as (\S+):/.exec((await page.getByTestId('upload-note').textContent())!)![1]!;
  const item = page.locator(`[data-testid=recording-item][data-name="${name}"]`);
  await expect(item).toHaveClass(/fresh/);
  await expect(item).toContainText('12 records');

  await item.click();
  await replayLoaded(page, name);
  await expect(page.getByTestId('chart-row')).toHaveCount(2);
  await sequenceReady(page);
  await expect(page.locator('[data-testid=sequence-diagram] svg text.messageText')).toHaveCount(12);
});

test('replaying the seed trace from the server, with the sequence panel, for the README', async ({ page, request }) => {
  // Uploaded through the API here, so this test does not depend on the one above.
  const response = await request.post('/api/recordings', { data: readFileSync(SEED, 'utf8'), headers: { 'x-filename': 'seed-two-charts.log', 'content-type': 'text/plain' } });
  expect(response.status()).toBe(201);
  const { name } = (await response.json()) as { name: string };
  await page.addInitScript(() => localStorage.setItem('miroscope.theme', 'dark'));
  await page.goto(`/?recording=${encodeURIComponent(name)}`);
  await replayLoaded(page, name);
  await expect(page.getByTestId('chart-row')).toHaveCount(2);
  await page.getByTestId('chart-row').filter({ hasText: '2771f_ao' }).click();
  await sequenceReady(page);
  await expect(page.locator('[data-testid=sequence-diagram] svg text.messageText')).toHaveCount(12);
  // The cursor a few steps back, so the timeline and the highlight show a replay in progress.
  await page.locator('[data-testid=log-row][data-seq="9"]').click();
  await expect(page.getByTestId('cursor-position')).toHaveText('9');
  await sequenceReady(page);
  await screenshot(page, 'replay-seed-recording.png', 'replay-seed.png');
});
