/**
 * The system view in ASCII, for terminals and plain-text docs: charts are
 * the columns, each mesh message is one arrow from its sender with a head
 * at every chart that received it (its number once), and each state change
 * is a one-line note on its chart's lifeline:
 *
 *     [System] 3 charts
 *              a                                  b                                  c
 *              * 1 to_inner() outer->inner        |                                  |
 *              +---------other_to_inner(a)------->+--------------------------------->|
 *              |           (2, to all)            |                                  |
 *              |                                  * 3 other_to_inner() outer->inner  |
 *              |                                  |                                  * 4 other_to_inner() outer->inner
 *
 * A head beside a lifeline (`>+`, `+<`, `>|`) marks a reception; a
 * lifeline the arrow only passes is crossed with `+` (draw/drawFanOut). A
 * send heard by every other chart is marked `(n, to all)`. With one
 * receiver the arrow is the per-chart diagrams' (drawRowGroup), so both
 * views look alike. A message nobody was seen to receive is drawn as a
 * self arrow on its sender: sent, but no reception paired with it.
 *
 * With `collapseRepeats`, a cycle repeated in a row is drawn once, then
 * one line `= x12: the 4 events above, 11 more times (events 5-48)`
 * across the lifelines, as the Mermaid view's "×12" note.
 *
 * Logs without mesh records get inferred arrows (model/inferReceptions):
 * labelled `signal() ?`, marked `(inferred, sent at N)` with N the sending
 * move's number; the receiving note says `(inferred from N)`, or
 * `(no send seen)` when nothing plausible preceded it.
 */
import { centerText, codePointLength, rstripAscii } from '../text/rubyText.ts';
import { columnWidth } from '../draw/columnWidth.ts';
import { drawRowGroup, type RowGrid, type RowStep } from '../draw/drawRowGroup.ts';
import { drawFanOut, type FanOut } from '../draw/drawFanOut.ts';
import type { SequenceModel, SystemStateNote } from '../SequenceModel.ts';
import { clipText, printable, stepLabel } from './renderAscii.ts';
import { DrawingBudget, stepLines } from '../draw/DiagramTooLarge.ts';
import { INFERENCE_NOTE } from '../model/inferReceptions.ts';
import { collapseRepeats, type CollapsedItem, type RepeatMarker } from '../model/collapseRepeats.ts';

export interface AsciiSystemOptions {
  /** Put this before every line. */
  indent?: string;
  /** Refuse (DiagramTooLarge) a drawing of more characters than this, before drawing it. */
  maxChars?: number;
  /** Draw a cycle repeated in a row once, then a line "xN" (see model/collapseRepeats), as the Mermaid view does. */
  collapseRepeats?: boolean;
}

function payloadText(payload: unknown): string | undefined {
  if (payload === undefined || payload === null) return undefined;
  return typeof payload === 'string' ? payload : JSON.stringify(payload);
}

function noteText(note: SystemStateNote): string {
  const after = note.inferredFrom !== undefined ? ` (inferred from ${note.inferredFrom})` : note.noSendSeen ? ' (no send seen)' : '';
  return `* ${note.n} ${stepLabel(note)} ${printable(clipText(note.from))}->${printable(clipText(note.to))}${after}`;
}

/** A note row: the chart's bar becomes the note, the other bars stay. */
function noteRow(text: string, column: number, grid: RowGrid): string {
  const idle = '|' + ' '.repeat(grid.width - 1);
  const half = ' '.repeat(Math.floor(grid.width / 2));
  const segments = Array.from({ length: grid.columns }, (_, k) => (k === grid.columns - 1 ? '|' : idle));
  segments[column] = column === grid.columns - 1 ? text : text + ' '.repeat(grid.width - codePointLength(text));
  return half + segments.join('');
}

/**
 * The line standing for the repeats of a cycle. It crosses the lifelines
 * (they are cut there, as the cycles it stands for are) instead of being a
 * note between two bars, which would widen every column to its length.
 */
