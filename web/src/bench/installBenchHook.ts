/**
 * `window.__miroscopeBench`: what bench/web.bench.ts drives in Chromium.
 * Installed only when the page is opened with `?bench` (see main.tsx), so
 * the normal page carries none of this.
 *
 * Every function returns plain numbers; timings are performance.now() in
 * the page, baselines are measured the same way in the same page.
 */
import type { DashboardStore } from '../store/createDashboardStore.ts';
import type { SourceSession } from '../sources/SourceSession.ts';
import { WorkerLogLoader } from '../sources/WorkerLogLoader.ts';
import { createLogParser } from '../../../shared/parsers/createLogParser.ts';
import { ReplaySource } from '../sources/ReplaySource.ts';
import { MatchIndex } from '../panelApi/useLogRows.ts';
import { compileLogQuery } from '../panels/log/compileLogQuery.ts';
import { sequenceBuilderFor } from '../panels/sequence/sequenceBuilderFor.ts';
import { mermaidParts } from '../panels/sequence/exportSequence.ts';
import { renderMermaidSvg } from '../panels/sequence/mermaidRenderer.ts';
import { generateTraceLog } from './generateTraceLog.ts';
import { StreamSource } from './StreamSource.ts';

/** Resolves once `check()` holds after a paint (polled every frame). */
async function waitForDom(check: () => boolean): Promise<void> {
  while (!check()) await afterPaint();
}

/** Resolves after the next frame has been painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Watches the main thread: the longest gap between animation frames, and long tasks (> 50 ms). */
function watchFrames(): () => { longestFrameGapMs: number; longestTaskMs: number; longTasks: number; frames: number } {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let longest = 0;
  let frames = 0;
  let last = performance.now();
  let watching = true;
  const frame = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    frames++;
    if (watching) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return () => {
    watching = false;
    observer.disconnect();
    return { longestFrameGapMs: longest, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, frames };
  };
}

