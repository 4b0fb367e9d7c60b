/**
 * The sequence panel's "all (scroll)" window on the live demo (the real
 * server's charts over the real RabbitMQ): while the run streams in, the
 * rows are extended from the builder's tail at most once a second, every
 * number is drawn once and in order, and the cursor's row stays marked on
 * the reading line while the cursor follows live. Scrolling back by hand
 * pins the cursor to the row reaching the reading line (the status bar
 * offers "follow live"); new rows keep arriving below it without moving it,
 * until the user goes back to live — with that button, or by scrolling on
 * until the last row reaches the reading line.
 *
 * The replay side of the same view is virtualSequence.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { chartNamed, openLive, screenshot, SEED_AO } from './support.ts';

const ROW = 26;
/** Rows wanted before scrolling back by hand (the demo's charts add several a second). */
const ENOUGH_ROWS = 40;
/** Scrolled back by hand, in rows. */
const BACK = 12;

const diagram = (page: Page) => page.getByTestId('sequence-virtual');

interface ViewState {
  rows: number;
  currentRow: number;
  /** The marked row's number and label, and how many rows are marked. */
  currentN: number | null;
  currentLabel: string;
  marked: number;
  /** The marked row's middle minus the reading line (the middle of the view under the lane names), in px. */
  offset: number | null;
  /** Numbers of the rows in the page, in drawing order, and whether each lies after the marked row (dimmed). */
  drawn: number[];
  futureAfter: boolean;
  /** The toolbar's "scrolling a–b of c". */
  shown: string;
}

/** One read of the view, so the rows, the mark and the scroll position come from the same frame. */
function viewState(page: Page): Promise<ViewState> {
  return diagram(page).evaluate((box): ViewState => {
    const header = box.querySelector<HTMLElement>('.vseq-header')!;
    const viewHeight = box.clientHeight - header.offsetHeight;
    const readingLine = box.getBoundingClientRect().top + box.clientTop + header.offsetHeight + viewHeight / 2;
    const marked = [...box.querySelectorAll('.vseq-row.current')];
    const current = marked[0];
    const hit = current?.querySelector('.vseq-hit')?.getBoundingClientRect();
    const rows = [...box.querySelectorAll<SVGGElement>('.vseq-row')];
    const currentRow = Number(box.getAttribute('data-current-row'));
    return {
      rows: Number(box.getAttribute('data-rows')),
      currentRow,
      currentN: current ? Number(current.getAttribute('data-n')) : null,
      currentLabel: current?.querySelector('title')?.textContent ?? '',
      marked: marked.length,
      offset: hit ? hit.top + hit.height / 2 - readingLine : null,
      drawn: rows.filter((row) => row.hasAttribute('data-n')).map((row) => Number(row.getAttribute('data-n'))),
      futureAfter: rows.every((row) => row.classList.contains('future') === Number(row.getAttribute('data-row')) > currentRow),
      shown: document.querySelector('[data-testid=sequence-shown]')?.textContent ?? '',
    };
  });
}

/** The numbers of `drawn` are consecutive. */
function consecutive(drawn: number[]): boolean {
  return drawn.length > 0 && drawn.every((n, k) => n === drawn[0]! + k);
}

/** "scrolling 1–N of N" (every number the builder has, drawn): N, or null when the panel says anything else. */
function shownTotal(shown: string): number | null {
  const match = /^scrolling 1–(\d+) of (\d+)$/.exec(shown);
  return match && match[1] === match[2] ? Number(match[1]) : null;
}

/** Following live: the last row is the cursor's, alone marked, on the reading line, numbered as the panel's total. */
async function followsTail(page: Page): Promise<string> {
  const state = await viewState(page);
  const total = shownTotal(state.shown);
  const ok =
    state.rows > 0 &&
    state.currentRow === state.rows - 1 &&
    state.marked === 1 &&
    state.currentN === total &&
    state.offset !== null &&
    Math.abs(state.offset) <= 2 &&
    consecutive(state.drawn) &&
    state.drawn.at(-1) === total &&
    state.futureAfter;
  return ok ? 'following' : JSON.stringify({ ...state, total });
}

