/**
 * The dashboard with hundreds of charts (issue 11): a replay of 300 charts
 * on 5 nodes. The charts panel renders only the rows on screen, search
 * narrows it, sort and group by node work, and the sequence panel's chart
 * picker finds a chart by typing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { replayFile } from './support.ts';

const CHARTS = 300;
const NODES = ['node-a', 'node-b', 'node-c', 'node-d', 'node-e'];
const name = (i: number) => `ch_${String(i).padStart(3, '0')}`;

/**
 * Every chart starts and makes two transitions, one second apart per round;
 * ch_123 is the busiest (20 extra transitions) and ch_042 speaks last.
 */
function manyChartsRecording(): string {
  const lines: string[] = [];
  let seq = 0;
  let time = Date.UTC(2026, 0, 1, 12);
  const trace = (i: number, signal: string, from: string, to: string) => {
    seq++;
    time += 5;
    const chart = name(i);
    lines.push(
      JSON.stringify({ v: 1, seq, kind: 'trace', chart, node: NODES[i % NODES.length], time, received: time, raw: `[${chart}] e->${signal}() ${from}->${to}`, signal, from, to }),
    );
  };
  for (let i = 0; i < CHARTS; i++) trace(i, 'start_at', 'top', 'idle');
  for (let i = 0; i < CHARTS; i++) trace(i, 'go', 'idle', 'busy');
  for (let k = 0; k < 20; k++) trace(123, 'again', 'busy', 'busy');
  trace(42, 'stop', 'busy', 'idle');
  return lines.join('\n') + '\n';
}

let dir: string;
let file: string;
test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'miroscope-many-'));
  file = path.join(dir, 'many-charts.jsonl');
  writeFileSync(file, manyChartsRecording());
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('300 charts: windowed list, search, sort, group by node, and the picker finds a chart by typing', async ({ page }) => {
  await page.goto('/');
  await replayFile(page, file);
  const rows = page.getByTestId('chart-row');
  await expect(page.getByTestId('charts-count')).toHaveText(`${CHARTS} charts`);

  // Only the rows on screen (plus a few either side) are in the DOM.
  const rendered = await rows.count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);
  await expect(rows.first()).toHaveAttribute('data-chart', 'ch_000');

  // Scrolling the list brings later charts into the DOM, still windowed.
  await page.locator('.charts-table-wrap').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator('[data-testid=chart-row][data-chart=ch_299]')).toHaveCount(1);
  expect(await rows.count()).toBeLessThan(80);

  // Search narrows: ch_120 … ch_129.
  await page.getByTestId('charts-search').fill('ch_12');
  await expect(page.getByTestId('charts-count')).toHaveText(`10 of ${CHARTS} charts`);
  await expect(rows).toHaveCount(10);
  await page.getByTestId('charts-search').fill('node-b busy');
  await expect(page.getByTestId('charts-count')).toHaveText(`${CHARTS / NODES.length} of ${CHARTS} charts`);
  await page.getByTestId('charts-search').fill('');

  // Sort: the busiest first; the one heard last first.
  await page.getByTestId('charts-sort').selectOption('activity');
  await expect(rows.first()).toHaveAttribute('data-chart', 'ch_123');
  await page.getByTestId('charts-sort').selectOption('lastSeen');
  await expect(rows.first()).toHaveAttribute('data-chart', 'ch_042');
  await page.getByTestId('charts-sort').selectOption('name');

  // Group by node: a header per node, node-a's charts under the first.
  await page.getByTestId('charts-group').check();
  const groups = page.getByTestId('chart-group');
  await expect(groups.first()).toHaveAttribute('data-node', 'node-a');
  await expect(groups.first()).toContainText(`(${CHARTS / NODES.length})`);
  await expect(rows.first()).toHaveAttribute('data-chart', 'ch_000');
  await expect(rows.nth(1)).toHaveAttribute('data-chart', 'ch_005');
  await page.getByTestId('charts-search').fill('node-e');
  await expect(groups).toHaveCount(1);
  await expect(groups.first()).toHaveAttribute('data-node', 'node-e');

  // The sequence panel's picker: a combobox, not a 300-option select.
  const picker = page.getByTestId('sequence-view-input');
  await expect(picker).toHaveAttribute('role', 'combobox');
  await picker.click();
  await picker.fill('ch_28');
  const options = page.getByTestId('sequence-view-list').getByRole('option');
  await expect(options).toHaveCount(10);
  await picker.fill('ch_287');
  await expect(options).toHaveCount(1);
  await picker.press('Enter');
  await expect(page.getByTestId('sequence-view')).toHaveAttribute('data-value', 'chart:ch_287');
  await expect(picker).toHaveValue('ch_287');

  // The statechart panel picks the same way.
  const chartPicker = page.getByTestId('statechart-chart-input');
  await chartPicker.click();
  await chartPicker.fill('ch_1');
  // ch_1, ch_10 … ch_199: more than the list shows at once, and it says so.
  await expect(page.getByTestId('statechart-chart-list').getByRole('option')).toHaveCount(50);
  await expect(page.getByTestId('statechart-chart-list')).toContainText('more — type to narrow');
  await chartPicker.fill('ch_199');
  await page.getByTestId('statechart-chart-list').getByRole('option', { name: 'ch_199' }).click();
  await expect(page.getByTestId('statechart-chart')).toHaveAttribute('data-value', 'ch_199');
});
