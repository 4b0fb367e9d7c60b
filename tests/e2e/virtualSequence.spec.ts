/**
 * The sequence panel's "all (scroll)" window (issue 10: past Mermaid's
 * limits the view is drawn by our own virtualized renderer): the whole run
 * is one scrolling diagram, every number drawn once and in order, only the
 * rows in view in the page; scrolling moves the cursor (and every panel with
 * it), clicking a message seeks to it, and no text is below 11 px.
 *
 * The log is generated: three charts taking turns, 3,000 transitions — six
 * times the largest window Mermaid draws for the panel.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { replayFile, screenshot } from './support.ts';

const TOTAL = 3000;
const ROW = 26;

function turnsLog(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'miroscope-virtual-'));
  const file = path.join(dir, 'virtual.log');
  const lines: string[] = [];
  for (let k = 0; k < TOTAL; k++) {
    const chart = ['left_ao', 'middle_ao', 'right_ao'][k % 3];
    const [from, to] = Math.floor(k / 3) % 2 === 0 ? ['outer', 'inner'] : ['inner', 'outer'];
    const ms = k * 7;
    const stamp = `2018-05-04 09:${String(10 + Math.floor(ms / 60_000)).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}000`;
    lines.push(`[${stamp}] [${chart}] e->step_${k}() ${from}->${to}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** As the timeline writes it (`1,001`). */
const shown = (n: number) => n.toLocaleString('en-US');
const cursorAt = async (page: Page) => Number((await page.getByTestId('cursor-position').textContent())?.replace(/,/g, ''));

const diagram = (page: Page) => page.getByTestId('sequence-virtual');

/** The numbers drawn (rows in the DOM), in drawing order. */
function drawnNumbers(page: Page): Promise<number[]> {
  return diagram(page).evaluate((box) => [...box.querySelectorAll('[data-n]')].map((row) => Number(row.getAttribute('data-n'))));
}

function expectConsecutive(numbers: number[]): void {
  expect(numbers.length).toBeGreaterThan(5);
  expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, k) => numbers[0]! + k));
}

test('all (scroll) draws the whole run a screenful at a time, and scrolling or clicking moves the cursor', async ({ page }) => {
  await page.goto('/');
  await replayFile(page, turnsLog());
  await page.getByTestId('sequence-window').selectOption({ label: 'all (scroll)' });
  await expect(diagram(page)).toHaveAttribute('data-rows', String(TOTAL));
  await expect(page.getByTestId('sequence-shown')).toHaveText(`scrolling 1–${TOTAL} of ${TOTAL}`);

  // At the end of the run the last event is marked, in view; only a screenful (plus overscan) is in the page.
  await expect(diagram(page)).toHaveAttribute('data-current-row', String(TOTAL - 1));
  await expect(diagram(page).locator('.vseq-row.current')).toHaveAttribute('data-n', String(TOTAL));
  const atEnd = await drawnNumbers(page);
  expectConsecutive(atEnd);
  expect(atEnd.at(-1)).toBe(TOTAL);
  expect(atEnd.length).toBeLessThan(80);

  // No text below 11 px: row labels, lane names and chart captions.
  const sizes = await diagram(page).evaluate((box) =>
    [...box.querySelectorAll('text, .vseq-lane, .vseq-group')].map((el) => parseFloat(getComputedStyle(el).fontSize)),
  );
  expect(sizes.length).toBeGreaterThan(10);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  await screenshot(page, 'virtual-sequence-all.png');

  // Scrolling by hand: the row reaching the middle becomes the cursor, and the other panels follow.
  await diagram(page).evaluate((box, top) => (box.scrollTop = top), 1000 * ROW);
  await expect(page.getByTestId('cursor-position')).toHaveText(shown(1001));
  await expect(diagram(page)).toHaveAttribute('data-current-row', '1000');
  await expect(page.locator('[data-testid=log-row].current')).toContainText('step_1000()');
  const middle = await drawnNumbers(page);
  expectConsecutive(middle);
  expect(middle).toContain(1001);
  expect(middle[0]).toBeGreaterThan(950);

  // The wheel, as a user scrolls: 40 rows further down.
  await diagram(page).hover();
  await page.mouse.wheel(0, 40 * ROW);
  const current = () => diagram(page).locator('.vseq-row.current').getAttribute('data-n');
  await expect.poll(async () => (await cursorAt(page)) > 1001 && Number(await current()) === (await cursorAt(page))).toBe(true);
  const wheeled = await cursorAt(page);

  // A click on a message seeks to it, and brings it to the middle.
  const target = wheeled - 4;
  await diagram(page).locator(`[data-n="${target}"] text.vseq-label`).click();
  await expect(page.getByTestId('cursor-position')).toHaveText(shown(target));
  await expect(page.locator('[data-testid=log-row].current')).toContainText(`step_${target - 1}()`);
  await expect(diagram(page).locator('.vseq-row.current')).toHaveAttribute('data-n', String(target));
  await expect.poll(() => diagram(page).evaluate((box) => box.scrollTop)).toBe((target - 1) * ROW);

  // The cursor moved elsewhere (the keyboard) is followed: its row is marked and scrolled to.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('cursor-position')).toHaveText(shown(target - 1));
  await expect(diagram(page).locator('.vseq-row.current')).toHaveAttribute('data-n', String(target - 1));
  await expect.poll(() => diagram(page).evaluate((box) => box.scrollTop)).toBe((target - 2) * ROW);

  // The system view scrolls the same way: state notes numbered 1..N, each once.
  await page.getByTestId('sequence-view').selectOption('system');
  await expect(diagram(page)).toHaveAttribute('data-rows', String(TOTAL));
  const system = await drawnNumbers(page);
  expectConsecutive(system);
  expect(system).toContain(target - 1);
  await screenshot(page, 'virtual-sequence-system.png');

  // Exports stay Mermaid (the small windows too): back to the default window, Mermaid draws again.
  await page.getByTestId('sequence-window').selectOption({ label: 'latest 50' });
  await expect(page.getByTestId('sequence-diagram')).toHaveAttribute('data-state', 'ready');
  await expect(diagram(page)).toHaveCount(0);
});
