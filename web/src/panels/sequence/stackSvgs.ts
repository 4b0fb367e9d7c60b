/**
 * The SVGs of an export (one per chart, or per part) as one image, stacked
 * top to bottom, each under its caption: the chart (or "system view") in
 * bold and the source line (file, time span, numbers) below it — so an
 * exported image read on its own says what it shows. The captions are our
 * own text rather than Mermaid's `title`, which Mermaid draws from the
 * middle of the diagram rightwards and clips at its edge.
 */
import { svgSize } from './rasterizeSvg.ts';

const GAP = 24;
const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const HEADING_PX = 16;
const SOURCE_PX = 12;
const CAPTION_HEIGHT = HEADING_PX + SOURCE_PX + 16;

export interface CaptionedSvg {
  svg: string;
  /** `04ccc_ao (A)`, `system view · part 2 of 3`. */
  heading: string;
  /** `trace.log · 2018-05-04 09:23:28.954560 – 09:23:49.233582 · events 1–12`. */
  source: string;
}

/** A generous width for text (no layout engine here): wide glyphs take ~0.62 em. */
const textWidth = (text: string, px: number): number => Array.from(text).length * px * 0.62;

export function stackSvgs(items: readonly CaptionedSvg[]): string {
  const parser = new DOMParser();
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  const text = (content: string, x: number, y: number, px: number, bold: boolean, fill: string) => {
    const node = doc.createElementNS(SVG_NS, 'text');
    node.setAttribute('x', String(x));
    node.setAttribute('y', String(y));
    node.setAttribute('font-family', FONT);
    node.setAttribute('font-size', String(px));
    node.setAttribute('fill', fill);
    if (bold) node.setAttribute('font-weight', '600');
    node.setAttribute('data-caption', bold ? 'heading' : 'source');
    node.textContent = content;
    root.appendChild(node);
  };
  let y = 0;
  let width = 0;
  for (const item of items) {
    text(item.heading, 8, y + HEADING_PX + 4, HEADING_PX, true, '#111111');
    if (item.source !== '') text(item.source, 8, y + HEADING_PX + SOURCE_PX + 10, SOURCE_PX, false, '#555555');
    y += CAPTION_HEIGHT;
    const { width: w, height: h } = svgSize(item.svg);
    const part = doc.importNode(parser.parseFromString(item.svg, 'image/svg+xml').documentElement, true) as Element;
    part.setAttribute('x', '0');
    part.setAttribute('y', String(y));
    part.setAttribute('width', String(w));
    part.setAttribute('height', String(h));
    part.removeAttribute('style');
    root.appendChild(part);
    y += h + GAP;
    width = Math.max(width, w, 16 + textWidth(item.heading, HEADING_PX), 16 + textWidth(item.source, SOURCE_PX));
  }
  const height = Math.max(0, y - GAP);
  root.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${height}`);
  root.setAttribute('width', String(Math.ceil(width)));
  root.setAttribute('height', String(height));
  return new XMLSerializer().serializeToString(doc);
}
