/**
 * Where the virtual sequence view scrolls (VirtualSequence.tsx): the row at
 * the cursor sits on the reading line, the middle of the view, and the
 * scroll position and the middle row map onto each other exactly, so
 * following the cursor and moving it by scrolling cannot disagree.
 *
 *   scrollTop = row × rowHeight / ratio   ⇄   row = ⌊(scrollTop × ratio + rowHeight/2) / rowHeight⌋
 *
 * Half a view of padding above the first row and below the last lets every
 * row reach the middle. Browsers stop drawing elements past ~33 M px (Chrome)
 * and 17.9 M px (Firefox), so past MAX_BODY_PX the body stays that tall and
 * a pixel of scroll moves `ratio` pixels of rows (more than 300,000 rows).
 */
export const MAX_BODY_PX = 8_000_000;

export interface ScrollGeometry {
  /** Space above the first row and below the last, in px. */
  pad: number;
  /** The scrolling body's height, in px. */
  bodyHeight: number;
  /** Row pixels per scroll pixel (1 unless the run is taller than MAX_BODY_PX). */
  ratio: number;
}

export function scrollGeometry(rows: number, rowHeight: number, viewHeight: number, maxBody = MAX_BODY_PX): ScrollGeometry {
  const pad = Math.max(0, Math.floor(viewHeight / 2 - rowHeight / 2));
  const full = rows * rowHeight;
  const shown = Math.max(rowHeight, Math.min(full, maxBody - 2 * pad));
  // Scroll range: (shown − rowHeight) px of scroll for (full − rowHeight) px of rows.
  const ratio = full > shown ? (full - rowHeight) / (shown - rowHeight) : 1;
  return { pad, bodyHeight: 2 * pad + shown, ratio };
}

/** The row on the reading line at a scroll position. */
export function rowAtScroll(scrollTop: number, rows: number, rowHeight: number, geometry: ScrollGeometry): number {
  const row = Math.floor((scrollTop * geometry.ratio + rowHeight / 2) / rowHeight);
  return Math.min(rows - 1, Math.max(0, row));
}

/** The scroll position that puts a row on the reading line. */
export function scrollTopOfRow(row: number, rowHeight: number, geometry: ScrollGeometry): number {
  return (Math.max(0, row) * rowHeight) / geometry.ratio;
}

/** What a scroll by hand does once it has brought a row to the reading line. */
export type HandScroll = 'stay' | 'seek' | 'follow';

/**
 * Nothing when the row is the cursor's already; on a live run the last row
 * means "follow live again" (new rows land below it, and a seek there would
 * pin the view the moment the next record arrives — as the log's list, the
 * view follows again once scrolled to its end); any other row takes the
 * cursor, which on a live run stops following.
 */
export function handScroll(middle: number, current: number, rows: number, live: boolean): HandScroll {
  if (middle === current) return 'stay';
  return live && middle === rows - 1 ? 'follow' : 'seek';
}
