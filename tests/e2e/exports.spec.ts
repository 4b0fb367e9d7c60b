/**
 * The sequence panel's exports, checked against the shared renderers run
 * here in the test process on the same log.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { renderAscii } from '../../shared/sequence/ascii/renderAscii.ts';
import { renderAsciiCompat } from '../../shared/sequence/compat/renderAsciiCompat.ts';
import { renderMermaid } from '../../shared/sequence/mermaid/renderMermaid.ts';
import { fixtureLog, replayFile, sequenceReady } from './support.ts';

const SEED = fixtureLog('seed-two-charts-trace.log');
const seedText = readFileSync(SEED, 'utf8');
const seedRecords = parseLog(seedText).records;

async function exportAs(page: Page, format: string): Promise<{ download: Download; bytes: Buffer }> {
  await page.getByTestId('sequence-export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await replayFile(page, SEED);
  await sequenceReady(page);
});

test('the ASCII export equals renderAscii of the same records', async ({ page }) => {
  const { download, bytes } = await exportAs(page, 'ascii');
  expect(download.suggestedFilename()).toBe('seed-two-charts-trace.all.ascii.txt');
  expect(bytes.toString('utf8')).toBe(renderAscii(buildSequenceModel(seedRecords)));
});

test('the sequence.rb-compatible export equals renderAsciiCompat of the log text', async ({ page }) => {
  const { bytes } = await exportAs(page, 'ascii-compat');
  const expected = renderAsciiCompat(seedText).output;
  expect(expected).toContain('[Statechart: 04ccc_ao] (?)');
  expect(bytes.toString('utf8')).toBe(expected);
});

test('the Mermaid export holds every chart diagram as text', async ({ page }) => {
  const { download, bytes } = await exportAs(page, 'mermaid');
  const parts = renderMermaid(buildSequenceModel(seedRecords), { view: 'chart' });
  expect(download.suggestedFilename()).toBe('seed-two-charts-trace.all.sequence.md');
  expect(bytes.toString('utf8')).toBe(parts.map((p) => `\`\`\`mermaid\n${p}\n\`\`\`\n`).join('\n'));
});

test('the SVG export parses as XML with an <svg> root', async ({ page }) => {
  const { download, bytes } = await exportAs(page, 'svg');
  expect(download.suggestedFilename()).toBe('seed-two-charts-trace.all.sequence.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length, labels: Array.from(doc.querySelectorAll('text.messageText')).map((t) => t.textContent) };
  }, bytes.toString('utf8'));
  expect(parsed.root).toBe('svg');
  expect(parsed.errors).toBe(0);
  expect(parsed.labels.length).toBe(12);
});

test('the PNG export is a PNG image', async ({ page }) => {
  const { download, bytes } = await exportAs(page, 'png');
  expect(download.suggestedFilename()).toBe('seed-two-charts-trace.all.sequence.png');
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const size = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    return [bitmap.width, bitmap.height];
  }, bytes.toString('base64'));
  expect(size[0]! > 200 && size[1]! > 200).toBe(true);
});

test('exports cover the range chosen on the timeline, not what is on screen', async ({ page }) => {
  await page.locator('[data-testid=log-row][data-seq="4"]').click();
  await page.keyboard.press('[');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('cursor-position')).toHaveText('8');
  await page.keyboard.press(']');
  await expect(page.getByTestId('timeline-range')).toBeVisible();
  // The cursor moves on: the range, not the screen, decides what is exported.
  await page.keyboard.press('End');
  await page.getByTestId('sequence-window').selectOption('25');
  const { bytes } = await exportAs(page, 'ascii');
  expect(bytes.toString('utf8')).toBe(renderAscii(buildSequenceModel(seedRecords, { range: { fromSeq: 5, toSeq: 8 } })));
  await expect(page.getByTestId('sequence-shown')).toHaveText('range · showing 5–8 of 12');
});
