/**
 * Several SVGs (one per chart) as one image, stacked top to bottom — what
 * the "all charts" view exports as SVG or PNG.
 */
import { svgSize } from './rasterizeSvg.ts';

const GAP = 24;
const SVG_NS = 'http://www.w3.org/2000/svg';

export function stackSvgs(svgs: readonly string[]): string {
  if (svgs.length === 1) return svgs[0]!;
  const parser = new DOMParser();
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  let y = 0;
  let width = 0;
  for (const text of svgs) {
    const { width: w, height: h } = svgSize(text);
    const part = doc.importNode(parser.parseFromString(text, 'image/svg+xml').documentElement, true) as Element;
    part.setAttribute('x', '0');
    part.setAttribute('y', String(y));
    part.setAttribute('width', String(w));
    part.setAttribute('height', String(h));
    part.removeAttribute('style');
    root.appendChild(part);
    y += h + GAP;
    width = Math.max(width, w);
  }
  const height = Math.max(0, y - GAP);
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  return new XMLSerializer().serializeToString(doc);
}