/** Waits until the rows have grown past `rows` (a new batch from the live run), and returns the new count. */
async function rowsGrowPast(page: Page, rows: number): Promise<number> {
  let now = rows;
  await expect
    .poll(async () => (now = Number(await diagram(page).getAttribute('data-rows'))), { timeout: 30_000, message: `rows beyond ${rows}` })
    .toBeGreaterThan(rows);
  return now;
}

const cursorAt = async (page: Page) => Number((await page.getByTestId('cursor-position').textContent())!.replace(/,/g, ''));

/**
 * Scrolls the view back BACK rows with the wheel and waits until the cursor is pinned on the row that reached the
 * reading line (a wheel may scroll over a few frames: until the mark sits still there, off the last row).
 */
async function scrollBackByHand(page: Page): Promise<{ pinned: ViewState; cursor: number }> {
  await diagram(page).hover();
  await page.mouse.wheel(0, -BACK * ROW);
  await expect(page.getByTestId('follow-live')).toHaveText(/^viewing record [\d,]+ — follow live$/);
  let pinned = await viewState(page);
  await expect
    .poll(async () => {
      const before = pinned;
      pinned = await viewState(page);
      const still = pinned.currentN === before.currentN;
      return still && pinned.currentRow < pinned.rows - 1 && pinned.marked === 1 && pinned.offset !== null && Math.abs(pinned.offset) <= 2;
    })
    .toBe(true);
  const cursor = await cursorAt(page);
  await expect(page.getByTestId('follow-live')).toHaveText(`viewing record ${cursor.toLocaleString('en-US')} — follow live`);
  return { pinned, cursor };
}

