/**
 * The layout of the virtualized sequence diagram (VirtualSequence.tsx): a
 * SequenceModel flattened into one fixed-height row per drawn item, in
 * compact typed arrays, so a view of 100,000 messages costs one pass to
 * build and O(rows in view) per frame to draw — nothing here is rebuilt on
 * scroll, and no per-row object is made beyond the model's own items.
 *
 *   lanes      x = lane index × laneWidth (+ a gap between charts' groups)
 *   ─────────  ───────────────────────────────────────────────────────
 *   row 0      y = row × rowHeight      kind, from, to, n, seq per row
 *   row 1      …                        label text made only when drawn
 *
 * The rows and numbers are the shared pipeline's (SequenceBuilder), in its
 * order, so a row reads like the Mermaid label of the same item
 * (shared/sequence/mermaid/renderMermaid.ts) — never re-numbered here.
 * Views: `all` puts every chart's own lifelines (its states) side by side,
 * one group per chart, and its steps in number order; `chart` one chart's;
 * `system` the charts as lifelines, messages and state notes.
 */
import type { ChartStep, SequenceModel, SystemItem } from '../../../../shared/sequence/SequenceModel.ts';
import { payloadText, stateNoteText } from '../../../../shared/sequence/mermaid/mermaidText.ts';
import { showControl } from '../../../../shared/records/escapeControl.ts';
import { clipText } from '../../../../shared/sequence/ascii/renderAscii.ts';
import type { SequenceView } from './sequenceWindow.ts';

/** A step between two lifelines (or a message between two charts). */
export const ROW_ARROW = 0;
/** A step that stays in its state: a loop on one lifeline. */
export const ROW_SELF = 1;
/** A system-view state change: a note over its chart. */
export const ROW_NOTE = 2;
/** A message with no reception seen: a note beside its sender. */
export const ROW_UNRECEIVED = 3;
/** An arrow inferred from the `other_…` naming: dashed, unnumbered (it shows its sending move's number). */
export const ROW_INFERRED = 4;

export interface LaneGroup {
  /** The chart whose states these lanes are (per-chart views), or null (system view). */
  chart: string | null;
  heading: string;
  /** Lanes [first, last] belong to the group. */
  first: number;
  last: number;
}

export interface VirtualRows {
  /** Lifeline names, left to right. */
  lanes: string[];
  /** Centre x of each lane, in px. */
  laneX: Float64Array;
  laneWidth: number;
  /** Full drawing width, in px. */
  width: number;
  groups: LaneGroup[];
  count: number;
  kind: Uint8Array;
  /** Lane indexes: arrow tail and (first) head; a note's lane is `from`. */
  from: Int32Array;
  to: Int32Array;
  /** The number shown: the pipeline's `n` (an inferred arrow's is its sending move's). */
  n: Int32Array;
  /** The record drawn (an inferred arrow: its reception's, the row below). */
  seq: Float64Array;
  /** maxSeq[k]: the largest record seq among rows 0..k (rowAtSeq bisects it). */
  maxSeq: Float64Array;
  /** The model item drawn in each row, for its label and extra receivers. */
  items: readonly (ChartStep | SystemItem)[];
}

export interface LayoutOptions {
  /** Width of one character of the row font, in px (12 px monospace ≈ 7.2). */
  charWidth?: number;
  minLaneWidth?: number;
  maxLaneWidth?: number;
  /** Space between two charts' lane groups, in px. */
  groupGap?: number;
}

const DEFAULTS = { charWidth: 7.2, minLaneWidth: 150, maxLaneWidth: 380, groupGap: 24 };

/** Longest label (in characters) drawn whole; longer ones are cut with "…" (Mermaid cuts at 200 too). */
export const MAX_LABEL_CHARS = 200;

export function buildVirtualRows(model: SequenceModel, view: SequenceView, options: LayoutOptions = {}): VirtualRows {
  const o = { ...DEFAULTS, ...options };
  return view.kind === 'system' ? systemRows(model, o) : chartRows(model, view.kind === 'chart' ? view.chart : null, o);
}

