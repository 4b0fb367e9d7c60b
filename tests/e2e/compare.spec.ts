/**
 * Compare two runs from the page (issue 12's acceptance): two recordings of
 * the seed pair, the second with the `_fo` chart's timers at 5 s instead of
 * 3 s, uploaded to the server (one through the API, one through the
 * recordings menu), compared in the Compare view. The runs are made here,
 * deterministically, on a virtual clock (tests/diff/support/seedRuns.ts);
 * tests/cli/diff.test.ts explains from the chart's design why both charts
 * part at their 4th transition: ao's own to_inner at :11 in A, its
 * other_to_inner at :10 in B (fo's timer fired first), and the mirror image
 * for fo.
 */
import { expect, test, type Page } from '@playwright/test';
import { recordSeedRun } from '../diff/support/seedRuns.ts';
import { replayLoaded, screenshot } from './support.ts';

const SECONDS = 12;

async function uploadThroughMenu(page: Page, name: string, text: string): Promise<string> {
  await page.getByTestId('recordings-menu').click();
  await expect(page.getByTestId('upload-recording')).toBeEnabled();
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(page.getByTestId('upload-note')).toHaveText(/^uploaded as \S+: \d+ records/);
  return /uploaded as (\S+):/.exec((await page.getByTestId('upload-note').textContent())!)![1]!;
}

test('two recordings of the seed pair, one with a changed timer: the Compare view shows the first transition that differs', async ({ page, request }) => {
  // Two uploads, a comparison, a re-pairing and a screenshot on a loaded machine.
  test.setTimeout(120_000);
  const runA = await recordSeedRun({ ao: 2, fo: 3 }, SECONDS);
  const runB = await recordSeedRun({ ao: 2, fo: 5 }, SECONDS);
  const uploaded = await request.post('/api/recordings', { data: runA, headers: { 'x-filename': 'seed-fo-3s.log', 'content-type': 'text/plain' } });
  expect(uploaded.status()).toBe(201);
  const nameA = ((await uploaded.json()) as { name: string }).name;

  await page.goto('/');
  const nameB = await uploadThroughMenu(page, 'seed-fo-5s.log', runB);
  await page.getByTestId('compare-open').click();
  const view = page.getByTestId('compare-view');
  await expect(view).toBeVisible();
  await view.getByTestId('compare-a').selectOption(`recording:${nameA}`);
  await view.getByTestId('compare-b').selectOption(`recording:${nameB}`);
  await view.getByTestId('compare-run').click();

  await expect(view.getByTestId('compare-summary')).toHaveText('2 chart pairs compared: 2 differ, 0 identical; 0 only in A, 0 only in B.');
  const ao = view.locator('[data-testid=compare-chart][data-key=ao]');
  const fo = view.locator('[data-testid=compare-chart][data-key=fo]');
  // Paired across the random name prefixes.
  await expect(ao).toHaveAttribute('data-a', /^[0-9a-f]{5}_ao$/);
  await expect(ao).toHaveAttribute('data-b', /^[0-9a-f]{5}_ao$/);

  await expect(ao.getByTestId('compare-divergence')).toHaveAttribute('data-index', '3');
  await expect(ao.getByTestId('compare-divergence')).toContainText('First divergence at transition 4 (A made 7, B made 8)');
  await expect(ao.getByTestId('compare-divergence-a')).toHaveText('to_inner() outer->inner at 2026-01-02 03:04:11.000000');
  await expect(ao.getByTestId('compare-divergence-b')).toHaveText('other_to_inner() outer->inner at 2026-01-02 03:04:10.000000');
  await expect(ao.getByTestId('compare-counts')).toHaveText(
    'Only in A: 1 (1× to_inner() outer->inner) · only in B: 2 (2× other_to_inner() outer->inner)',
  );
  await expect(fo.getByTestId('compare-divergence')).toHaveAttribute('data-index', '3');
  await expect(fo.getByTestId('compare-divergence-a')).toHaveText('other_to_inner() outer->inner at 2026-01-02 03:04:11.000000');
  await expect(fo.getByTestId('compare-divergence-b')).toHaveText('to_inner() outer->inner at 2026-01-02 03:04:10.000000');

  // Side by side, aligned: the first three rows agree, the 4th is the marked divergence.
  const rows = ao.getByTestId('compare-row');
  await expect(rows).toHaveCount(8);
  await expect(rows.nth(0)).toHaveText(/^1start_at\(\) top->outer.*=start_at\(\) top->outer/);
  for (const i of [0, 1, 2]) await expect(rows.nth(i)).not.toHaveClass(/differs|divergence/);
  const divergence = ao.locator('[data-testid=compare-row][aria-current=true]');
  await expect(divergence).toHaveAttribute('data-index', '3');
  await expect(divergence).toHaveClass('divergence');
  await expect(divergence.getByTestId('compare-row-a')).toHaveText('to_inner() outer->inner');
  await expect(divergence.getByTestId('compare-row-b')).toHaveText('other_to_inner() outer->inner');
  await screenshot(page, 'compare-seed-runs.png');

  // The pairing can be changed by hand: A's ao against B's fo parts at once (to_inner against other_to_inner).
  const foB = (await fo.getAttribute('data-b'))!;
  const aoA = (await ao.getAttribute('data-a'))!;
  await view.locator(`[data-testid=compare-pair][data-chart="${aoA}"]`).selectOption(foB);
  const crossed = view.locator(`[data-testid=compare-chart][data-a="${aoA}"]`);
  await expect(crossed).toHaveAttribute('data-b', foB);
  await expect(crossed.getByTestId('compare-divergence')).toHaveAttribute('data-index', '1');
  await expect(view.getByTestId('compare-unpaired')).toHaveCount(2);

  await view.getByTestId('compare-close').click();
  await expect(view).toHaveCount(0);
});

