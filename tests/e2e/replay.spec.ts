/**
 * Replaying saved logs: the seed trace of two networked charts (the example
 * every miros-rabbitmq user starts from), the cursor, and the filter.
 */
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { fixtureLog, replayFile, replayLoaded, sequenceReady } from './support.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('replaying the seed trace shows two charts and 12 numbered transitions', async ({ page }) => {
  await replayFile(page, fixtureLog('seed-two-charts-trace.log'));
  await expect(page.getByTestId('chart-row')).toHaveCount(2);
  const charts = await page.getByTestId('chart-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-chart'), r.querySelector('[data-testid=chart-state]')?.textContent]));
  expect(charts).toEqual([
    ['04ccc_ao', 'inner'],
    ['2771f_ao', 'inner'],
  ]);
  await sequenceReady(page);
  const labels = await page.locator('[data-testid=sequence-diagram] svg text.messageText').allTextContents();
  expect(labels).toEqual([
    '1: start_at()',
    '3: to_inner()',
    '5: to_outer()',
    '7: to_inner()',
    '9: to_outer()',
    '11: to_inner()',
    '2: start_at()',
    '4: other_to_inner()',
    '6: other_to_outer()',
    '8: to_inner()',
    '10: other_to_outer()',
    '12: other_to_inner()',
  ]);
  await page.screenshot({ path: 'test-results/screenshots/replay-seed.png' });
});

test('seeking back moves the statechart highlight back', async ({ page }) => {
  await replayFile(page, fixtureLog('seed-two-charts-trace.log'));
  await page.getByTestId('chart-row').filter({ hasText: '2771f_ao' }).click();
  const current = page.locator('[data-testid=state-node][data-current=true]');
  await expect(current).toHaveAttribute('data-state', 'inner');
  await expect(page.getByTestId('last-transition')).toHaveAttribute('data-edge', 'outer→inner');

  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('cursor-position')).toHaveText('11');
  await expect(current).toHaveAttribute('data-state', 'outer');
  await expect(page.getByTestId('last-transition')).toHaveAttribute('data-edge', 'inner→outer');

  // The keyboard does the same, and the log row under the cursor follows.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('cursor-position')).toHaveText('9');
  await expect(current).toHaveAttribute('data-state', 'inner');
  await expect(page.locator('[data-testid=log-row].current')).toHaveAttribute('data-seq', '9');
  await page.screenshot({ path: 'test-results/screenshots/replay-seek.png' });
});

test('clicking a log row puts the cursor on that record', async ({ page }) => {
  await replayFile(page, fixtureLog('seed-two-charts-trace.log'));
  await page.locator('[data-testid=log-row][data-seq="4"]').click();
  await expect(page.getByTestId('cursor-position')).toHaveText('4');
  await expect(page.getByTestId('chart-row').filter({ hasText: '2771f_ao' }).getByTestId('chart-state')).toHaveText('inner');
  await expect(page.getByTestId('chart-row').filter({ hasText: '04ccc_ao' }).getByTestId('chart-state')).toHaveText('inner');
  await expect(page.getByTestId('log-row')).toHaveCount(4);
});

test('playing from the start runs the replay to the end', async ({ page }) => {
  await replayFile(page, fixtureLog('seed-two-charts-trace.log'));
  await page.keyboard.press('Home');
  await expect(page.getByTestId('cursor-position')).toHaveText('0');
  await page.getByTestId('speed').selectOption('max');
  await page.getByTestId('play-pause').click();
  await expect(page.getByTestId('cursor-position')).toHaveText('12');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-label', 'Play');
});