function allocate(count: number) {
  return {
    kind: new Uint8Array(count),
    from: new Int32Array(count),
    to: new Int32Array(count),
    n: new Int32Array(count),
    seq: new Float64Array(count),
    maxSeq: new Float64Array(count),
  };
}

function chartRows(model: SequenceModel, only: string | null, o: typeof DEFAULTS): VirtualRows {
  const diagrams = model.charts.filter((c) => (only === null || c.chart === only) && c.steps.length > 0);
  const lanes: string[] = [];
  const groups: LaneGroup[] = [];
  const laneOf = new Map<string, Map<string, number>>();
  for (const d of diagrams) {
    const own = new Map<string, number>();
    groups.push({ chart: d.chart, heading: `${d.chart} (${d.letter})`, first: lanes.length, last: lanes.length + d.lifelines.length - 1 });
    for (const state of d.lifelines) own.set(state, lanes.push(state) - 1);
    laneOf.set(d.chart, own);
  }
  // Every chart's steps merged in number order: each list is already in it.
  const items: ChartStep[] = [];
  const charts: string[] = [];
  const heads = diagrams.map(() => 0);
  for (;;) {
    let best = -1;
    for (let k = 0; k < diagrams.length; k += 1) {
      const step = diagrams[k]!.steps[heads[k]!];
      if (step && (best < 0 || step.n < diagrams[best]!.steps[heads[best]!]!.n)) best = k;
    }
    if (best < 0) break;
    items.push(diagrams[best]!.steps[heads[best]!]!);
    charts.push(diagrams[best]!.chart);
    heads[best]! += 1;
  }
  const rows = allocate(items.length);
  let longest = 0;
  for (let k = 0; k < items.length; k += 1) {
    const step = items[k]!;
    const own = laneOf.get(charts[k]!)!;
    const from = own.get(step.from)!;
    const to = own.get(step.to)!;
    rows.kind[k] = from === to ? ROW_SELF : ROW_ARROW;
    rows.from[k] = from;
    rows.to[k] = to;
    rows.n[k] = step.n;
    rows.seq[k] = step.seq;
    // A label spans |to − from| lanes; the widest per lane sets the lane width.
    const chars = String(step.n).length + 4 + step.signal.length + (step.payload?.length ?? 0);
    longest = Math.max(longest, chars / Math.max(1, Math.abs(to - from)));
  }
  return finish(lanes, groups, rows, items, longest, o);
}

function systemRows(model: SequenceModel, o: typeof DEFAULTS): VirtualRows {
  const lanes = model.system.lifelines.slice();
  const laneOf = new Map(lanes.map((name, k) => [name, k]));
  const items = model.system.items;
  const rows = allocate(items.length);
  let longest = 0;
  for (let k = 0; k < items.length; k += 1) {
    const item = items[k]!;
    rows.n[k] = item.n;
    rows.seq[k] = item.seq;
    if (item.type === 'state') {
      rows.kind[k] = ROW_NOTE;
      rows.from[k] = rows.to[k] = laneOf.get(item.chart) ?? 0;
      // A note is centred on its lane and may use its neighbours' halves: up to two lanes.
      const chars = String(item.n).length + 12 + item.signal.length + (item.payload?.length ?? 0) + item.from.length + item.to.length;
      longest = Math.max(longest, chars / 2);
      continue;
    }
    // An inferred arrow is drawn just before its reception and belongs to it: the cursor reaches it with the reception.
    if (item.inferred) rows.seq[k] = items[k + 1]?.seq ?? item.seq;
    const from = laneOf.get(item.from) ?? 0;
    rows.from[k] = from;
    rows.to[k] = item.to.length > 0 ? (laneOf.get(item.to[0]!) ?? from) : from;
    rows.kind[k] = item.inferred ? ROW_INFERRED : item.to.length === 0 ? ROW_UNRECEIVED : ROW_ARROW;
    const chars = String(item.n).length + 4 + item.signal.length + Math.min(80, payloadText(item.payload).length);
    longest = Math.max(longest, chars / Math.max(1, Math.abs(rows.to[k]! - from)));
  }
  return finish(lanes, [{ chart: null, heading: 'system view', first: 0, last: lanes.length - 1 }], rows, items, longest, o);
}

