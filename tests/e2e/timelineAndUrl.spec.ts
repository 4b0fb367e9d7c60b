/**
 * The timeline and shareable links (issue 10): a replay opens at its start,
 * the track has a time axis and a row of activity per chart, a click seeks,
 * the URL carries the source, cursor, filter, chart and view, and a reload
 * restores them (a server recording) or says why it cannot (a local file).
 * Meta records stay out of the log until asked for.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { fixtureLog, replayFile, replayLoaded } from './support.ts';

const SEED = fixtureLog('seed-two-charts-trace.log');

function search(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** Clicks the timeline track at a fraction of its width. */
async function clickTrack(page: Page, fraction: number): Promise<void> {
  const box = (await page.getByTestId('timeline-track').boundingBox())!;
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
}

test('a replay opens at its start; the timeline has an axis and activity rows, and a click seeks', async ({ page }) => {
  await page.goto('/');
  await replayFile(page, SEED, { at: 'start' });
  await expect(page.getByTestId('cursor-position')).toHaveText('0');
  await expect(page.getByTestId('timeline-readout')).toContainText('/ 12');
  // Nothing has played yet, so no chart is alive (or anything else).
  await expect(page.getByText('No charts heard yet.')).toBeVisible();

  // The seed runs from 09:23:29 to 09:23:47 (UTC): ticks on round seconds, one activity row per chart.
  const ticks = await page.getByTestId('timeline-tick').allTextContents();
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  for (const tick of ticks) expect(tick).toMatch(/^09:23:[2-4]\d$/);
  await expect(page.getByTestId('timeline-activity')).toHaveAttribute('data-rows', '2');
  const painted = await page.getByTestId('timeline-activity').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
  expect(painted).toBeGreaterThan(0);

  // A click halfway along the time axis: the records stamped before 09:23:38.
  await clickTrack(page, 0.5);
  await expect(page.getByTestId('cursor-position')).not.toHaveText('0');
  const seeked = Number(await page.getByTestId('cursor-position').textContent());
  const times = [...readFileSync(SEED, 'utf8').matchAll(/\[(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})\d*\]/g)].map((m) => Date.parse(`${m[1]}T${m[2]}Z`));
  expect(times).toHaveLength(12);
  const t0 = times[0]!;
  const t1 = Math.max(...times);
  let latest = -Infinity;
  const due = times.filter((t) => (latest = Math.max(latest, t)) <= t0 + (t1 - t0) * 0.5).length;
  expect(Math.abs(seeked - due)).toBeLessThanOrEqual(1); // a pixel either side of an instant
  expect(seeked).toBeGreaterThan(0);
  expect(seeked).toBeLessThan(12);
  await expect(page.getByTestId('chart-row')).toHaveCount(2);
  await expect(page.getByTestId('cursor-time')).toHaveText(/^09:23:\d\d\.\d{3}$/);
  await expect.poll(() => search(page).get('at')).toBe(String(seeked));
  expect(search(page).get('file')).toBe('seed-two-charts-trace.log');

  // Dragging to the far left goes back to the start.
  const box = (await page.getByTestId('timeline-track').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + 5);
  await page.mouse.down();
  await page.mouse.move(box.x - 20, box.y + 5, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId('cursor-position')).toHaveText('0');
});

test('a link to a local file says it cannot reopen it, and opening that file lands at its cursor', async ({ page }) => {
  await page.goto('/');
  await replayFile(page, SEED, { at: 'start' });
  await page.getByTestId('step-forward').click();
  await expect.poll(() => search(page).get('at')).toBe('1');
  await page.reload();
  await expect(page.getByTestId('source-label')).toContainText('local file "seed-two-charts-trace.log"');
  expect(search(page).get('file')).toBe('seed-two-charts-trace.log');
  // Opening that file lands where the link was.
  await replayFile(page, SEED, { at: 'start' });
  await expect(page.getByTestId('cursor-position')).toHaveText('1');
});

test('a server recording, its cursor, filter, chart and view come back on reload', async ({ page, request }) => {
  const response = await request.post('/api/recordings', { data: readFileSync(SEED, 'utf8'), headers: { 'x-filename': 'seed-url-state.log', 'content-type': 'text/plain' } });
  expect(response.status()).toBe(201);
  const { name } = (await response.json()) as { name: string };

  await page.goto('/');
  await page.getByTestId('recordings-menu').click();
  await page.locator(`[data-testid=recording-item][data-name="${name}"]`).click();
  await replayLoaded(page, name, { at: 'start' });
  await expect(page.getByTestId('cursor-position')).toHaveText('0');
  await expect.poll(() => search(page).get('recording')).toBe(name);

  await clickTrack(page, 0.75);
  await expect(page.getByTestId('cursor-position')).not.toHaveText('0');
  const at = await page.getByTestId('cursor-position').textContent();
  expect(Number(at)).toBeGreaterThan(0);
  await page.getByTestId('chart-row').filter({ hasText: '2771f_ao' }).click();
  await page.getByTestId('sequence-view').selectOption('system');
  await page.getByTestId('log-filter').fill('kind:trace signal:to_inner');
  await expect.poll(() => [search(page).get('at'), search(page).get('chart'), search(page).get('view'), search(page).get('q')]).toEqual([at, '2771f_ao', 'system', 'kind:trace signal:to_inner']);

  await page.reload();
  await replayLoaded(page, name, { at: 'start' });
  await expect(page.getByTestId('cursor-position')).toHaveText(at!);
  await expect(page.getByTestId('log-filter')).toHaveValue('kind:trace signal:to_inner');
  await expect(page.getByTestId('sequence-view')).toHaveValue('system');
  await expect(page.getByTestId('chart-row').filter({ hasText: '2771f_ao' })).toHaveAttribute('aria-selected', 'true');
  const rows = await page.getByTestId('log-row').allTextContents();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toContain('to_inner');

  // Back returns to the live stream the page opened with (the recording was a new history entry).
  await page.goBack();
  await expect(page.getByTestId('presence')).toHaveAttribute('data-presence', 'live');
});

test('meta records stay out of the log until the toggle or a kind: filter asks for them', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('seed-with-notes.log');
  const lines = readFileSync(SEED, 'utf8').split('\n');
  lines.splice(3, 0, 'starting the second chart (a line that is not a record)');
  writeFileSync(file, lines.join('\n'));
  await page.goto('/');
  await replayFile(page, file);
  await expect(page.getByTestId('log-count')).toHaveText('12 of 13');
  await expect(page.getByTestId('log-row')).toHaveCount(12);
  await page.getByTestId('log-show-meta').check();
  await expect(page.getByTestId('log-row')).toHaveCount(13);
  await page.getByTestId('log-show-meta').uncheck();
  await page.getByTestId('log-filter').fill('kind:note');
  await expect(page.getByTestId('log-row')).toHaveCount(1);
  await expect(page.getByTestId('log-row')).toContainText('not a record');
});
