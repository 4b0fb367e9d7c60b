/**
 * `npm run bench -- web [--lines N] [--stream N] [--batch N] [--scroll-steps N] [--rebuild]`
 *
 * Measures the dashboard in Chromium, against the built page served by
 * `vite preview`, through the page's bench hook (`?bench`, see
 * web/src/bench/installBenchHook.ts):
 *
 *   1. load and parse a generated N-line trace log in the parse workers
 *      (two for a large file; the parser writes columns as it reads, goal
 *      ≥ 1,000,000 lines/s), against a plain String.split of the same text
 *      and the record API (createLogParser) in the page; the hand-over to
 *      the page (columns, see store/ColumnChunk.ts); and the whole replay
 *      path — file → records in the store → a painted frame showing them
 *      (goal ≥ 1,000,000 lines/s), then until every panel has settled (the
 *      sequence diagram, numbered after the load), with the page's memory
 *      before and after (CDP: JS heap + ArrayBuffers, after a GC);
 *   2. filter every record in the store (goal < 200 ms for 1,000,000),
 *      against one unfiltered pass over the same records;
 *   3. the longest main-thread block while M transitions stream in with the
 *      sequence panel drawing (goal < 100 ms), against one Mermaid render
 *      of the panel's default window;
 *   4. the sequence panel's "all (scroll)" view of those M transitions (our
 *      virtual renderer; goal: no frame over 100 ms while scrolling 100,000
 *      messages): opening it, then scrolling top to bottom in S jumps, each
 *      moving the cursor and so every panel, against the same page idle and
 *      the Mermaid render of phase 3.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { build, preview } from 'vite';

const repoRoot = path.resolve(import.meta.dirname, '..');
const configFile = path.join(repoRoot, 'web/vite.config.ts');

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

type Hook = Record<string, (...args: never[]) => unknown>;

/**
 * The page's memory after a full garbage collection: the JS heap in use
 * plus ArrayBuffer backing stores (where the columns live). The main
 * thread's only; the worker's is separate.
 */
async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}
function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([n, a]) => ((window as unknown as { __miroscopeBench: Hook }).__miroscopeBench[n as string] as (...x: unknown[]) => unknown)(...(a as unknown[])),
    [name, args] as const,
  ) as Promise<T>;
}