test('a filter narrows the log, and a bad query keeps the last good one', async ({ page }) => {
  await replayFile(page, fixtureLog('seed-two-charts-trace.log'));
  await expect(page.getByTestId('log-row')).toHaveCount(12);
  await page.getByTestId('log-filter').fill('chart:04ccc_ao signal:to_inner');
  await expect(page.getByTestId('log-count')).toHaveText('3 of 12');
  expect(await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-seq')))).toEqual(['3', '7', '11']);

  await page.getByTestId('log-filter').fill('chart:04ccc_ao /to_(inner');
  await expect(page.getByTestId('log-filter-error')).toBeVisible();
  await expect(page.getByTestId('log-count')).toHaveText('3 of 12');

  await page.getByTestId('log-filter').fill('/other_to_(inner|outer)/ -signal:other_to_outer');
  await expect(page.getByTestId('log-count')).toHaveText('2 of 12');
  await page.getByTestId('log-filter').fill('');
  await expect(page.getByTestId('log-count')).toHaveText('12 records');
});

test('unreadable lines are listed with their line numbers while the rest loads', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('broken.log');
  writeFileSync(
    file,
    ['[2018-05-04 09:23:29.177773] [a] e->start_at() top->outer', '{"v":1,"kind":"trace"', '[2018-05-04 09:23:30.177773] [a] e->go() outer->inner', ''].join('\n'),
  );
  await replayFile(page, file);
  await expect(page.getByTestId('record-count')).toHaveText('3 records');
  await page.getByTestId('parse-error-count').click();
  await expect(page.getByTestId('parse-errors')).toContainText('line 2');
  await expect(page.getByTestId('chart-row').getByTestId('chart-state')).toHaveText('inner');
});

test('a log dropped on the page is replayed', async ({ page }) => {
  const text = 'X [+s] 0ca32_ao START\n [+t] [2018-05-04 08:02:36.593144] [0ca32_ao] e->start_at() top->outer\n';
  const transfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.log'));
    return dt;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  // It opens at its start; then to the end, to see the whole run.
  await replayLoaded(page, 'dropped.log');
  await expect(page.getByTestId('chart-row')).toHaveCount(1);
  await expect(page.getByTestId('chart-state')).toHaveText('outer');
});

test('a python logging log with spy lines replays every chart', async ({ page }) => {
  const file = fixtureLog('miros-logging-simple_state_11.log');
  const parsed = parseLog(readFileSync(file, 'utf8'));
  const charts = [...new Set(parsed.records.map((r) => r.chart).filter((c) => c !== null))];
  await replayFile(page, file);
  await expect(page.getByTestId('record-count')).toHaveText(`${parsed.records.length} records`);
  expect(await page.getByTestId('chart-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-chart')))).toEqual(charts);
  await sequenceReady(page);
  await page.screenshot({ path: 'test-results/screenshots/replay-python-logging.png' });
});

test('a chart known only from its spy lines is drawn nested', async ({ page }) => {
  await replayFile(page, fixtureLog('seed-single-chart.log'));
  await expect(page.locator('[data-testid=state-node][data-state=outer]')).toHaveAttribute('data-compound', 'true');
  await expect(page.locator('[data-testid=state-node][data-current=true]')).toHaveAttribute('data-state', 'outer');
  await expect(page.locator('[data-testid=state-node][data-active=true]')).toHaveCount(1);
  // Line 25 is the last record before `to_outer() inner->outer`.
  await page.locator('[data-testid=log-row][data-seq="25"]').click();
  await expect(page.locator('[data-testid=state-node][data-current=true]')).toHaveAttribute('data-state', 'inner');
  await expect(page.locator('[data-testid=state-node][data-active=true]')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screenshots/statechart-nested.png' });
});

test('space plays and pauses even while a toolbar button has the focus', async ({ page }) => {
  await replayFile(page, fixtureLog('seed-two-charts-trace.log'));
  await page.keyboard.press('Home');
  await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('cursor-position')).toHaveText('1');
  // Records 1 and 2 share the first instant; record 3 is five seconds later.
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-label', 'Pause');
  await expect(page.getByTestId('cursor-position')).toHaveText('2');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play-pause')).toHaveAttribute('aria-label', 'Play');
  // The focused step button was not pressed by the space bar.
  await expect(page.getByTestId('cursor-position')).toHaveText('2');
});
