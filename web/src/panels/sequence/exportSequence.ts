/**
 * Builds the file for each export format over a window of the model, with
 * the shared pipeline (shared/sequence/diagram) that `miroscope sequence`
 * and `GET …/diagram` use: same numbers, parts, captions and framing. SVG
 * renders each Mermaid part and stacks them, each under its heading and the
 * source line; PNG rasterizes that SVG.
 */
import type { SequenceModel } from '../../../../shared/sequence/SequenceModel.ts';
import { renderDiagram, type DiagramOptions, type DiagramPart } from '../../../../shared/sequence/diagram/renderDiagram.ts';
import { diagramDocument } from '../../../../shared/sequence/diagram/diagramDocument.ts';
import type { ExportFormat } from './exportFormats.ts';
import type { SequenceView } from './sequenceWindow.ts';
import { renderMermaidSvg } from './mermaidRenderer.ts';
import { stackSvgs, type CaptionedSvg } from './stackSvgs.ts';
import { rasterizeSvg } from './rasterizeSvg.ts';

/** The pipeline's view and chart for the panel's view. */
export function diagramView(view: SequenceView): Pick<DiagramOptions, 'view' | 'chart'> {
  if (view.kind === 'system') return { view: 'system' };
  return view.kind === 'chart' ? { view: 'chart', chart: view.chart } : { view: 'chart' };
}

/** What the panel draws: Mermaid parts without titles (the panel shows each part's heading itself). */
export function panelParts(model: SequenceModel, view: SequenceView, collapseRepeats = false): DiagramPart[] {
  return renderDiagram(model, { format: 'mermaid', ...diagramView(view), titles: false, ...(collapseRepeats && { collapseRepeats }) }).parts;
}

export interface ExportInput {
  format: ExportFormat;
  model: SequenceModel;
  view: SequenceView;
  /** The file or recording name, for the caption. */
  source: string;
  /** For `ascii-compat`: the original lines of the same span (see compatInputText). */
  compatText: string;
  /** Mermaid system view: repeated cycles drawn once with "×N", as on screen. */
  collapseRepeats?: boolean;
}

export interface ExportOutput {
  blob: Blob;
  /** Notes worth showing (lines sequence.rb would lose …). */
  warnings: string[];
  /** True when Mermaid text came as several parts (saved as Markdown). */
  markdown: boolean;
}

export async function exportSequence({ format, model, view, source, compatText, collapseRepeats }: ExportInput): Promise<ExportOutput> {
  const textFormat = format === 'svg' || format === 'png' ? 'mermaid' : format;
  // The sequence tool draws per chart only: its export of the system view is every chart's.
  const shape = format === 'ascii-compat' ? { view: 'chart' as const } : diagramView(view);
  const image = format === 'svg' || format === 'png';
  // Images get their captions from stackSvgs, not Mermaid's title (see there).
  const diagram = renderDiagram(model, {
    format: textFormat,
    ...shape,
    source,
    compatText,
    ...(image && { titles: false }),
    ...(collapseRepeats && { collapseRepeats }),
  });
  if (!image) {
    const { text, markdown } = diagramDocument(diagram);
    return { blob: new Blob([text], { type: 'text/plain;charset=utf-8' }), warnings: diagram.warnings, markdown };
  }
  if (diagram.parts.length === 0) throw new Error('nothing to draw in this range');
  const svgs: CaptionedSvg[] = [];
  // Exports are drawn in the light theme: they end up in documents.
  for (const part of diagram.parts) svgs.push({ svg: await renderMermaidSvg(part.text, 'light'), heading: part.heading, source: diagram.caption });
  const svg = stackSvgs(svgs);
  if (format === 'svg') return { blob: new Blob([svg], { type: 'image/svg+xml' }), warnings: [], markdown: false };
  return { blob: await rasterizeSvg(svg, 2, '#ffffff'), warnings: [], markdown: false };
}

/** The panel's Mermaid texts (kept for the web benchmark's hook). */
export function mermaidParts(model: SequenceModel, view: SequenceView): string[] {
  return panelParts(model, view).map((part) => part.text);
}
