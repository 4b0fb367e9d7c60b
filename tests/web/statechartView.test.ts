import { describe, expect, it } from 'vitest';
import { clampPan, fitView, panBy, readableScale, reveal, VIEW_MARGIN, zoomAt, type ScaleLimits } from '../../web/src/panels/statechart/viewTransform.ts';
import { LOOP_LABEL_GAP, LOOP_REACH, loopSide, selfLoop } from '../../web/src/panels/statechart/selfLoop.ts';

const limits: ScaleLimits = { min: 1, max: 3 };

describe('fitting the statechart to its panel', () => {
  it('scales a small chart up to fill the panel in the tighter direction and centres it in the other', () => {
    const v = fitView({ width: 200, height: 100 }, { width: 824, height: 824 }, limits);
    // (824 - 2·12) / 200 = 4, more than max 3 → 3; the chart is 600×300, centred.
    expect(v).toEqual({ scale: 3, x: 112, y: 262 });
    const tall = fitView({ width: 100, height: 400 }, { width: 800, height: 424 }, limits);
    expect(tall).toEqual({ scale: 1, x: 350, y: 12 });
  });

  it('uses the height too: a wide panel does not scale a tall chart past it', () => {
    const v = fitView({ width: 100, height: 200 }, { width: 1000, height: 424 }, limits);
    expect(v.scale).toBe(2);
    expect(v.y).toBe(12);
    expect(v.x).toBe(400);
  });

  it('keeps the readable size when fitting would shrink the labels, starting at the top-left', () => {
    const v = fitView({ width: 1600, height: 900 }, { width: 700, height: 400 }, limits);
    expect(v).toEqual({ scale: 1, x: VIEW_MARGIN, y: VIEW_MARGIN });
  });

  it('takes the readable scale from the log\'s text size', () => {
    expect(readableScale(12, 12)).toBe(1);
    expect(readableScale(10, 12)).toBeCloseTo(1.2);
    expect(readableScale(0, 12)).toBe(1);
  });
});

describe('zooming and panning', () => {
  const content = { width: 400, height: 300 };
  const viewport = { width: 600, height: 500 };

  it('zooms about the cursor, keeping the point under it in place', () => {
    const v = zoomAt({ scale: 1, x: 100, y: 100 }, 2, { x: 300, y: 250 }, limits, content, viewport);
    expect(v.scale).toBe(2);
    // content point under the cursor: ((300-100)/1, (250-100)/1) = (200, 150) → still at (300, 250)
    expect([200 * v.scale + v.x, 150 * v.scale + v.y]).toEqual([300, 250]);
  });

  it('clamps the zoom between readable and the maximum', () => {
    const start = { scale: 1.5, x: 12, y: 12 };
    expect(zoomAt(start, 0.1, { x: 0, y: 0 }, limits, content, viewport).scale).toBe(1);
    expect(zoomAt(start, 100, { x: 0, y: 0 }, limits, content, viewport).scale).toBe(3);
  });

  it('pans a large chart only until its far edge meets the panel, and keeps a small one inside', () => {
    const big = { scale: 2, x: 12, y: 12 }; // 800×600 in a 600×500 panel
    expect(panBy(big, -1000, -1000, content, viewport)).toEqual({ scale: 2, x: 600 - 800 - VIEW_MARGIN, y: 500 - 600 - VIEW_MARGIN });
    expect(panBy(big, 500, 500, content, viewport)).toEqual({ scale: 2, x: VIEW_MARGIN, y: VIEW_MARGIN });
    expect(clampPan({ scale: 1, x: 500, y: -50 }, content, viewport)).toEqual({ scale: 1, x: 600 - 400 - VIEW_MARGIN, y: VIEW_MARGIN });
  });
});

describe('self-transition loops', () => {
  const box = { x: 100, y: 50, width: 90, height: 32 };

  it('draws a loop that leaves and re-enters the box on ELK\'s side and reaches well out of it', () => {
    const right = selfLoop(box, 'right');
    const left = selfLoop(box, 'left');
    expect(right.path.startsWith('M190,') && right.path.endsWith('190,74')).toBe(true);
    expect(left.path.startsWith('M100,') && left.path.endsWith('100,74')).toBe(true);
    // The control points lie 4/3 of the reach out, so the curve bulges LOOP_REACH.
    expect(right.path).toContain(`C${Math.round((190 + (LOOP_REACH * 4) / 3) * 10) / 10},`);
    expect(right.label).toEqual({ x: 190 + LOOP_REACH + LOOP_LABEL_GAP, y: 70, anchor: 'start' });
    expect(left.label).toEqual({ x: 100 - LOOP_REACH - LOOP_LABEL_GAP, y: 70, anchor: 'end' });
  });

  it('stays by the name of a tall compound state', () => {
    const tall = selfLoop({ x: 0, y: 0, width: 300, height: 400 }, 'right');
    expect(tall.path).toBe('M300,10 C334.7,0.4 334.7,35.6 300,26');
  });

  it('follows the side ELK routed the loop on', () => {
    expect([loopSide(box, 90), loopSide(box, 200), loopSide(box, undefined)]).toEqual(['left', 'right', 'right']);
  });
});

describe('revealing the current state', () => {
  const content = { width: 1000, height: 300 };
  const viewport = { width: 500, height: 400 };

  it('pans a chart wider than its panel just enough to show the state', () => {
    const start = { scale: 1, x: VIEW_MARGIN, y: 50 };
    // A box at x 800..900: its right edge goes to 500 - 12.
    expect(reveal(start, { x: 800, y: 100, width: 100, height: 32 }, content, viewport)).toEqual({ scale: 1, x: 488 - 900, y: 50 });
  });

  it('leaves the view alone when the state is already in sight', () => {
    const start = { scale: 1, x: VIEW_MARGIN, y: 50 };
    expect(reveal(start, { x: 100, y: 100, width: 100, height: 32 }, content, viewport)).toEqual(start);
  });
});