test('all (scroll) keeps up with the live run, follows it on the reading line, and scrolling back by hand pins the cursor until live again', async ({ page }) => {
  await openLive(page);
  await chartNamed(page, SEED_AO);
  // The system view numbers every step and mesh message (a chart's own diagram skips the messages' numbers).
  await page.getByTestId('sequence-view').selectOption('system');
  await page.getByTestId('sequence-window').selectOption({ label: 'all (scroll)' });
  await expect(diagram(page)).toBeVisible();
  // Every change of the row count from here on (the view and window are chosen), timed in the page.
  await page.evaluate(() => {
    const changes: number[] = [];
    (window as unknown as { rowChanges: number[] }).rowChanges = changes;
    new MutationObserver((records) => {
      if (records.some((r) => (r.target as Element).getAttribute('data-testid') === 'sequence-virtual')) changes.push(performance.now());
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-rows'] });
  });

  // Following live: batch after batch the newest row is marked on the reading line, numbers 1..N.
  await expect.poll(() => followsTail(page)).toBe('following');
  let rows = Number(await diagram(page).getAttribute('data-rows'));
  for (let batch = 0; batch < 2; batch += 1) {
    rows = await rowsGrowPast(page, rows);
    await expect.poll(() => followsTail(page)).toBe('following');
  }
  await expect(page.getByTestId('follow-live')).toHaveCount(0);
  await screenshot(page, 'virtual-sequence-live.png');

  // Wait for enough rows to scroll back through.
  await expect.poll(async () => Number(await diagram(page).getAttribute('data-rows')), { timeout: 30_000 }).toBeGreaterThanOrEqual(ENOUGH_ROWS);
  await expect.poll(() => followsTail(page)).toBe('following');

  // Scrolling back by hand: the row on the reading line becomes the cursor, and live following stops.
  const { pinned, cursor } = await scrollBackByHand(page);
  // Every panel moved with it: the log's current row is that message's record.
  const signal = /(\w+)\(/.exec(pinned.currentLabel)?.[1];
  expect(signal, pinned.currentLabel).toBeTruthy();
  await expect(page.locator('[data-testid=log-row].current')).toContainText(`${signal}(`);

  // New rows keep arriving below; the pinned message stays marked on the reading line, the cursor stays put, the rows
  // after it are dimmed. (Its row index may move: an inferred arrow above it goes once its mesh message is paired.)
  await rowsGrowPast(page, pinned.rows);
  await expect
    .poll(async () => {
      const now = await viewState(page);
      return { n: now.currentN, marked: now.marked, onLine: Math.abs(now.offset ?? 99) <= 2, dimmed: now.futureAfter, consecutive: consecutive(now.drawn) };
    })
    .toEqual({ n: pinned.currentN, marked: 1, onLine: true, dimmed: true, consecutive: true });
  expect(await cursorAt(page)).toBe(cursor);
  await expect(page.getByTestId('follow-live')).toBeVisible();

  // Back to live from the status bar: the newest row is the cursor's again, and stays so as rows arrive.
  await page.getByTestId('follow-live').click();
  await expect(page.getByTestId('follow-live')).toHaveCount(0);
  await expect.poll(() => followsTail(page)).toBe('following');
  await rowsGrowPast(page, Number(await diagram(page).getAttribute('data-rows')));
  await expect.poll(() => followsTail(page)).toBe('following');

  // Pinned again, the whole run a screenful at a time from the top (each scroll moves the pinned cursor), until the
  // last row is in the page — not on the reading line, so the cursor stays off live. Screens overlap by the rows drawn
  // beyond the view, so consecutive numbers on each screen, each carrying on from the one before, mean 1..N once each.
  await scrollBackByHand(page);
  const total = shownTotal((await viewState(page)).shown);
  expect(total, 'the panel says it draws every number').not.toBeNull();
  const screens = await diagram(page).evaluate(async (box, row) => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const header = box.querySelector<HTMLElement>('.vseq-header')!;
    // Half a view plus 7 rows: less than the 8 rows drawn past the view's edge, so the last row enters the page
    // before a step could bring it to the reading line (a view's step can overshoot onto it, following live again).
    const step = Math.floor((box.clientHeight - header.offsetHeight) / 2) + 7 * row;
    const seen: number[][] = [];
    for (let top = 0; ; top += step) {
      box.scrollTop = top;
      await frame();
      seen.push([...box.querySelectorAll('.vseq-row[data-n]')].map((row) => Number(row.getAttribute('data-n'))));
      if (box.querySelector(`.vseq-row[data-row="${Number(box.getAttribute('data-rows')) - 1}"]`)) return seen;
    }
  }, ROW);
  expect(screens[0]![0]).toBe(1);
  for (const [k, screen] of screens.entries()) {
    expect(consecutive(screen), `screen ${k}: ${screen.join(' ')}`).toBe(true);
    if (k > 0) expect(screen[0]!, `screen ${k} carries on from screen ${k - 1}`).toBeLessThanOrEqual(screens[k - 1]!.at(-1)! + 1);
  }
  expect(screens.at(-1)!.at(-1)!).toBeGreaterThanOrEqual(total!);
  await expect(page.getByTestId('follow-live')).toBeVisible();

  // Back to live by scrolling on to the end: the last row reaching the reading line follows live again.
  await diagram(page).hover();
  await page.mouse.wheel(0, 1000 * ROW);
  await expect(page.getByTestId('follow-live')).toHaveCount(0);
  await expect.poll(() => followsTail(page)).toBe('following');
  await rowsGrowPast(page, Number(await diagram(page).getAttribute('data-rows')));
  await expect.poll(() => followsTail(page)).toBe('following');

  // At most one update of the rows a second, however often records arrived (a timer may fire a little late, never early;
  // 800 ms leaves room for the render after it being delayed by a busy page).
  const changes = await page.evaluate(() => (window as unknown as { rowChanges: number[] }).rowChanges);
  expect(changes.length).toBeGreaterThanOrEqual(4);
  const gaps = changes.slice(1).map((t, k) => t - changes[k]!);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(800);
});
