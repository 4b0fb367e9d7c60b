/**
 * The `sequence.rb`-compatible export: trace text in, the exact bytes that
 * `ruby sequence.rb -i IN -o OUT` writes to OUT.
 *
 *   text ─▶ readCompatInput ─▶ per chart: orderCompatChart ─▶ columns, W
 *        ─▶ drawAsciiChart (shared with our numbered renderer) ─▶ file
 *
 * Every quirk that changes the bytes of an input `sequence.rb` accepts is
 * kept (see docs/sequence.md). Where it aborts, we skip the offending lines
 * (or read them without ANSI colour) and go on. Data the tool loses or
 * misdraws is reported in `warnings`, one sentence per kind, for stderr.
 */
import { columnWidth } from '../draw/columnWidth.ts';
import { drawAsciiChart } from '../draw/drawAsciiChart.ts';
import { isMisplacedLeftStep, type RowStep } from '../draw/drawRowGroup.ts';
import { stripAscii } from '../text/rubyText.ts';
import { DrawingBudget, stepLines } from '../draw/DiagramTooLarge.ts';
import { orderCompatChart, type CompatLine } from './orderCompatChart.ts';
import { readCompatInput } from './readCompatInput.ts';

export interface AsciiCompatResult {
  /** The file contents: LF line ends, one final LF, '' when nothing was read. */
  output: string;
  /** Human-readable notes about lines lost, skipped or misdrawn. */
  warnings: string[];
}

const MARKER = '(?)';

/** `line 4`, `lines 3, 4`, `lines 1, 2, … (27 in all)`. */
function lineList(lines: readonly (number | string)[]): string {
  const shown = lines.slice(0, 10).join(', ');
  const more = lines.length > 10 ? `, … (${lines.length} in all)` : '';
  return `${lines.length === 1 ? 'line' : 'lines'} ${shown}${more}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

interface CompatChart {
  name: string;
  columns: string[];
  steps: RowStep[];
  width: number;
}

function prepareCompatChart(name: string, kept: readonly CompatLine[], warnings: string[]): CompatChart {
  const columns: string[] = [];
  const index = new Map<string, number>();
  const columnOf = (state: string): number => {
    const key = stripAscii(state);
    let at = index.get(key);
    if (at === undefined) {
      at = columns.length;
      index.set(key, at);
      columns.push(key);
    }
    return at;
  };
  const steps: RowStep[] = kept.map((line) => {
    const from = columnOf(line.source);
    return { from, to: columnOf(line.target), label: stripAscii(line.signal), marker: MARKER };
  });
  const width = columnWidth({
    states: kept.flatMap((line) => [line.source, line.target]),
    labels: kept.map((line) => line.signal),
  });
  const misdrawn = kept.filter((_, k) => isMisplacedLeftStep(steps[k]!, columns.length)).map((line) => line.line);
  if (misdrawn.length > 0) {
    warnings.push(
      `chart ${name}: ${plural(misdrawn.length, 'one-step left arrow')} from "${columns[columns.length - 2]}" ` +
        `drawn one column too far right, as sequence.rb does (${lineList(misdrawn)})`,
    );
  }
  return { name, columns, steps, width };
}

function drawCompatChart({ name, columns, steps, width }: CompatChart, indent: string): string[] {
  return drawAsciiChart({
    title: `[Statechart: ${name}] ${MARKER}`,
    columnNames: columns,
    width,
    steps,
    indent,
    misplaceLeftStepFromSecondLast: true,
  });
}

export interface AsciiCompatOptions {
  /** Refuse (DiagramTooLarge) a drawing of more characters than this, before drawing it. */
  maxChars?: number;
}

export function renderAsciiCompat(text: string, options: AsciiCompatOptions = {}): AsciiCompatResult {
  const input = readCompatInput(text);
  const warnings: string[] = [];

  const byReason = new Map<string, number[]>();
  for (const { line, reason } of input.skipped) byReason.set(reason, [...(byReason.get(reason) ?? []), line]);
  for (const [reason, lines] of byReason) {
    warnings.push(`${plural(lines.length, 'line')} skipped (sequence.rb would abort: ${reason}): ${lineList(lines)}`);
  }
  if (input.decoloured.length > 0) {
    warnings.push(
      `${plural(input.decoloured.length, 'line')} read after removing ANSI colour codes ` +
        `(sequence.rb would abort): ${lineList(input.decoloured)}`,
    );
  }

  if (input.lenient.length > 0) {
    warnings.push(
      `${plural(input.lenient.length, 'line')} with parentheses inside the payload read as balanced ` +
        `(sequence.rb would abort): ${lineList(input.lenient)}`,
    );
  }

  const charts: CompatChart[] = [];
  for (const [name, lines] of input.charts) {
    const { kept, lost } = orderCompatChart(lines);
    const merged = lost.filter((l) => l.reason === 'duplicate').map((l) => `${l.line.line} (=${l.of!.line})`);
    const unchained = lost.filter((l) => l.reason === 'unchained').map((l) => l.line.line);
    if (merged.length > 0) {
      warnings.push(
        `chart ${name}: ${plural(merged.length, 'line')} merged into an identical line with the same timestamp, ` +
          `as sequence.rb does: ${lineList(merged)}`,
      );
    }
    if (unchained.length > 0) {
      warnings.push(
        `chart ${name}: ${plural(unchained.length, 'line')} dropped because sequence.rb cannot chain them ` +
          `with their timestamp's other lines (a second loop, or spaces around a state): ${lineList(unchained)}`,
      );
    }
    if (kept.length === 0) {
      warnings.push(`chart ${name}: every line was lost, so the chart is left out (sequence.rb would abort)`);
      continue;
    }
    charts.push(prepareCompatChart(name, kept, warnings));
  }
  // Sized before drawing: the bytes are the tool's, but never more than asked for.
  const budget = new DrawingBudget(options.maxChars);
  for (const { steps, columns, width } of charts) {
    const rows = steps.reduce((sum, step) => sum + stepLines(step.from, step.to), 0);
    budget.add(rows, steps.length, columns.length, width, input.indent.length);
  }
  budget.check();
  const out: string[] = [];
  for (const chart of charts) {
    if (out.length > 0) out.push('');
    out.push(...drawCompatChart(chart, input.indent));
  }
  return { output: out.length > 0 ? `${out.join('\n')}\n` : '', warnings };
}
