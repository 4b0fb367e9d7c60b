/**
 * Mermaid's own parser, run in Node. Parsing needs no DOM, except that
 * Mermaid passes a diagram `title` through DOMPurify, which in Node (no
 * window) comes without `sanitize` and `addHook`. The sanitizer is the far
 * side here (the browser's DOM): it is replaced by the identity, and the
 * grammar that accepts or rejects our text is Mermaid's, untouched.
 */
import DOMPurify from 'dompurify';
import mermaid from 'mermaid';

const purify = DOMPurify as unknown as { sanitize?: unknown; addHook?: unknown };
if (typeof purify.sanitize !== 'function') Object.assign(purify, { sanitize: (text: string) => text, addHook: () => {} });

/** Resolves when Mermaid accepts the text; rejects with its parse error otherwise. */
export async function parseMermaid(text: string): Promise<void> {
  await mermaid.parse(text);
}

/** The title Mermaid read from a diagram (entity placeholders undone). */
export async function mermaidTitleOf(text: string): Promise<string> {
  // parse() registers the diagram types on first use.
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  return (diagram.db as unknown as { getDiagramTitle(): string }).getDiagramTitle();
}

/** The ```mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}
