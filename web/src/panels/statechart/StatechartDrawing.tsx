/**
 * The SVG of a laid-out chart in a viewport that fits it to the panel and
 * lets the user zoom (wheel, pinch, buttons) and pan (drag). Highlights
 * come in as props; geometry never changes with them. Labels are never
 * drawn smaller than the log's text (viewTransform.readableScale): a chart
 * too large for that is shown at the readable size and panned instead.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FlatLayout, Line } from './flattenLayout.ts';
import { loopSide, selfLoop } from './selfLoop.ts';
import { clampPan, fitView, panBy, readableScale, reveal, zoomAt, type ScaleLimits, type Size, type View } from './viewTransform.ts';
import { useElementSize } from './useElementSize.ts';

interface Props {
  layout: FlatLayout;
  /** The current state and its ancestors. */
  active: readonly string[];
  currentState: string | null;
  lastEdge: string | null;
  /** A new value (another chart) fits the drawing again even after the user zoomed. */
  fitKey: string;
}

/** Drawing units round the layout: room for a loop or arrowhead on its edge. */
const PAD = 10;
/** The smallest font in the drawing (StatechartPanel.css: states and transition labels). */
export const SMALLEST_FONT_PX = 12;
const MAX_SCALE = 3;
const BUTTON_STEP = 1.25;
/** Wheel zoom per pixel of scroll (a notch of about 100 px ≈ ×1.16). */
const WHEEL_RATE = 0.0015;

/** The log's text size (theme.css --font-small), the floor for any label on screen. */
function logFontPx(): number {
  const value = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--font-small'));
  return Number.isFinite(value) && value > 0 ? value : 12;
}

