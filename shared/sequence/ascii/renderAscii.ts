/**
 * Our ASCII sequence diagrams: the `sequence.rb` drawing, from the model
 * instead of from text, with the numbers filled in —
 *
 *     [Statechart: 04ccc_ao] (A)
 *           top           outer          inner
 *            +--start_at()->|              |
 *            |     (1)      |              |
 *
 * — and without the tool's losses: every step of the model is drawn in the
 * model's order (nothing merged or dropped when steps share a timestamp),
 * the one-step left arrow from column N-2 is drawn where it belongs, and any
 * names and payloads the records carry are fine (parentheses, brackets, `+`,
 * `-`). Columns grow to fit the widest number, so `(123)` never collides.
 * Its size is known before drawing and checked against `maxChars`.
 */
import { columnWidth } from '../draw/columnWidth.ts';
import { drawAsciiChart } from '../draw/drawAsciiChart.ts';
import type { RowStep } from '../draw/drawRowGroup.ts';
import { DrawingBudget, stepLines } from '../draw/DiagramTooLarge.ts';
import type { ChartDiagram, SequenceModel } from '../SequenceModel.ts';

export interface AsciiOptions {
  /** Draw only this chart (by name). */
  chart?: string;
  /** Put this before every line (the tool's indent). */
  indent?: string;
  /** Refuse (DiagramTooLarge) a drawing of more characters than this, before drawing it. */
  maxChars?: number;
}

// A line break, tab or escape inside a label would break the grid (or drive
// the terminal); they are shown as escapes instead.
const CONTROL = /[\x00-\x1f\x7f]/g;

/**
 * Longest label or state name drawn, in code points. Every column is as
 * wide as the widest label, so one 500 kB payload would make every line of
 * the diagram half a megabyte; past this a text is cut with `…`, as the
 * Mermaid labels are.
 */
export const MAX_ASCII_TEXT = 200;

/** Cuts a text to `max` code points (the last one `…`). */
export function clipText(text: string, max = MAX_ASCII_TEXT): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

export function printable(text: string): string {
  return text.replace(CONTROL, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    if (ch === '\r') return '\\r';
    return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** The arrow label of a step: `signal(payload)`. */
export function stepLabel(step: { signal: string; payload?: string }): string {
  return printable(clipText(`${step.signal}(${step.payload ?? ''})`));
}

interface PreparedChart {
  diagram: ChartDiagram;
  columnNames: string[];
  steps: RowStep[];
  width: number;
}

function prepareChart(diagram: ChartDiagram): PreparedChart {
  const columnNames = diagram.lifelines.map((state) => printable(clipText(state)));
  const column = new Map(diagram.lifelines.map((name, k) => [name, k]));
  const steps: RowStep[] = diagram.steps.map((step) => ({
    from: column.get(step.from)!,
    to: column.get(step.to)!,
    label: stepLabel(step),
    marker: `(${step.n})`,
  }));
  const width = columnWidth({
    states: columnNames,
    labels: steps.map((s) => s.label),
    markers: steps.map((s) => s.marker),
  });
  return { diagram, columnNames, steps, width };
}

function prepareCharts(model: SequenceModel, options: AsciiOptions): PreparedChart[] {
  const indent = options.indent ?? '';
  const charts = model.charts
    .filter((diagram) => (options.chart === undefined || diagram.chart === options.chart) && diagram.steps.length > 0)
    .map(prepareChart);
  const budget = new DrawingBudget(options.maxChars);
  for (const { steps, columnNames, width } of charts) {
    const rows = steps.reduce((sum, step) => sum + stepLines(step.from, step.to), 0);
    budget.add(rows, steps.length, columnNames.length, width, indent.length);
  }
  budget.check();
  return charts;
}

/** Throws DiagramTooLarge when renderAscii with these options would pass `maxChars`; draws nothing. */
export function checkAsciiSize(model: SequenceModel, options: AsciiOptions): void {
  prepareCharts(model, options);
}

export function renderAscii(model: SequenceModel, options: AsciiOptions = {}): string {
  const indent = options.indent ?? '';
  const charts = prepareCharts(model, options);
  const lines: string[] = [];
  for (const { diagram, columnNames, steps, width } of charts) {
    if (lines.length > 0) lines.push('');
    const title = `[Statechart: ${printable(diagram.chart)}] (${diagram.letter})`;
    lines.push(...drawAsciiChart({ title, columnNames, width, steps, indent }));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
