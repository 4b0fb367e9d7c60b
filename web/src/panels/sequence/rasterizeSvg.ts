/**
 * SVG text → PNG, by drawing the SVG as an image on a canvas. The SVG must
 * be self-contained (no external resources, no foreignObject), or the
 * canvas is tainted and refuses to export; the Mermaid setup guarantees that.
 */
export async function rasterizeSvg(svgText: string, scale = 2, background: string | null = null): Promise<Blob> {
  const { width, height } = svgSize(svgText);
  const sized = withSize(svgText, width, height);
  const url = URL.createObjectURL(new Blob([sized], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the SVG could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.ceil(width * scale));
    canvas.height = Math.max(1, Math.ceil(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas available');
    if (background) {
      context.fillStyle = background;
      context.fillRect(0, 0, canvas.width, canvas.height);
    }
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Width and height of an SVG from its viewBox (Mermaid sizes its SVGs by style, not attributes). */
export function svgSize(svgText: string): { width: number; height: number } {
  const root = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
  const box = root.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
  if (box && box.length === 4 && box.every(Number.isFinite)) return { width: box[2]!, height: box[3]! };
  return { width: Number.parseFloat(root.getAttribute('width') ?? '800') || 800, height: Number.parseFloat(root.getAttribute('height') ?? '600') || 600 };
}

function withSize(svgText: string, width: number, height: number): string {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = doc.documentElement;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.removeAttribute('style');
  return new XMLSerializer().serializeToString(doc);
}
