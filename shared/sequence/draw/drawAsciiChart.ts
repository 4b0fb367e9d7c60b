/**
 * Assembles one chart's diagram from its title, columns and steps:
 *
 *     P[Statechart: NAME] (A)
 *     P<each column name centred in W>
 *     P<W/2 spaces><row group of step 1>
 *     ...
 *
 * P is the indent of the whole diagram. Every line loses its trailing
 * whitespace, as `sequence.rb` writes them.
 */
import { centerText, rstripAscii } from '../text/rubyText.ts';
import { drawRowGroup, type RowGrid, type RowStep } from './drawRowGroup.ts';

export interface AsciiChartSpec extends Omit<RowGrid, 'columns'> {
  title: string;
  columnNames: readonly string[];
  steps: Iterable<RowStep>;
  indent?: string;
}

export function drawAsciiChart(spec: AsciiChartSpec): string[] {
  const indent = spec.indent ?? '';
  const grid: RowGrid = { ...spec, columns: spec.columnNames.length };
  const lines = [indent + spec.title, indent + spec.columnNames.map((name) => centerText(name, spec.width)).join('')];
  for (const step of spec.steps) {
    for (const line of drawRowGroup(step, grid)) lines.push(indent + line);
  }
  return lines.map(rstripAscii);
}
