/**
 * The output budget of an ASCII drawing. Every line of a diagram is as wide
 * as all its columns, so the text grows as steps × lifelines × column width:
 * a 188 KB log whose charts pass through many states, or with one long
 * payload, drew hundreds of megabytes and ran Node out of memory. The size
 * is known before drawing (lines × line width), so a drawing over budget is
 * refused before any of it is built, and the error carries the numbers the
 * message needs to tell the user how to narrow it.
 */

export class DiagramTooLarge extends Error {
  constructor(
    /** Characters the drawing would take. */
    readonly chars: number,
    /** The budget it exceeds. */
    readonly limit: number,
    /** What makes it large, e.g. `3,500 steps × 1,751 lifelines × 25 characters`. */
    readonly shape: string,
  ) {
    super(`the diagram would be ${megabytes(chars)} (${shape}), over the ${megabytes(limit)} limit`);
    this.name = 'DiagramTooLarge';
  }
}

export function megabytes(chars: number): string {
  const mb = chars / 2 ** 20;
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** Characters of one drawn chart: its lines times the width of a line of bars. */
export function drawingChars(rows: number, columns: number, width: number, indent: number): number {
  return (rows + 2) * (indent + Math.floor(width / 2) + Math.max(0, columns - 1) * width + 2);
}

/** Lines a step takes: 5 for a self transition, 2 for an arrow (see drawRowGroup). */
export function stepLines(from: number, to: number): number {
  return from === to ? 5 : 2;
}

/** Adds up drawings and throws once the total passes `limit`. */
export class DrawingBudget {
  #chars = 0;
  #steps = 0;
  #widest = { columns: 0, width: 0 };

  constructor(readonly limit: number = Number.POSITIVE_INFINITY) {}

  add(rows: number, steps: number, columns: number, width: number, indent: number): void {
    this.#chars += drawingChars(rows, columns, width, indent);
    this.#steps += steps;
    if (columns * width > this.#widest.columns * this.#widest.width) this.#widest = { columns, width };
  }

  check(): void {
    if (this.#chars <= this.limit) return;
    const n = (x: number) => x.toLocaleString('en-US');
    const shape = `${n(this.#steps)} steps, up to ${n(this.#widest.columns)} lifelines × ${n(this.#widest.width)} characters wide`;
    throw new DiagramTooLarge(this.#chars, this.limit, shape);
  }
}