test('compares a run with itself as identical, whatever its charts are called', async ({ page, request }) => {
  const run = await recordSeedRun({ ao: 2, fo: 3 }, SECONDS);
  const again = await recordSeedRun({ ao: 2, fo: 3 }, SECONDS);
  const names: string[] = [];
  for (const [file, text] of [['seed-run-1.log', run], ['seed-run-2.log', again]] as const) {
    const response = await request.post('/api/recordings', { data: text, headers: { 'x-filename': file, 'content-type': 'text/plain' } });
    names.push(((await response.json()) as { name: string }).name);
  }
  await page.goto('/');
  await page.getByTestId('recordings-menu').click();
  await page.getByTestId('compare-open').click();
  const view = page.getByTestId('compare-view');
  await view.getByTestId('compare-a').selectOption(`recording:${names[0]}`);
  await view.getByTestId('compare-b').selectOption(`recording:${names[1]}`);
  await view.getByTestId('compare-run').click();
  await expect(view.getByTestId('compare-summary')).toHaveAttribute('data-identical', 'yes');
  await expect(view.getByTestId('compare-identical')).toHaveText([
    'Identical: 7 transitions in the same order.',
    'Identical: 7 transitions in the same order.',
  ]);
});

test("compares this page's records (a replay open in the page) with a recording", async ({ page, request }) => {
  const runA = await recordSeedRun({ ao: 2, fo: 3 }, SECONDS);
  const runB = await recordSeedRun({ ao: 2, fo: 5 }, SECONDS);
  const response = await request.post('/api/recordings', { data: runB, headers: { 'x-filename': 'seed-fo-5s-page.log', 'content-type': 'text/plain' } });
  const nameB = ((await response.json()) as { name: string }).name;
  await page.goto('/');
  await replayFile(page, 'seed-fo-3s-page.log', runA);

  await page.getByTestId('recordings-menu').click();
  await page.getByTestId('compare-open').click();
  const view = page.getByTestId('compare-view');
  await view.getByTestId('compare-a').selectOption('page:');
  await view.getByTestId('compare-b').selectOption(`recording:${nameB}`);
  await view.getByTestId('compare-run').click();
  await expect(view.getByTestId('compare-runs')).toContainText("A: this page's records: 2 charts, 14 transitions in 14 records");
  const ao = view.locator('[data-testid=compare-chart][data-key=ao]');
  await expect(ao.getByTestId('compare-divergence')).toHaveAttribute('data-index', '3');
  await expect(ao.getByTestId('compare-divergence-a')).toHaveText('to_inner() outer->inner at 2026-01-02 03:04:11.000000');
});

/** Opens text as a saved log through the page's file input and waits until it has loaded. */
async function replayFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await replayLoaded(page, name);
}