export function StatechartDrawing({ layout, active, currentState, lastEdge, fitKey }: Props) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(viewportRef);
  const content: Size = useMemo(() => ({ width: layout.width + 2 * PAD, height: layout.height + 2 * PAD }), [layout]);
  const limits: ScaleLimits = useMemo(() => ({ min: readableScale(SMALLEST_FONT_PX, logFontPx()), max: MAX_SCALE }), []);
  const [view, setView] = useState<View | null>(null);
  /** True once the user zoomed or panned: a grown layout or a resize then keeps their view. */
  const moved = useRef(false);
  const fittedFor = useRef(fitKey);

  // The current state's box in content coordinates: kept in sight until the
  // user moves the view (a chart shown at the readable floor may be larger
  // than the panel, and the current state should not be the part left out).
  const current = layout.boxes.find((b) => b.id === currentState);
  const currentBox = useMemo(
    () => (current ? { x: current.x + PAD, y: current.y + PAD, width: current.width, height: current.height } : null),
    [current],
  );
  const fitted = useCallback(
    (s: Size) => {
      const v = fitView(content, s, limits);
      return currentBox ? reveal(v, currentBox, content, s) : v;
    },
    [content, limits, currentBox],
  );

  useLayoutEffect(() => {
    if (!size) return;
    if (fittedFor.current !== fitKey) {
      fittedFor.current = fitKey;
      moved.current = false;
    }
    setView((v) => (v === null || !moved.current ? fitted(size) : clampPan(v, content, size)));
  }, [content, size, fitted, fitKey]);

  const fit = useCallback(() => {
    moved.current = false;
    if (size) setView(fitted(size));
  }, [size, fitted]);

  const zoomBy = useCallback(
    (factor: number, point?: { x: number; y: number }) => {
      if (!size) return;
      moved.current = true;
      setView((v) => v && zoomAt(v, factor, point ?? { x: size.width / 2, y: size.height / 2 }, limits, content, size));
    },
    [content, size, limits],
  );

  // Wheel and pinch (a ctrl+wheel in Chromium): a listener that may preventDefault, which React's onWheel cannot.
  useEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = element.getBoundingClientRect();
      const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      zoomBy(Math.exp(-delta * WHEEL_RATE * (e.ctrlKey ? 4 : 1)), { x: e.clientX - rect.left, y: e.clientY - rect.top });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [zoomBy]);

  const drag = useRef<{ id: number; x: number; y: number } | null>(null);
  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0 || (e.target as Element).closest('button')) return;
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId || !size) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    d.x = e.clientX;
    d.y = e.clientY;
    moved.current = true;
    setView((v) => v && panBy(v, dx, dy, content, size));
  };
  const onPointerUp = (e: React.PointerEvent) => {
    if (drag.current?.id === e.pointerId) drag.current = null;
  };

  const boxes = useMemo(() => new Map(layout.boxes.map((b) => [b.id, b])), [layout]);
  const scale = view?.scale ?? 1;

  return (
    <div
      className="statechart-viewport"
      ref={viewportRef}
      data-testid="statechart-viewport"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <div className="statechart-zoom" role="group" aria-label="Zoom">
        <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => zoomBy(1 / BUTTON_STEP)} disabled={scale <= limits.min + 1e-6}>
          −
        </button>
        <span className="dim" data-testid="statechart-zoom-level">
          {Math.round(scale * 100)}%
        </span>
        <button type="button" aria-label="Zoom in" title="Zoom in" onClick={() => zoomBy(BUTTON_STEP)} disabled={scale >= limits.max - 1e-6}>
          +
        </button>
        <button type="button" aria-label="Fit to panel" title="Fit to panel" data-testid="statechart-fit" onClick={fit}>
          fit
        </button>
      </div>
      <svg className="statechart-svg" data-testid="statechart-svg" data-scale={scale} width="100%" height="100%">
        <defs>
          <marker id="sc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="sc-arrowhead" />
          </marker>
          <marker id="sc-arrow-last" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="sc-arrowhead last" />
          </marker>
        </defs>
        {view && (
          <g transform={`translate(${view.x},${view.y}) scale(${view.scale}) translate(${PAD},${PAD})`}>
            {layout.boxes.map((b) =>
              b.initial ? (
                <circle key={b.id} cx={b.x + b.width / 2} cy={b.y + b.height / 2} r={b.width / 2} className="sc-initial" />
              ) : (
                <g
                  key={b.id}
                  data-testid="state-node"
                  data-state={b.id}
                  data-current={b.id === currentState ? 'true' : 'false'}
                  data-compound={b.compound ? 'true' : 'false'}
                  data-active={active.includes(b.id) ? 'true' : 'false'}
                  className={`sc-state${b.compound ? ' compound' : ''}${active.includes(b.id) ? ' active' : ''}${b.id === currentState ? ' current' : ''}`}
                >
                  <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={7} />
                  <text x={b.compound ? b.x + 10 : b.x + b.width / 2} y={b.compound ? b.y + 18 : b.y + b.height / 2 + 4} textAnchor={b.compound ? 'start' : 'middle'}>
                    {b.id}
                  </text>
                </g>
              ),
            )}
            {layout.lines.map((l) => (
              <Edge key={l.id} line={l} last={l.id === lastEdge} box={l.source === l.target ? boxes.get(l.source) : undefined} />
            ))}
          </g>
        )}
      </svg>
    </div>
  );
}

function Edge({ line, last, box }: { line: Line; last: boolean; box: FlatLayout['boxes'][number] | undefined }) {
  const marker = `url(#${last ? 'sc-arrow-last' : 'sc-arrow'})`;
  const testid = last ? 'last-transition' : 'transition';
  if (box) {
    // A self-transition: a loop beside the state, not ELK's 10 px stub.
    const loop = selfLoop(box, loopSide(box, line.points[1]?.x));
    return (
      <g className={`sc-edge self${last ? ' last' : ''}`} data-testid={testid} data-edge={line.id} data-self="true">
        <path d={loop.path} markerEnd={marker} />
        {line.label && (
          <text x={loop.label.x} y={loop.label.y} textAnchor={loop.label.anchor} className="sc-edge-label">
            {line.label.text}
          </text>
        )}
      </g>
    );
  }
  return (
    <g className={`sc-edge${last ? ' last' : ''}`} data-testid={testid} data-edge={line.id}>
      <polyline points={line.points.map((p) => `${p.x},${p.y}`).join(' ')} markerEnd={marker} />
      {line.label && (
        <text x={line.label.x} y={line.label.y + 12} className="sc-edge-label">
          {line.label.text}
        </text>
      )}
    </g>
  );
}
