/**
 * The one diagram pipeline: a sequence model (already cut to the range
 * asked for) → numbered diagram parts, each with its chart and heading, plus
 * the source line that names the log and time span. The dashboard's
 * exports, `miroscope sequence` and `GET …/diagram` all call this, so a
 * diagram has the same numbers, parts and captions wherever it is made;
 * diagramDocument frames the parts as one file the same way for all three.
 *
 *   ascii         our drawing: one part per chart, or the system view
 *   ascii-compat  the `sequence` tool's bytes for `compatText` (no caption:
 *                 its output must stay exactly the tool's)
 *   mermaid       one part per chart (or the system view), split below
 *                 Mermaid's 50,000 characters; with `titles`, each part's
 *                 Mermaid `title` names its chart and the source
 *
 * Output is bounded: ASCII drawings are sized before they are drawn
 * (DiagramTooLarge), Mermaid text is linear in the steps and checked too.
 */
import { checkAsciiSize, renderAscii } from '../ascii/renderAscii.ts';
import { renderAsciiSystem } from '../ascii/renderAsciiSystem.ts';
import { renderAsciiCompat } from '../compat/renderAsciiCompat.ts';
import { DiagramTooLarge } from '../draw/DiagramTooLarge.ts';
import { renderMermaidParts } from '../mermaid/renderMermaid.ts';
import type { SequenceModel } from '../SequenceModel.ts';
import { sourceLine, sourceSpan } from './diagramSource.ts';

export const DIAGRAM_FORMATS = ['ascii', 'ascii-compat', 'mermaid'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];
export type DiagramView = 'chart' | 'system';

/** Default output budget: 32 Mi characters, far beyond a readable diagram, far below Node's limits. */
export const DEFAULT_DIAGRAM_MAX_CHARS = 32 * 2 ** 20;

export interface DiagramOptions {
  format: DiagramFormat;
  /** `chart`: each chart's own diagram (states as lifelines); `system`: charts as lifelines. */
  view: DiagramView;
  /** Only this chart (its diagram, or the system items involving it). */
  chart?: string;
  /** The file or recording name the records came from. */
  source?: string;
  /** ascii-compat: the trace lines of the same span, as the tool would read them. */
  compatText?: string;
  /** Mermaid `title` lines (default true; the panel draws its own captions instead). */
  titles?: boolean;
  /** Output budget in characters (default DEFAULT_DIAGRAM_MAX_CHARS). */
  maxChars?: number;
  /** System view (Mermaid and ASCII): a cycle repeated in a row drawn once, then "×N". */
  collapseRepeats?: boolean;
}

export interface DiagramPart {
  /** The chart drawn, or null for the system view and the tool's drawing. */
  chart: string | null;
  /** `04ccc_ao (A)`, `04ccc_ao (A) · part 2 of 3`, `system view`. */
  heading: string;
  text: string;
}

export interface Diagram {
  format: DiagramFormat;
  view: DiagramView;
  /** Where it comes from: `trace.log · 2018-05-04 09:23:28.954560 – 09:23:49.233582 · events 1–12`. */
  caption: string;
  parts: DiagramPart[];
  /** Lines the compatible renderer skipped or merged, as the `sequence` tool would. */
  warnings: string[];
}

export class DiagramRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiagramRequestError';
  }
}

export function renderDiagram(model: SequenceModel, options: DiagramOptions): Diagram {
  const { format, view, chart } = options;
  const maxChars = options.maxChars ?? DEFAULT_DIAGRAM_MAX_CHARS;
  const caption = sourceLine(options.source, sourceSpan(model, view, chart));
  const diagram = (parts: DiagramPart[], warnings: string[] = []): Diagram => ({ format, view, caption, parts, warnings });
  if (format === 'ascii-compat') {
    if (view === 'system') throw new DiagramRequestError('the sequence tool draws no system view; use the ascii or mermaid format');
    const { output, warnings } = renderAsciiCompat(options.compatText ?? '', { maxChars });
    return diagram(output === '' ? [] : [{ chart: null, heading: 'sequence.rb', text: output }], warnings);
  }
  if (format === 'ascii') {
    if (view === 'system') {
      const text = renderAsciiSystem(chart === undefined ? model : systemOf(model, chart), { maxChars, ...(options.collapseRepeats && { collapseRepeats: true }) });
      return diagram(text === '' ? [] : [{ chart: null, heading: 'system view', text }]);
    }
    // Sized for all charts at once (one budget), then drawn one part per chart.
    checkAsciiSize(model, { ...(chart !== undefined && { chart }), maxChars });
    const parts = model.charts
      .filter((c) => (chart === undefined || c.chart === chart) && c.steps.length > 0)
      .map((c) => ({ chart: c.chart, heading: `${c.chart} (${c.letter})`, text: renderAscii(model, { chart: c.chart }) }));
    return diagram(parts);
  }
  const parts = renderMermaidParts(model, {
    view,
    ...(chart !== undefined && { chart }),
    ...(options.titles !== false && { source: caption }),
    ...(options.collapseRepeats && { collapseRepeats: true }),
  });
  const chars = parts.reduce((sum, part) => sum + part.text.length, 0);
  if (chars > maxChars) throw new DiagramTooLarge(chars, maxChars, `${parts.length} Mermaid parts`);
  return diagram(parts);
}

/** The system view of the items that involve one chart. */
function systemOf(model: SequenceModel, chart: string): SequenceModel {
  const items = model.system.items.filter((item) => (item.type === 'state' ? item.chart === chart : item.from === chart || item.to.includes(chart)));
  const involved = new Set(items.flatMap((item) => (item.type === 'state' ? [item.chart] : [item.from, ...item.to])));
  return { charts: model.charts, system: { lifelines: model.system.lifelines.filter((l) => involved.has(l)), items } };
}