export function installBenchHook(store: DashboardStore, session: SourceSession): void {
  let text = '';

  const waitFor = (check: () => boolean) =>
    new Promise<void>((resolve) => {
      if (check()) return resolve();
      const unsubscribe = store.subscribe(() => {
        if (check()) {
          unsubscribe();
          resolve();
        }
      });
    });

  const hook = {
    /** Makes a trace log of `lines` lines in page memory (not timed). */
    generate(lines: number): number {
      text = generateTraceLog(lines);
      return text.length;
    },

    /** Baseline: splitting the same text into lines. */
    splitBaseline(): { ms: number; lines: number } {
      const t0 = performance.now();
      const lines = text.split('\n').length - 1;
      return { ms: performance.now() - t0, lines };
    },

    /** The record API (what the server and the CLI use) over the same text, in this thread. */
    recordParse(): { ms: number; lines: number } {
      const t0 = performance.now();
      const parser = createLogParser({ received: 0 });
      parser.push(text);
      parser.end();
      return { ms: performance.now() - t0, lines: parser.lines };
    },

    /** The parse workers alone: file → columns in this thread (no store, no render). */
    async workerParse(): Promise<{ ms: number; lines: number; records: number; parseMs: number; encodeMs: number }> {
      const loader = new WorkerLogLoader();
      const file = new File([text], 'bench.log');
      let records = 0;
      const t0 = performance.now();
      const summary = await loader.load({ kind: 'file', file, name: 'bench.log' }, async (batch) => {
        records += batch.segment.length;
      });
      const ms = performance.now() - t0;
      loader.terminate();
      return { ms, lines: summary.lines, records, parseMs: summary.parseMs, encodeMs: summary.encodeMs };
    },

    /**
     * The whole replay path: open the file, parse in the worker, fill the
     * store, render — until every record is in the store and a frame showing
     * them has been painted. Also: when the first records were painted, and
     * how many store updates (each a render of every panel) the load took,
     * and when every panel had settled: the sequence diagram, which numbers
     * the log after it has loaded, drawn.
     */
    async replayLoad(): Promise<{ ms: number; records: number; firstPaintMs: number; updates: number; settledMs: number }> {
      const loader = new WorkerLogLoader();
      const file = new File([text], 'bench.log');
      let updates = 0;
      let firstPaintMs = -1;
      const t0 = performance.now();
      const unsubscribe = store.subscribe((state, previous) => {
        updates++;
        if (firstPaintMs < 0 && state.length > 0 && previous.length === 0) void afterPaint().then(() => (firstPaintMs = performance.now() - t0));
      });
      session.open(new ReplaySource({ kind: 'file', file, name: 'bench.log' }, { loader }));
      await waitFor(() => store.getState().source.progress?.done === true);
      await afterPaint();
      const ms = performance.now() - t0;
      unsubscribe();
      // A replay opens at its start, where the sequence panel has nothing to draw: settle at the end, as before.
      session.goLatest();
      // The sequence panel numbers the log once it has loaded (in slices), then draws: the last panel to settle.
      await waitForDom(() => {
        const diagram = document.querySelector('[data-testid="sequence-diagram"]');
        return diagram?.getAttribute('data-state') === 'ready' && diagram.querySelector('svg') !== null;
      });
      return { ms, records: store.getState().length, firstPaintMs, updates, settledMs: performance.now() - t0 };
    },

    /** Filters everything in the store from scratch. */
    filter(query: string): { ms: number; matches: number; records: number } {
      const compiled = compileLogQuery(query);
      if (!compiled.ok) throw new Error(compiled.error);
      const { log } = store.getState();
      const t0 = performance.now();
      // A fresh index each time: it starts over, as after typing a new query.
      const matches = new MatchIndex(compiled.predicate).extend(log).length;
      return { ms: performance.now() - t0, matches, records: log.length };
    },

    /** Baseline: one pass over every record in the store reading one field, as a filter scans them. */
    scanBaseline(): { ms: number; records: number } {
      const { log } = store.getState();
      const t0 = performance.now();
      let traces = 0;
      for (const record of log.view(0, log.length)) if (record.kind === 'trace') traces++;
      return { ms: performance.now() - t0, records: traces };
    },

    /** Streams `total` transitions in batches while the page (sequence panel included) renders; watches long tasks. */
    async stream(
      total: number,
      batch: number,
    ): Promise<{ ms: number; longestTaskMs: number; longTasks: number; longestFrameGapMs: number; records: number; renders: number; longestRenderMs: number }> {
      performance.clearMeasures('miroscope:sequence-render');
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      let longestGap = 0;
      let last = performance.now();
      let watching = true;
      const frame = () => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
        if (watching) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const source = new StreamSource(total, batch);
      const t0 = performance.now();
      session.open(source);
      await source.done;
      // Let the last diagram render land inside the measurement.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const ms = performance.now() - t0;
      watching = false;
      observer.disconnect();
      const renders = performance.getEntriesByName('miroscope:sequence-render').map((e) => e.duration);
      return {
        ms,
        longestTaskMs: Math.max(0, ...tasks),
        longTasks: tasks.length,
        longestFrameGapMs: longestGap,
        records: store.getState().length,
        renders: renders.length,
        longestRenderMs: Math.max(0, ...renders),
      };
    },

    /**
     * Switches the sequence panel to "all (scroll)" — the virtual renderer
     * over the whole run — as a user does (the window menu), and times it
     * until rows are drawn: the model of the whole run and its row layout
     * are built once here, O(run).
     */
    async virtualOpen(): Promise<{ ms: number; rows: number }> {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="sequence-window"]');
      if (!select) throw new Error('no sequence window menu');
      const t0 = performance.now();
      select.value = '0';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await waitForDom(() => document.querySelector('[data-testid="sequence-virtual"] [data-n]') !== null);
      const ms = performance.now() - t0;
      return { ms, rows: Number(document.querySelector('[data-testid="sequence-virtual"]')!.getAttribute('data-rows')) };
    },

    /**
     * Scrolls the virtual view from top to bottom in `steps` jumps, two
     * painted frames each. Every jump lands on rows never drawn before and
     * moves the cursor (one seek per frame), so every panel re-renders at
     * the new position: the worst case of scrolling, measured as the longest
     * frame gap and long task.
     */
    async virtualScroll(steps: number): Promise<{ ms: number; steps: number; cursorMoves: number; longestFrameGapMs: number; longestTaskMs: number; longTasks: number; rowsInDom: number }> {
      const box = document.querySelector<HTMLElement>('[data-testid="sequence-virtual"]');
      if (!box) throw new Error('the virtual sequence view is not open');
      let moves = 0;
      const unsubscribe = store.subscribe((state, previous) => {
        if (state.cursor !== previous.cursor) moves++;
      });
      let rowsInDom = 0;
      const stop = watchFrames();
      const t0 = performance.now();
      for (let i = 0; i < steps; i++) {
        box.scrollTop = Math.round((i / Math.max(1, steps - 1)) * (box.scrollHeight - box.clientHeight));
        await afterPaint();
        await afterPaint();
        rowsInDom = Math.max(rowsInDom, box.querySelectorAll('[data-row]').length);
      }
      const ms = performance.now() - t0;
      unsubscribe();
      return { ms, steps, cursorMoves: moves, rowsInDom, ...stop() };
    },

    /** Baseline for the scroll: the same page, idle, for `frames` frames. */
    async idleFrames(frames: number): Promise<{ longestFrameGapMs: number; longestTaskMs: number; longTasks: number }> {
      const stop = watchFrames();
      for (let i = 0; i < frames; i++) await afterPaint();
      return stop();
    },

    /** Baseline for the stream: one Mermaid render of the latest `events` steps of one chart. */
    async mermaidOnce(events: number): Promise<{ ms: number; parts: number }> {
      const { log } = store.getState();
      const builder = sequenceBuilderFor(log);
      const chart = builder.model().charts[0]?.chart;
      const model = builder.window(chart === undefined ? { last: events } : { last: events, chart });
      const parts = mermaidParts(model, chart === undefined ? { kind: 'all' } : { kind: 'chart', chart });
      const t0 = performance.now();
      for (const part of parts) await renderMermaidSvg(part, 'dark');
      return { ms: performance.now() - t0, parts: parts.length };
    },
  };
  (window as unknown as { __miroscopeBench: typeof hook }).__miroscopeBench = hook;
}

