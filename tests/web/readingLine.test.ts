/**
 * The virtual sequence view's reading line (issue 10: scrolling the diagram
 * moves the cursor, and the cursor is followed): the row put on the middle
 * line by following it is the row scrolling finds there, so the two never
 * fight — also for runs taller than a browser can draw, which scroll scaled.
 */
import { describe, expect, it } from 'vitest';
import { handScroll, MAX_BODY_PX, rowAtScroll, scrollGeometry, scrollTopOfRow } from '../../web/src/panels/sequence/readingLine.ts';

const ROW = 26;

describe('the reading line', () => {
  it('pads half a view above the first row and below the last, one scroll pixel per row pixel', () => {
    expect([scrollGeometry(100_000, ROW, 400), scrollGeometry(3, ROW, 0)]).toEqual([
      { pad: 187, bodyHeight: 2 * 187 + 100_000 * ROW, ratio: 1 },
      { pad: 0, bodyHeight: 3 * ROW, ratio: 1 },
    ]);
  });

  it('keeps a run taller than the browser draws within MAX_BODY_PX, scrolling it scaled', () => {
    const g = scrollGeometry(5_000_000, ROW, 400);
    expect([g.bodyHeight, g.ratio > 16 && g.ratio < 17]).toEqual([MAX_BODY_PX, true]);
  });

  for (const rows of [1, 2, 3_000, 100_000, 5_000_000]) {
    it(`finds on the middle line the row following put there (${rows.toLocaleString('en-US')} rows)`, () => {
      const g = scrollGeometry(rows, ROW, 400);
      const probes = [0, 1, Math.floor(rows / 3), rows - 2, rows - 1].filter((r) => r >= 0 && r < rows);
      // Browsers keep whole (or device) pixels of scrollTop: rounded as they would.
      expect(probes.map((row) => rowAtScroll(Math.round(scrollTopOfRow(row, ROW, g)), rows, ROW, g))).toEqual(probes);
    });
  }

  it('clamps scroll positions past either end to the first and last row', () => {
    const g = scrollGeometry(10, ROW, 400);
    expect([rowAtScroll(-50, 10, ROW, g), rowAtScroll(10_000, 10, ROW, g)]).toEqual([0, 9]);
  });

  it('a scroll by hand seeks to the row it brings to the line; on a live run the last row follows live again', () => {
    // (middle, cursor's row, rows, live)
    expect([handScroll(40, 40, 50, true), handScroll(49, 49, 50, true)]).toEqual(['stay', 'stay']);
    expect([handScroll(37, 49, 50, true), handScroll(37, 20, 50, false)]).toEqual(['seek', 'seek']);
    expect([handScroll(49, 37, 50, true), handScroll(49, 37, 50, false)]).toEqual(['follow', 'seek']);
  });
});