function finish(
  lanes: string[],
  groups: LaneGroup[],
  rows: ReturnType<typeof allocate>,
  items: readonly (ChartStep | SystemItem)[],
  longestPerLane: number,
  o: typeof DEFAULTS,
): VirtualRows {
  const nameChars = lanes.reduce((m, l) => Math.max(m, l.length), 0);
  const wanted = Math.max(longestPerLane, nameChars) * o.charWidth + 24;
  const laneWidth = Math.round(Math.min(o.maxLaneWidth, Math.max(o.minLaneWidth, wanted)));
  const laneX = new Float64Array(lanes.length);
  // A system-view note may be two lanes wide: half a lane more room at each edge, so the outer lanes' notes are not cut.
  const margin = groups.length === 1 && groups[0]!.chart === null ? Math.round(laneWidth / 2) : 0;
  let x = margin;
  for (const group of groups) {
    for (let k = group.first; k <= group.last; k += 1) laneX[k] = x + laneWidth * (k - group.first) + laneWidth / 2;
    x += laneWidth * (group.last - group.first + 1) + o.groupGap;
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < items.length; k += 1) {
    max = Math.max(max, rows.seq[k]!);
    rows.maxSeq[k] = max;
  }
  return { lanes, laneX, laneWidth, width: Math.max(0, x - o.groupGap + margin), groups, count: items.length, ...rows, items };
}

/**
 * The row at a cursor: the last row such that it and every row above it
 * come from records at or before `seq` (so nothing drawn above the marked
 * row lies after the cursor); -1 when none does. O(log rows).
 */
export function rowAtSeq(rows: Pick<VirtualRows, 'count' | 'maxSeq'>, seq: number): number {
  let lo = 0;
  let hi = rows.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows.maxSeq[mid]! <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Rows [first, last) to draw for a scroll position: those in view plus `overscan` on each side. */
export function visibleRows(scrollTop: number, viewHeight: number, rowHeight: number, count: number, overscan: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewHeight) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/** Text that reads as written: control characters as escapes, long texts cut (as the Mermaid labels). */
export function printableLabel(text: string, max = MAX_LABEL_CHARS): string {
  return clipText(showControl(text), max);
}

/** A row's label, worded as the Mermaid drawing of the same item words it. */
export function rowLabel(rows: VirtualRows, row: number): string {
  const item = rows.items[row]!;
  if (!('type' in item)) return printableLabel(`${item.n}: ${item.signal}(${item.payload ?? ''})`);
  if (item.type === 'state') return printableLabel(`${item.n}: ${stateNoteText(item)}`);
  const text = `${item.signal}(${payloadText(item.payload)})`;
  if (item.inferred) return printableLabel(`${text} (inferred, sent at ${item.n})`);
  if (item.to.length === 0) return printableLabel(`${item.n}: sent ${text}, no reception seen`);
  return printableLabel(`${item.n}: ${text}`);
}

/** Lanes of a message's other receivers (fanned out under its first arrow, as `↳ n` in Mermaid). */
export function extraReceivers(rows: VirtualRows, row: number, laneOf: ReadonlyMap<string, number>): number[] {
  const item = rows.items[row]!;
  if (!('type' in item) || item.type !== 'message' || item.to.length < 2) return [];
  return item.to.slice(1).map((name) => laneOf.get(name) ?? rows.from[row]!);
}

/** Whether a row carries its own number (an inferred arrow shows its sender's). */
export function isNumbered(rows: Pick<VirtualRows, 'kind'>, row: number): boolean {
  return rows.kind[row] !== ROW_INFERRED;
}
