/**
 * A recording of 5 million records (issue 11): too big to load whole, it
 * opens a window at a time, and a jump to its middle shows the records
 * there in under a second, measured from the click to the rendered rows.
 *
 * The recording is written straight into the recordings folder of a server
 * this test starts (the shared e2e server's folder is its own), by a
 * streaming writer: compact but valid trace records, ~110 bytes a line,
 * about 560 MB; the time it took is printed. The server builds the seek
 * index when the recordings menu first lists it (about a second per GB).
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './support.ts';

const RECORDS = 5_000_000;
const START = Date.UTC(2026, 0, 1);

// What is timed here is the page; a trace's DOM snapshots around every action would be timed with it.
test.use({ trace: 'off' });

let folder = '';
let server: ChildProcess | null = null;
let base = '';

/** Record i: one of 20 charts moving a→b→c, 1 ms apart. */
function line(i: number): string {
  const from = 'abc'[i % 3]!;
  const to = 'abc'[(i + 1) % 3]!;
  return `{"v":1,"kind":"trace","chart":"c${i % 20}","received":${START + i},"raw":"r${i}","signal":"t${i % 5}","from":"${from}","to":"${to}"}\n`;
}

/** Streams the recording out in 4 MB writes (synchronous: nothing else runs meanwhile). */
function writeRecording(file: string): void {
  const fd = openSync(file, 'w');
  try {
    let chunk = '';
    for (let i = 0; i < RECORDS; i++) {
      chunk += line(i);
      if (chunk.length >= 1 << 22) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  folder = mkdtempSync(path.join(tmpdir(), 'miroscope-5m-'));
  const started = performance.now();
  writeRecording(path.join(folder, 'five-million.jsonl'));
  console.log(`largeRecording: wrote ${RECORDS.toLocaleString('en-US')} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The dashboard is already built (web/dist) by the shared e2e server's command.
  server = spawn(process.execPath, [path.join(repoRoot, 'bin/miroscope.mjs'), 'serve', '--in-process', '--no-build', '--port', '0', '--recordings', folder], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server!.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    server!.stdout!.on('data', (data: Buffer) => {
      out += data.toString();
      const match = /open (http:\/\/[^/\s]+)\//.exec(out);
      if (match) resolve(match[1]!);
    });
  });
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test('a 5-million-record recording opens a window at a time and jumps to its middle in under a second', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${base}/`);
  await page.getByTestId('recordings-menu').click();
  const item = page.locator('[data-testid=recording-item][data-name=five-million]');
  // The first listing builds the seek index (one pass over the file).
  await expect(item).toContainText('5,000,000 records', { timeout: 60_000 });
  const opened = performance.now();
  await item.click();

  const bar = page.getByTestId('recording-window');
  await expect(bar).toHaveAttribute('data-count', '2000');
  await expect(bar).toHaveAttribute('data-from', '0');
  await expect(bar).toContainText('records 1–2,000 of 5,000,000');
  await expect(page.getByTestId('source-label')).toHaveText('five-million');
  console.log(`largeRecording: opened at its start in ${(performance.now() - opened).toFixed(0)} ms`);
  // What the panels draw from the first window (the sequence diagram, the statechart) is done first.
  await expect(page.getByTestId('sequence-diagram')).toHaveAttribute('data-state', 'ready');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 })));

  // Jump to the middle: a click in the middle of the whole recording's track,
  // timed in the page from the pointer going down to the first frame that
  // shows the record there (Playwright's own round trips are not the page's time).
  const track = page.getByTestId('recording-window-track');
  await track.evaluate((input) =>
    input.addEventListener('pointerdown', () => ((window as unknown as { clickAt: number }).clickAt = performance.now()), { capture: true, once: true }),
  );
  await track.click();
  const target = Number(await track.inputValue());
  expect(Math.abs(target - RECORDS / 2)).toBeLessThan(RECORDS / 50);
  // Rendered: the log shows the record the cursor is on (seq target + 1) and the one before it.
  await page.waitForFunction(
    (seq) => {
      const rows = [...document.querySelectorAll('[data-testid=log-row]')].map((row) => Number(row.getAttribute('data-seq')));
      const shown = rows.includes(seq) && rows.includes(seq - 1);
      if (shown) (window as unknown as { renderedAt: number }).renderedAt ??= performance.now();
      return shown;
    },
    target + 1,
    { polling: 'raf', timeout: 10_000 },
  );
  const timing = await page.evaluate(() => {
    const w = window as unknown as { clickAt: number; renderedAt: number };
    const entry = performance.getEntriesByType('resource').filter((e) => e.name.includes('/records?')).at(-1) as PerformanceResourceTiming;
    return { seekMs: w.renderedAt - w.clickAt, sent: entry.startTime - w.clickAt, answered: entry.responseEnd - w.clickAt };
  });
  console.log(
    `largeRecording: click to rendered middle (record ${(target + 1).toLocaleString('en-US')}) in ${timing.seekMs.toFixed(0)} ms ` +
      `(window requested +${timing.sent.toFixed(0)} ms, answered +${timing.answered.toFixed(0)} ms)`,
  );
  expect(timing.seekMs).toBeLessThan(1000);

  await expect(bar).toHaveAttribute('data-from', String(target - 1000));
  await expect(page.getByTestId('cursor-position')).toHaveText('1,001');
  // The records shown are the recording's own: seq k is line k, with raw "r(k-1)", chart and signal from k-1.
  const row = page.locator(`[data-testid=log-row][data-seq="${target + 1}"]`);
  await expect(row).toHaveAttribute('title', `r${target}`);
  await expect(row).toHaveAttribute('data-chart', `c${target % 20}`);
  await expect(row).toContainText(`e->t${target % 5}()`);
  await page.screenshot({ path: 'test-results/screenshots/large-recording-middle.png' });

  // The next window is one click away.
  await page.getByRole('button', { name: 'Later window' }).click();
  await expect(bar).toHaveAttribute('data-from', String(target + 1000));

  // The address bar is a link to the record shown, counted in the whole
  // recording (not the window): a reload opens the window around it, and the
  // recording is never asked for whole.
  const at = target + 2001;
  await expect(page).toHaveURL(new RegExp(`[?&]recording=five-million&at=${at}(&|$)`));
  const reloaded = performance.now();
  await page.reload();
  await expect(bar).toHaveAttribute('data-from', String(target + 1000));
  await expect(page.getByTestId('cursor-position')).toHaveText('1,001');
  await expect(page.locator(`[data-testid=log-row][data-seq="${at}"]`)).toHaveAttribute('title', `r${at - 1}`);
  console.log(`largeRecording: a reload of the link (record ${at.toLocaleString('en-US')}) showed it in ${(performance.now() - reloaded).toFixed(0)} ms`);
  const whole = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/api/recordings/five-million').length);
  expect(whole).toBe(0);
});
