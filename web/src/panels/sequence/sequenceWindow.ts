/**
 * Which part of the run the sequence panel draws, and which part an export
 * covers, as a SequenceBuilder window.
 *
 * Drawing is bounded: Mermaid needs ~24 s for 10,000 messages, so the panel
 * draws the latest N events up to the cursor, or the range chosen on the
 * timeline. An export covers the chosen range — or, with none, everything up
 * to the cursor — whatever is on screen.
 */
import type { SequenceBuilder, SequenceWindow } from '../../../../shared/sequence/model/SequenceBuilder.ts';
import type { SequenceModel } from '../../../../shared/sequence/SequenceModel.ts';
import type { PositionRange } from '../../store/createDashboardStore.ts';
import type { RecordLog } from '../../store/RecordLog.ts';

/** `all`: every chart's own diagram; `system`: charts as lifelines; or one chart by name. */
export type SequenceView = { kind: 'all' } | { kind: 'system' } | { kind: 'chart'; chart: string };

export const WINDOW_SIZES = [25, 50, 100, 200, 500] as const;
export const DEFAULT_WINDOW = 50;
/** The window choice "all (scroll)": the whole run (or the chosen range), drawn by the virtual renderer. */
export const SCROLL_ALL = 0;

/**
 * The largest window Mermaid draws for the panel. Mermaid needs ~24 s for
 * 10,000 messages (issue 10), ~2.4 ms a message: 500 events already take
 * over a second, and the live view redraws every 400 ms. Past this the
 * virtual renderer (VirtualSequence.tsx) draws instead; exports stay Mermaid.
 */
export const MERMAID_MAX_WINDOW = 500;

/** Whether the chosen window is drawn by the virtual renderer rather than Mermaid. */
export function drawsVirtual(size: number): boolean {
  return size === SCROLL_ALL || size > MERMAID_MAX_WINDOW;
}

/** The seq span [fromSeq, toSeq] of records [from, to) — null when empty. */
export function seqSpan(log: RecordLog, from: number, to: number): { fromSeq: number; toSeq: number } | null {
  const lo = Math.max(0, from);
  const hi = Math.min(to, log.length);
  if (hi <= lo) return null;
  return { fromSeq: log.seqAt(lo), toSeq: log.seqAt(hi - 1) };
}

function withChart(window: SequenceWindow, view: SequenceView): SequenceWindow {
  return view.kind === 'chart' ? { ...window, chart: view.chart } : window;
}

/**
 * What the panel draws: the latest `size` events up to the cursor, or of the
 * chosen range (clipped to the cursor). The builder answers "the latest N up
 * to seq S" in O(N log n) wherever S is, so the panel simply asks for it.
 */
export function displayModel(
  builder: Pick<SequenceBuilder, 'window'>,
  log: RecordLog,
  end: number,
  range: PositionRange | null,
  size: number,
  view: SequenceView,
): SequenceModel | null {
  if (range) {
    const span = seqSpan(log, range.from, Math.min(range.to, end));
    return span ? builder.window(withChart({ ...span, last: size }, view)) : null;
  }
  if (end <= 0) return null;
  // At the tail, no seq bound: a chart's window then counts its own steps.
  if (end >= log.length) return builder.window(withChart({ last: size }, view));
  return builder.window(withChart({ toSeq: log.seqAt(end - 1), last: size }, view));
}

/**
 * What the virtual renderer draws: the whole run, or the chosen range —
 * records after the cursor too (drawn dimmed), so scrolling can move the
 * cursor forward as well as back. `builder.model()` is cached per version.
 */
export function virtualModel(builder: Pick<SequenceBuilder, 'window' | 'model'>, log: RecordLog, range: PositionRange | null): SequenceModel | null {
  if (!range) return log.length > 0 ? builder.model() : null;
  const span = seqSpan(log, range.from, range.to);
  return span ? builder.window(span) : null;
}

/** What an export covers: the chosen range, or everything up to the cursor. */
export function exportWindow(log: RecordLog, end: number, range: PositionRange | null, view: SequenceView): SequenceWindow | null {
  const span = range ? seqSpan(log, range.from, Math.min(range.to, end)) : seqSpan(log, 0, end);
  return span ? withChart(span, view) : null;
}
