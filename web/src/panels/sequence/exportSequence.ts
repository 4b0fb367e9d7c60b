/**
 * Builds the file for each export format over a window of the model.
 * The text formats come straight from the shared renderers; SVG renders
 * with Mermaid, PNG rasterizes that SVG.
 */
import type { SequenceModel } from '../../../../shared/sequence/SequenceModel.ts';
import { renderMermaid } from '../../../../shared/sequence/mermaid/renderMermaid.ts';
import { renderAscii } from '../../../../shared/sequence/ascii/renderAscii.ts';
import { renderAsciiCompat } from '../../../../shared/sequence/compat/renderAsciiCompat.ts';
import type { ExportFormat } from './exportFormats.ts';
import type { SequenceView } from './sequenceWindow.ts';
import { renderMermaidSvg } from './mermaidRenderer.ts';
import { stackSvgs } from './stackSvgs.ts';
import { rasterizeSvg } from './rasterizeSvg.ts';

export function mermaidParts(model: SequenceModel, view: SequenceView): string[] {
  if (view.kind === 'system') return renderMermaid(model, { view: 'system' });
  return renderMermaid(model, view.kind === 'chart' ? { view: 'chart', chart: view.chart } : { view: 'chart' });
}

/** Several Mermaid parts in one text file: one per fenced block, as Markdown renders them. */
export function mermaidFileText(parts: readonly string[]): { text: string; markdown: boolean } {
  if (parts.length === 1) return { text: `${parts[0]}\n`, markdown: false };
  return { text: parts.map((p) => `\`\`\`mermaid\n${p}\n\`\`\`\n`).join('\n'), markdown: true };
}

export interface ExportInput {
  format: ExportFormat;
  model: SequenceModel;
  view: SequenceView;
  /** For `ascii-compat`: the original lines of the same span (see compatInputText). */
  compatText: string;
}

export interface ExportOutput {
  blob: Blob;
  /** Notes worth showing (lines sequence.rb would lose …). */
  warnings: string[];
  /** True when Mermaid text came as several parts (saved as Markdown). */
  markdown: boolean;
}

export async function exportSequence({ format, model, view, compatText }: ExportInput): Promise<ExportOutput> {
  const chart = view.kind === 'chart' ? view.chart : undefined;
  switch (format) {
    case 'ascii':
      return text(renderAscii(model, chart === undefined ? {} : { chart }));
    case 'ascii-compat': {
      const { output, warnings } = renderAsciiCompat(compatText);
      return { ...text(output), warnings };
    }
    case 'mermaid': {
      const { text: body, markdown } = mermaidFileText(mermaidParts(model, view));
      return { ...text(body), markdown };
    }
    case 'svg':
    case 'png': {
      const parts = mermaidParts(model, view);
      if (parts.length === 0) throw new Error('nothing to draw in this range');
      const svgs: string[] = [];
      // Exports are drawn in the light theme: they end up in documents.
      for (const part of parts) svgs.push(await renderMermaidSvg(part, 'light'));
      const svg = stackSvgs(svgs);
      if (format === 'svg') return { blob: new Blob([svg], { type: 'image/svg+xml' }), warnings: [], markdown: false };
      return { blob: await rasterizeSvg(svg, 2, '#ffffff'), warnings: [], markdown: false };
    }
  }
}

function text(body: string): ExportOutput {
  return { blob: new Blob([body], { type: 'text/plain;charset=utf-8' }), warnings: [], markdown: false };
}
