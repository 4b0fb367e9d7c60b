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

/** Events (numbered steps or messages) a model holds for a view. */
export function eventCount(model: SequenceModel, view: SequenceView): number {
  if (view.kind === 'system') return model.system.items.length;
  return model.charts.reduce((n, c) => n + c.steps.length, 0);
}

/**
 * What the panel draws: the latest `size` events up to the cursor, or of the
 * chosen range (clipped to the cursor). The builder's cost grows with the
 * seq span it is asked about, so looking back from a cursor deep in a long
 * log widens the span step by step until it holds `size` events, instead of
 * asking about everything before the cursor.
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
  // At the tail, no seq bounds: the builder then only touches the last `size` events.
  if (end >= log.length) return builder.window(withChart({ last: size }, view));
  for (let records = size * 8; ; records *= 4) {
    const from = Math.max(0, end - records);
    const model = builder.window(withChart({ ...seqSpan(log, from, end)!, last: size }, view));
    if (from === 0 || eventCount(model, view) >= size) return model;
  }
}

/** What an export covers: the chosen range, or everything up to the cursor. */
export function exportWindow(log: RecordLog, end: number, range: PositionRange | null, view: SequenceView): SequenceWindow | null {
  const span = range ? seqSpan(log, range.from, Math.min(range.to, end)) : seqSpan(log, 0, end);
  return span ? withChart(span, view) : null;
}
