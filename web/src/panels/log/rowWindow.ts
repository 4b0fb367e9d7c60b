/**
 * Which rows of a fixed-row-height list are on screen, for any number of
 * rows — O(rows shown), never O(rows).
 *
 * Hand-written instead of @tanstack/react-virtual because its measurement
 * cache is rebuilt from index 0 whenever the row count changes: with a
 * million rows that is a million objects per arriving batch. Log rows are
 * one line high, so no measuring is needed at all.
 *
 * Browsers cap an element's height (Chrome near 33.5 M px, Firefox near
 * 17.9 M px), so past MAX_SCROLL_HEIGHT the scrollbar is scaled: the
 * scrollable height stays at the cap and a scroll position maps to a
 * proportional place in the full list ("virtual top").
 *
 *   scrolled content (≤ cap)             full list (count × rowHeight)
 *   ┌──────────┐ scrollTop ─── × ratio ──▶ virtualTop ┌──────────┐
 *   │ viewport │                                       │ rows     │
 *   └──────────┘                                       └──────────┘
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface RowWindowInput {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewport: number;
  overscan?: number;
  maxHeight?: number;
}

export interface RowWindow {
  /** First row to render. */
  first: number;
  /** One past the last row to render. */
  last: number;
  /** Height of the scrolled content. */
  totalHeight: number;
  /** Where row `i` goes, in content coordinates. */
  top(i: number): number;
}

function geometry(count: number, rowHeight: number, viewport: number, maxHeight: number) {
  const full = count * rowHeight;
  const totalHeight = Math.min(full, maxHeight);
  // How far the list moves per pixel scrolled (1 unless scaled).
  const ratio = full > totalHeight && totalHeight > viewport ? (full - viewport) / (totalHeight - viewport) : 1;
  return { full, totalHeight, ratio };
}

export function rowWindow({ count, rowHeight, scrollTop, viewport, overscan = 10, maxHeight = MAX_SCROLL_HEIGHT }: RowWindowInput): RowWindow {
  const { full, totalHeight, ratio } = geometry(count, rowHeight, viewport, maxHeight);
  const virtualTop = Math.min(Math.max(0, scrollTop * ratio), Math.max(0, full - viewport));
  const first = Math.max(0, Math.floor(virtualTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((virtualTop + viewport) / rowHeight) + overscan);
  return { first, last, totalHeight, top: (i) => scrollTop + (i * rowHeight - virtualTop) };
}

/** The scrollTop that shows row `index` at the top or the bottom of the viewport. */
export function scrollTopFor(index: number, align: 'start' | 'end', input: Omit<RowWindowInput, 'scrollTop' | 'overscan'>): number {
  const { count, rowHeight, viewport } = input;
  const { full, totalHeight, ratio } = geometry(count, rowHeight, viewport, input.maxHeight ?? MAX_SCROLL_HEIGHT);
  const virtualTop = align === 'start' ? index * rowHeight : (index + 1) * rowHeight - viewport;
  const clamped = Math.min(Math.max(0, virtualTop), Math.max(0, full - viewport));
  return Math.round(Math.min(clamped / ratio, Math.max(0, totalHeight - viewport)));
}