function repeatLine(marker: RepeatMarker, column: number, grid: RowGrid): string {
  const idle = '|' + ' '.repeat(grid.width - 1);
  const events = marker.length === 1 ? 'the event above' : `the ${marker.length} events above`;
  const text = `= x${marker.times}: ${events}, ${marker.times - 1} more time${marker.times === 2 ? '' : 's'} (events ${marker.fromN}-${marker.toN})`;
  return ' '.repeat(Math.floor(grid.width / 2)) + idle.repeat(column) + text;
}

type Row =
  | { kind: 'repeat'; marker: RepeatMarker; column: number }
  | { kind: 'self'; step: RowStep }
  | { kind: 'fan'; send: FanOut }
  | { kind: 'note'; text: string; column: number };

export function renderAsciiSystem(model: SequenceModel, options: AsciiSystemOptions = {}): string {
  const { lifelines, items } = model.system;
  if (lifelines.length === 0 || items.length === 0) return '';
  const indent = options.indent ?? '';
  const column = new Map(lifelines.map((name, k) => [name, k]));
  const charts = new Set(model.charts.map((c) => c.chart));
  const rows: Row[] = [];
  const drawn: readonly CollapsedItem[] = options.collapseRepeats ? collapseRepeats(items) : items;
  for (const item of drawn) {
    if (item.type === 'repeat') {
      const columns = item.lifelines.map((name) => column.get(name)).filter((k): k is number => k !== undefined);
      rows.push({ kind: 'repeat', marker: item, column: Math.min(...columns, lifelines.length - 1) });
      continue;
    }
    if (item.type === 'state') {
      const at = column.get(item.chart);
      if (at !== undefined) rows.push({ kind: 'note', text: noteText(item), column: at });
      continue;
    }
    const from = column.get(item.from);
    if (from === undefined) continue;
    const payload = payloadText(item.payload);
    const label = stepLabel({ signal: item.signal, ...(payload !== undefined && { payload }) }) + (item.inferred ? ' ?' : '');
    const receivers = item.to.map((name) => column.get(name)).filter((k): k is number => k !== undefined && k !== from);
    // A broadcast heard by every other chart drawn says so, so a reader need not count heads.
    const toAll = receivers.length > 1 && lifelines.every((name) => name === item.from || !charts.has(name) || item.to.includes(name));
    // An inferred arrow carries the number of the move that sent it, marked as a guess.
    const marker = item.inferred ? `(inferred, sent at ${item.n})` : toAll ? `(${item.n}, to all)` : `(${item.n})`;
    if (receivers.length === 0) rows.push({ kind: 'self', step: { from, to: from, label, marker } });
    else rows.push({ kind: 'fan', send: { from, to: receivers, label, marker } });
  }
  const names = lifelines.map((name) => printable(clipText(name)));
  const arrows = rows.flatMap((row): { label: string; marker: string }[] => (row.kind === 'self' ? [row.step] : row.kind === 'fan' ? [row.send] : []));
  const width = Math.max(
    columnWidth({ states: names, labels: arrows.map((s) => s.label), markers: arrows.map((s) => s.marker) }),
    // A note fits between its bar and the next one.
    ...rows.map((row) => (row.kind === 'note' ? (codePointLength(row.text) + 2) | 1 : 0)),
  );
  const grid: RowGrid = { columns: names.length, width };
  const budget = new DrawingBudget(options.maxChars);
  const lineCount = rows.reduce((sum, row) => sum + (row.kind === 'self' ? stepLines(row.step.from, row.step.from) : row.kind === 'fan' ? 2 : 1), 0);
  budget.add(lineCount, items.length, names.length, width, indent.length);
  budget.check();
  const lines = [`[System] ${names.length} chart${names.length === 1 ? '' : 's'}`, names.map((n) => centerText(n, width)).join('')];
  for (const row of rows) {
    if (row.kind === 'note') lines.push(noteRow(row.text, row.column, grid));
    else if (row.kind === 'repeat') lines.push(repeatLine(row.marker, row.column, grid));
    else if (row.kind === 'self') lines.push(...drawRowGroup(row.step, grid));
    else lines.push(...drawFanOut(row.send, grid));
  }
  if (items.some((item) => item.type === 'message' && item.inferred)) lines.push('', `? ${INFERENCE_NOTE}`);
  return lines.map((line) => rstripAscii(indent + line)).join('\n') + '\n';
}
