/**
 * A diagram's parts as files, framed the same way by the dashboard's
 * exports, `miroscope sequence` and `GET …/diagram`:
 *
 *   ascii         the source line, a blank line, then the charts' drawings
 *                 one after another (blank line between)
 *   ascii-compat  the `sequence` tool's bytes, nothing added
 *   mermaid       one part: that Mermaid text as it is (a valid .mmd);
 *                 several: Markdown, a heading for the source and one per
 *                 part, each part in its own ```mermaid block — Mermaid
 *                 reads one diagram per text, so two `sequenceDiagram`s in
 *                 one stream would be rejected
 *
 * diagramFiles gives one standalone file per part instead (`--out DIR`).
 */
import type { Diagram } from './renderDiagram.ts';

export interface DiagramDocument {
  text: string;
  /** True when Mermaid parts were framed as Markdown (save as .md). */
  markdown: boolean;
}

export function diagramDocument(diagram: Diagram): DiagramDocument {
  const { parts, format, caption } = diagram;
  if (parts.length === 0) return { text: '', markdown: false };
  if (format === 'ascii-compat') return { text: parts[0]!.text, markdown: false };
  if (format === 'ascii') return { text: `${asciiCaption(caption)}${parts.map((p) => p.text).join('\n')}`, markdown: false };
  if (parts.length === 1) return { text: parts[0]!.text, markdown: false };
  const blocks = parts.map((part) => `## ${markdownText(part.heading)}\n\n\`\`\`mermaid\n${part.text}\`\`\`\n`);
  const title = caption === '' ? 'Sequence diagrams' : markdownText(caption);
  return { text: `# ${title}\n\n${blocks.join('\n')}`, markdown: true };
}

export interface DiagramFile {
  /** A file name without directory: `01-04ccc_ao.mmd`, `01-system_view.txt`. */
  name: string;
  text: string;
}

/** One standalone file per part: Mermaid parts carry their title, ASCII parts get the source line. */
export function diagramFiles(diagram: Diagram): DiagramFile[] {
  const extension = diagram.format === 'mermaid' ? 'mmd' : 'txt';
  const width = String(diagram.parts.length).length;
  return diagram.parts.map((part, k) => {
    const name = `${String(k + 1).padStart(Math.max(2, width), '0')}-${safeName(part.heading)}.${extension}`;
    const text = diagram.format === 'ascii' ? `${asciiCaption(diagram.caption)}${part.text}` : part.text;
    return { name, text };
  });
}

function asciiCaption(caption: string): string {
  return caption === '' ? '' : `${caption}\n\n`;
}

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+|_+$/g, '').slice(0, 80) || 'diagram';
}

/** Headings are plain text: no control characters, and the Markdown characters that would change them escaped. */
function markdownText(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, ' ').replace(/([\\`*[\]<>])/g, '\\$1');
}
