/**
 * The sequence panel's exports, checked against the shared pipeline run here
 * in the test process on the same log (what `miroscope sequence` writes),
 * every Mermaid text read back by Mermaid's parser, and the images checked
 * for each chart's name and the source (issue 10).
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { renderAsciiCompat } from '../../shared/sequence/compat/renderAsciiCompat.ts';
import { renderDiagram, type DiagramOptions } from '../../shared/sequence/diagram/renderDiagram.ts';
import { diagramDocument } from '../../shared/sequence/diagram/diagramDocument.ts';
import type { SequenceModel } from '../../shared/sequence/SequenceModel.ts';
import { mermaidBlocks, parseMermaid } from '../sequence/support/parseMermaid.ts';
import { fixtureLog, replayFile, sequenceReady } from './support.ts';

const SEED = fixtureLog('seed-two-charts-trace.log');
const seedText = readFileSync(SEED, 'utf8');
const seedRecords = parseLog(seedText).records;
const NAME = 'seed-two-charts-trace.log';
const SOURCE = `${NAME} · 2018-05-04 09:23:28.954560 – 09:23:49.233582 · events 1–12`;

/** The file `miroscope sequence` writes for the same records. */
function cliFile(model: SequenceModel, options: Omit<DiagramOptions, 'source'>): string {
  return diagramDocument(renderDiagram(model, { ...options, source: NAME })).text;
}

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

test('the ASCII export is the CLI’s file: the source line, then each chart numbered', async ({ page }) => {
  const { download, bytes } = await exportAs(page, 'ascii');
  expect(download.suggestedFilename()).toBe('seed-two-charts-trace.all.ascii.txt');
  const text = bytes.toString('utf8');
  expect(text).toBe(cliFile(buildSequenceModel(seedRecords), { format: 'ascii', view: 'chart' }));
  expect(text.split('\n').slice(0, 3)).toEqual([SOURCE, '', '[Statechart: 04ccc_ao] (A)']);
});

test('the ASCII export of the System view draws the system view, as the CLI does', async ({ page }) => {
  await page.getByTestId('sequence-view').selectOption('system');
  await sequenceReady(page);
  const { bytes } = await exportAs(page, 'ascii');
  const text = bytes.toString('utf8');
  expect(text).toBe(cliFile(buildSequenceModel(seedRecords), { format: 'ascii', view: 'system' }));
  expect(text.split('\n')[2]).toBe('[System] 2 charts');
});

test('the sequence.rb-compatible export equals renderAsciiCompat of the log text', async ({ page }) => {
  const { bytes } = await exportAs(page, 'ascii-compat');
  const expected = renderAsciiCompat(seedText).output;
  expect(expected).toContain('[Statechart: 04ccc_ao] (?)');
  expect(bytes.toString('utf8')).toBe(expected);
});

test('the Mermaid export holds every chart diagram under its heading, each one Mermaid parses', async ({ page }) => {
  const { download, bytes } = await exportAs(page, 'mermaid');
  expect(download.suggestedFilename()).toBe('seed-two-charts-trace.all.sequence.md');
  const text = bytes.toString('utf8');
  expect(text).toBe(cliFile(buildSequenceModel(seedRecords), { format: 'mermaid', view: 'chart' }));
  expect(text.split('\n').filter((line) => line.startsWith('#'))).toEqual([`# ${SOURCE}`, '## 04ccc_ao (A)', '## 2771f_ao (B)']);
  const blocks = mermaidBlocks(text);
  expect(blocks).toHaveLength(2);
  for (const block of blocks) await parseMermaid(block);
});

test('the SVG export names each chart and the source above its diagram', async ({ page }) => {
  const { download, bytes } = await exportAs(page, 'svg');
  expect(download.suggestedFilename()).toBe('seed-two-charts-trace.all.sequence.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      root: doc.documentElement.nodeName,
      errors: doc.getElementsByTagName('parsererror').length,
      labels: Array.from(doc.querySelectorAll('text.messageText')).map((t) => t.textContent),
      captions: Array.from(doc.querySelectorAll('text[data-caption]')).map((t) => t.textContent),
      width: Number(doc.documentElement.getAttribute('width')),
    };
  }, bytes.toString('utf8'));
  expect([parsed.root, parsed.errors, parsed.labels.length]).toEqual(['svg', 0, 12]);
  expect(parsed.captions).toEqual(['04ccc_ao (A)', SOURCE, '2771f_ao (B)', SOURCE]);
  // The captions fit: drawn in the page, no caption is wider than the image.
  const widest = await page.evaluate((text) => {
    const holder = document.createElement('div');
    holder.innerHTML = text;
    document.body.appendChild(holder);
    const widths = Array.from(holder.querySelectorAll('text[data-caption]')).map((t) => (t as SVGTextElement).getBBox().x + (t as SVGTextElement).getBBox().width);
    holder.remove();
    return Math.max(...widths);
  }, bytes.toString('utf8'));
  expect(widest).toBeLessThanOrEqual(parsed.width);
});

test('the PNG export is a PNG image', async ({ page }) => {
  const { download, bytes } = await exportAs(page, 'png');
  expect(download.suggestedFilename()).toBe('seed-two-charts-trace.all.sequence.png');
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Width and height from the IHDR chunk (the page's CSP forbids fetching a data: URL to decode it).
  const size = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
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
  const text = bytes.toString('utf8');
  expect(text).toBe(cliFile(buildSequenceModel(seedRecords, { range: { fromSeq: 5, toSeq: 8 } }), { format: 'ascii', view: 'chart' }));
  expect(text.split('\n')[0]).toBe(`${NAME} · 2018-05-04 09:23:37.178813 – 09:23:39.191635 · events 5–8`);
  await expect(page.getByTestId('sequence-shown')).toHaveText('range · showing 5–8 of 12');
});
