/**
 * A large saved log (300,000 lines) loads through the parse worker as
 * columns: every record reaches the panels, the filter runs over all of
 * them, and the sequence panel draws the latest events up to a cursor deep
 * in the run.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { traceLine } from '../../web/src/bench/generateTraceLog.ts';
import { replayFile } from './support.ts';

const TRACES = 300_000;
/** A line that is not a record (kept as a note) after every this many traces. */
const NOTE_EVERY = 50_000;

function writeLargeLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < TRACES; i++) {
    lines.push(traceLine(i));
    if ((i + 1) % NOTE_EVERY === 0) lines.push(`operator note ${(i + 1) / NOTE_EVERY}`);
  }
  // Not under test-results/: a run starting meanwhile empties that folder.
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'miroscope-large-')), 'large-replay.log');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

test('a 300,000-line log loads whole, filters, and draws the latest steps before the cursor', async ({ page }) => {
  test.setTimeout(120_000);
  const file = writeLargeLog();
  const total = TRACES + TRACES / NOTE_EVERY;
  await page.goto('/');
  await replayFile(page, file);
  rmSync(path.dirname(file), { recursive: true });

  // Notes are meta rows, left out until asked for; the toggle lists every record.
  await expect(page.getByTestId('log-count')).toHaveText(`${TRACES.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`);
  await page.getByTestId('log-show-meta').check();
  await expect(page.getByTestId('log-count')).toHaveText(`${total.toLocaleString('en-US')} records`);
  // The list follows the tail: its last row is the last record.
  const seqs = await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-seq'))));
  expect(Math.max(...seqs)).toBe(total);
  await expect(page.getByTestId('chart-row')).toHaveCount(10);

  // Filters run over every record, notes included.
  const filter = page.getByTestId('log-filter');
  await filter.fill('chart:003a_ao');
  await expect(page.getByTestId('log-count')).toHaveText(`30,000 of ${total.toLocaleString('en-US')}`);
  await filter.fill('kind:note');
  await expect(page.getByTestId('log-count')).toHaveText(`6 of ${total.toLocaleString('en-US')}`);
  const notes = await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
  expect(notes.map((text) => /operator note \d/.exec(text)?.[0])).toEqual([1, 2, 3, 4, 5, 6].map((k) => `operator note ${k}`));
  await filter.fill('');
  await filter.evaluate((input) => (input as HTMLInputElement).blur());

  // Deep in the run: the latest 50 steps up to record 300 (all transitions, numbered in arrival order).
  await page.keyboard.press('Home');
  for (let k = 0; k < 3; k++) await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('cursor-position')).toHaveText('300');
  await expect(page.getByTestId('sequence-diagram')).toHaveAttribute('data-state', 'ready');
  const numbers = (await page.getByTestId('sequence-diagram').getAttribute('data-numbers'))!.split(',').map(Number);
  expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, k) => 251 + k));
  await page.screenshot({ path: 'test-results/screenshots/replay-large.png' });
});
