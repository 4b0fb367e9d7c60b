/**
 * The sequence panel follows the cursor (issue 10: "with the cursor at event
 * 38 of a replay it still shows events 1–18"): the event at the cursor is
 * marked and scrolled into view, and clicking a numbered label moves the
 * cursor to it. The log is generated: two charts taking turns, 120
 * transitions, so a 50-event window is far taller than the panel.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { replayFile, sequenceReady } from './support.ts';

function turnsLog(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'miroscope-follow-'));
  const file = path.join(dir, 'turns.log');
  const lines: string[] = [];
  for (let k = 0; k < 120; k++) {
    const chart = k % 2 === 0 ? 'left_ao' : 'right_ao';
    const [from, to] = Math.floor(k / 2) % 2 === 0 ? ['outer', 'inner'] : ['inner', 'outer'];
    const stamp = `2018-05-04 09:${String(10 + Math.floor(k / 60)).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}.000000`;
    lines.push(`[${stamp}] [${chart}] e->step_${k}() ${from}->${to}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The marked label's box, and whether it lies inside the panel's scroll box. */
async function currentLabel(page: Page): Promise<{ text: string | null; visible: boolean }> {
  return page.getByTestId('sequence-diagram').evaluate((box) => {
    const label = box.querySelector('text.sequence-current');
    if (!label) return { text: null, visible: false };
    const at = label.getBoundingClientRect();
    const frame = box.getBoundingClientRect();
    return { text: label.textContent, visible: at.top >= frame.top && at.bottom <= frame.bottom };
  });
}

test('the sequence panel marks and shows the event at the cursor, and a click on a label moves the cursor', async ({ page }) => {
  await page.goto('/');
  await replayFile(page, turnsLog());
  await page.keyboard.press('Home');
  for (let k = 0; k < 38; k++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('cursor-position')).toHaveText('38');
  await sequenceReady(page);
  await expect(page.getByTestId('sequence-diagram')).toHaveAttribute('data-current', '38');
  await expect.poll(() => currentLabel(page)).toEqual({ text: '38: step_37()', visible: true });
  await expect(page.getByTestId('sequence-shown')).toHaveText('showing 1–38 of 120');

  // Deeper, in the System view: the window moves with the cursor.
  await page.getByTestId('sequence-view').selectOption('system');
  for (let k = 0; k < 52; k++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('cursor-position')).toHaveText('90');
  await sequenceReady(page);
  await expect.poll(() => currentLabel(page)).toEqual({ text: '90: step_89(): outer → inner', visible: true });
  await expect(page.getByTestId('sequence-shown')).toHaveText('showing 41–90 of 120');

  await page.locator('[data-testid=sequence-diagram] text.noteText', { hasText: /^60: / }).click();
  await expect(page.getByTestId('cursor-position')).toHaveText('60');
  await sequenceReady(page);
  await expect.poll(() => currentLabel(page)).toEqual({ text: '60: step_59(): inner → outer', visible: true });
});