export async function main(args: string[]): Promise<void> {
  const lines = option(args, 'lines', 1_000_000);
  const streamTotal = option(args, 'stream', 100_000);
  const batch = option(args, 'batch', 1000);
  const scrollSteps = option(args, 'scroll-steps', 300);

  if (args.includes('--rebuild') || !existsSync(path.join(repoRoot, 'web/dist/index.html'))) {
    console.log('building the dashboard…');
    await build({ configFile, logLevel: 'warn' });
  }
  const server = await preview({ configFile, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${url}?bench`);
    await page.waitForFunction(() => 'window' in globalThis && '__miroscopeBench' in window);
    const cdp = await page.context().newCDPSession(page);

    console.log(`\nweb bench — Chromium ${browser.version()}, ${fmt(lines)} lines, ${fmt(streamTotal)} streamed transitions\n`);

    // 1. Load and parse.
    const bytes = await call<number>(page, 'generate', lines);
    const split = await call<{ ms: number; lines: number }>(page, 'splitBaseline');
    const recordApi = await call<{ ms: number; lines: number }>(page, 'recordParse');
    const worker = await call<{ ms: number; lines: number; records: number; parseMs: number; encodeMs: number }>(page, 'workerParse');
    const heapBefore = await heapUsed(cdp);
    const replay = await call<{ ms: number; records: number; firstPaintMs: number; updates: number; settledMs: number }>(page, 'replayLoad');
    const heapAfter = await heapUsed(cdp);
    const perSecond = (n: number, ms: number) => (n / ms) * 1000;
    console.log('load and parse (goals ≥ 1,000,000 lines/s: the parser in the worker, and the whole load)');
    console.log(`  text                              ${fmt(bytes / 1e6, 1)} MB, ${fmt(worker.lines)} lines`);
    console.log(`  baseline String.split             ${fmt(split.ms, 1)} ms   ${fmt(perSecond(split.lines, split.ms))} lines/s`);
    console.log(`  record API (createLogParser), page ${fmt(recordApi.ms, 1)} ms   ${fmt(perSecond(recordApi.lines, recordApi.ms))} lines/s   ${fmt(recordApi.ms / split.ms, 1)}× split`);
    console.log(`  parser inside the workers         ${fmt(worker.parseMs, 1)} ms   ${fmt(perSecond(worker.lines, worker.parseMs))} lines/s   ${fmt(worker.parseMs / split.ms, 1)}× split   (writes the columns; both workers' time added)`);
    console.log(`  columns handed over in the worker ${fmt(worker.encodeMs, 1)} ms   ${fmt((worker.encodeMs / worker.lines) * 1e6)} ns/record   (take(): trimmed, packed, rebased)`);
    console.log(`  worker: file → columns on page    ${fmt(worker.ms, 1)} ms   ${fmt(perSecond(worker.lines, worker.ms))} lines/s   ${fmt(worker.ms / split.ms, 1)}× split`);
    console.log(`  replay: file → store → painted    ${fmt(replay.ms, 1)} ms   ${fmt(perSecond(replay.records, replay.ms))} lines/s   ${fmt(replay.ms / split.ms, 1)}× split`);
    console.log(`    first records painted after     ${fmt(replay.firstPaintMs, 1)} ms, ${replay.updates} store updates during the load`);
    console.log(`    every panel settled after       ${fmt(replay.settledMs, 1)} ms   (the sequence diagram numbered and drawn once the log has loaded)`);
    console.log(`  memory (JS heap + ArrayBuffers)   ${fmt(heapBefore / 1e6, 1)} MB before → ${fmt(heapAfter / 1e6, 1)} MB loaded and settled: ${fmt((heapAfter - heapBefore) / replay.records)} bytes/record`);

    // 2. Filter.
    const scan = await call<{ ms: number; records: number }>(page, 'scanBaseline');
    console.log(`\nfilter ${fmt(replay.records)} records (goal < 200 ms)`);
    console.log(`  baseline: read one field of each  ${fmt(scan.ms, 1)} ms`);
    for (const query of ['chart:003a_ao', 'kind:trace signal:to_inner', '"middle->outer"', '/to_(inner|middle)/ -chart:000a_ao']) {
      const f = await call<{ ms: number; matches: number }>(page, 'filter', query);
      console.log(`  ${query.padEnd(34)}${fmt(f.ms, 1)} ms   ${fmt(f.matches)} matches   ${fmt(f.ms / scan.ms, 1)}× unfiltered`);
    }

    // 3. Streaming with the sequence panel drawing.
    const stream = await call<{ ms: number; longestTaskMs: number; longTasks: number; longestFrameGapMs: number; records: number; renders: number; longestRenderMs: number }>(
      page,
      'stream',
      streamTotal,
      batch,
    );
    const once = await call<{ ms: number; parts: number }>(page, 'mermaidOnce', 50);
    // The Long Tasks API reports only tasks over 50 ms; the longest gap between
    // animation frames bounds every block, reported or not.
    const longest = Math.max(stream.longestTaskMs, stream.longestFrameGapMs);
    console.log(`\nstream ${fmt(stream.records)} transitions in batches of ${fmt(batch)} (goal: longest main-thread block < 100 ms)`);
    console.log(`  streamed in                       ${fmt(stream.ms, 0)} ms   ${fmt(perSecond(stream.records, stream.ms))} records/s, ${stream.renders} diagram renders`);
    console.log(`  long tasks (> 50 ms)              ${stream.longTasks}${stream.longTasks > 0 ? `, longest ${fmt(stream.longestTaskMs, 1)} ms` : ''}`);
    console.log(`  longest frame gap                 ${fmt(stream.longestFrameGapMs, 1)} ms`);
    console.log(`  longest diagram render (wall)     ${fmt(stream.longestRenderMs, 1)} ms, split into tasks`);
    console.log(`  baseline: one Mermaid render of the latest 50 steps   ${fmt(once.ms, 1)} ms`);
    console.log(`  longest block / baseline render   ${fmt(longest / once.ms, 2)}`);

    // 4. The virtual sequence view over everything streamed.
    const idle = await call<{ longestFrameGapMs: number; longestTaskMs: number; longTasks: number }>(page, 'idleFrames', 2 * scrollSteps);
    const opened = await call<{ ms: number; rows: number }>(page, 'virtualOpen');
    const scroll = await call<{ ms: number; steps: number; cursorMoves: number; longestFrameGapMs: number; longestTaskMs: number; longTasks: number; rowsInDom: number }>(
      page,
      'virtualScroll',
      scrollSteps,
    );
    const worst = Math.max(scroll.longestFrameGapMs, scroll.longestTaskMs);
    console.log(`\nsequence "all (scroll)": ${fmt(opened.rows)} rows, the virtual renderer (goal: no frame over 100 ms while scrolling)`);
    console.log(`  opened (model + row layout, once) ${fmt(opened.ms, 1)} ms`);
    console.log(`  scrolled top to bottom            ${scroll.steps} jumps in ${fmt(scroll.ms, 0)} ms, ${scroll.cursorMoves} cursor moves, ≤ ${scroll.rowsInDom} rows in the page`);
    console.log(`  longest frame gap while scrolling ${fmt(scroll.longestFrameGapMs, 1)} ms   long tasks (> 50 ms): ${scroll.longTasks}${scroll.longTasks > 0 ? `, longest ${fmt(scroll.longestTaskMs, 1)} ms` : ''}`);
    console.log(`  baseline: the same page idle      ${fmt(idle.longestFrameGapMs, 1)} ms longest frame gap over ${2 * scrollSteps} frames`);
    console.log(`  baseline: Mermaid, latest 50      ${fmt(once.ms, 1)} ms for one render (phase 3)`);
    console.log(`  longest frame: ${fmt(worst, 1)} ms — ${worst <= 100 ? 'within' : 'OVER'} the 100 ms goal`);
    // The same stream as phase 3, now followed by the scrolling view (its rows rebuilt at most once a second).
    const live = await call<{ ms: number; longestTaskMs: number; longTasks: number; longestFrameGapMs: number; records: number }>(page, 'stream', streamTotal, batch);
    console.log(`  following a live stream of ${fmt(live.records)}: longest frame gap ${fmt(live.longestFrameGapMs, 1)} ms, long tasks ${live.longTasks}${live.longTasks > 0 ? `, longest ${fmt(live.longestTaskMs, 1)} ms` : ''} (phase 3 with Mermaid: ${fmt(stream.longestFrameGapMs, 1)} ms)`);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
