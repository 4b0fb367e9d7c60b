/**
 * The sequence diagram drawn by us, not Mermaid, for runs Mermaid cannot
 * draw in time (see SequencePanel): one fixed-height row per numbered item
 * (virtualRows.ts), and only the rows in view (plus a few) in the DOM, so
 * 100,000 messages scroll as fast as 100.
 *
 * Reading line (readingLine.ts): the row at the cursor sits in the middle
 * of the view (half a view of padding above the first row and below the
 * last lets every row get there). Following the cursor scrolls it there; scrolling by hand
 * moves the cursor to whatever row reaches the middle (one seek per frame
 * at most; on a live run, reaching the last row follows live again), and a
 * click on a row moves the cursor to it.
 *
 *   ┌ sticky header: chart groups, lane names ┐
 *   │  pad (half a view)                      │
 *   │  row 0 … row k   ◀── middle = cursor    │   only [first, last) drawn
 *   │  pad                                    │
 *   └─────────────────────────────────────────┘
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type ReactElement } from 'react';
import {
  extraReceivers,
  isNumbered,
  rowAtSeq,
  rowLabel,
  ROW_INFERRED,
  ROW_NOTE,
  ROW_SELF,
  ROW_UNRECEIVED,
  visibleRows,
  type VirtualRows,
} from './virtualRows.ts';
import { handScroll, rowAtScroll, scrollGeometry, scrollTopOfRow } from './readingLine.ts';

/** Row height and font size in px: text never below 11 px (issue 10). */
export const ROW_HEIGHT = 26;
const FONT_PX = 12;
const CHAR_PX = 7.2;
/** Rows drawn beyond each edge, so a fast scroll shows rows before React catches up. */
const OVERSCAN = 8;
/** Left margin of the drawing, in px. */
const X0 = 12;

export interface VirtualSequenceProps {
  rows: VirtualRows;
  /** The cursor: records [0, position) are shown, the last of them has `cursorSeq` (-Infinity: none). */
  position: number;
  cursorSeq: number;
  /** The cursor position that shows a row's record (and everything before it). */
  positionOfRow(row: number): number;
  seek(position: number): void;
  /** On a live run: back to following it, when a scroll by hand reaches the last row (see handScroll). */
  followLive?: () => void;
  colors: ReadonlyMap<string, string>;
}

/** Text cut to a width, with "…". */
function fit(text: string, px: number): string {
  const max = Math.max(4, Math.floor(px / CHAR_PX));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function VirtualSequence({ rows, position, cursorSeq, positionOfRow, seek, followLive, colors }: VirtualSequenceProps) {
  const markerId = `vseq-head-${useId().replace(/:/g, '')}`;
  const boxRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(0);
  // The row this view moved the cursor to (by scroll or click) in these rows, and whether to bring it to the middle.
  const own = useRef<{ rows: VirtualRows; row: number; position: number; scroll: boolean } | null>(null);
  // A scrollTop we set ourselves: its scroll event must not seek (no loop with following).
  const programmatic = useRef(-1);
  const frame = useRef(0);

  const laneOf = useMemo(() => new Map(rows.lanes.map((name, k) => [name, k])), [rows]);
  const mine = own.current !== null && own.current.rows === rows && own.current.position === position;
  const current = mine ? own.current!.row : rowAtSeq(rows, cursorSeq);
  const currentRef = useRef(current);
  currentRef.current = current;
  const geometry = scrollGeometry(rows.count, ROW_HEIGHT, viewHeight);
  const { pad } = geometry;

  useLayoutEffect(() => {
    const box = boxRef.current!;
    const measure = () => setViewHeight(Math.max(0, box.clientHeight - (headerRef.current?.offsetHeight ?? 0)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  // Follow the cursor: its row to the middle, unless this view put the cursor there by scrolling.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box || viewHeight === 0) return;
    if (mine && !own.current!.scroll) return;
    const target = scrollTopOfRow(current, ROW_HEIGHT, geometry);
    if (Math.abs(box.scrollTop - target) < 1) return;
    programmatic.current = target;
    box.scrollTop = target;
    setScrollTop(box.scrollTop);
    // `geometry` follows from rows and viewHeight.
  }, [current, rows, viewHeight, mine]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const box = boxRef.current;
      if (!box) return;
      const top = box.scrollTop;
      setScrollTop(top);
      const ours = Math.abs(top - programmatic.current) < 1;
      programmatic.current = -1;
      if (ours || rows.count === 0) return;
      const middle = rowAtScroll(top, rows.count, ROW_HEIGHT, geometry);
      const intent = handScroll(middle, currentRef.current, rows.count, followLive !== undefined);
      if (intent === 'stay') return;
      if (intent === 'follow') {
        own.current = null;
        followLive!();
        return;
      }
      const at = positionOfRow(middle);
      own.current = { rows, row: middle, position: at, scroll: false };
      seek(at);
    });
  };

  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    const hit = (event.target as Element).closest('[data-row]');
    if (!hit) return;
    const row = Number(hit.getAttribute('data-row'));
    const at = positionOfRow(row);
    own.current = { rows, row, position: at, scroll: true };
    seek(at);
  };

  // Rows are placed from the scroll position, not at fixed offsets, so a run taller than the body can hold still scrolls (see readingLine).
  const rowsTop = scrollTop * geometry.ratio;
  const { first, last } = visibleRows(rowsTop - pad, viewHeight, ROW_HEIGHT, rows.count, OVERSCAN);
  const svgTop = Math.max(0, scrollTop - OVERSCAN * ROW_HEIGHT);
  const svgHeight = viewHeight + 2 * OVERSCAN * ROW_HEIGHT;
  const width = rows.width + 2 * X0;
  const y = (row: number) => scrollTop + pad + row * ROW_HEIGHT - rowsTop - svgTop;
  const lineTop = Math.max(0, y(0));
  const lineBottom = Math.min(svgHeight, y(rows.count));
  const laneColor = (lane: number) => colors.get(rows.lanes[lane]!) ?? 'var(--fg-dim)';
  const groupColor = (lane: number) => {
    const group = rows.groups.find((g) => lane >= g.first && lane <= g.last);
    return group?.chart ? (colors.get(group.chart) ?? 'var(--fg-dim)') : laneColor(lane);
  };
  const system = rows.groups.length === 1 && rows.groups[0]!.chart === null;
  const lx = (lane: number) => X0 + rows.laneX[lane]!;

  const drawn: ReactElement[] = [];
  for (let row = first; row < last; row += 1) {
    const kind = rows.kind[row]!;
    const from = rows.from[row]!;
    const to = rows.to[row]!;
    const mid = y(row) + ROW_HEIGHT / 2;
    const label = rowLabel(rows, row);
    const color = system ? laneColor(from) : groupColor(from);
    const state = row === current ? ' current' : row > current ? ' future' : '';
    const shapes: ReactElement[] = [];
    let text: ReactElement;
    if (kind === ROW_NOTE || kind === ROW_UNRECEIVED) {
      const w = Math.min(2 * rows.laneWidth - 8, label.length * CHAR_PX + 12);
      const cx = kind === ROW_NOTE ? lx(from) : lx(from) + w / 2 + 6;
      shapes.push(<rect key="n" className="vseq-note" x={cx - w / 2} y={mid - ROW_HEIGHT / 2 + 3} width={w} height={ROW_HEIGHT - 6} rx={3} style={{ stroke: color }} />);
      text = (
        <text className="vseq-label" x={cx} y={mid + 4} textAnchor="middle">
          {fit(label, w - 8)}
        </text>
      );
    } else if (kind === ROW_SELF) {
      const x = lx(from);
      shapes.push(<path key="s" className="vseq-arrow" d={`M${x},${mid - 6} h16 v12 h-14`} style={{ stroke: color }} markerEnd={`url(#${markerId})`} />);
      text = (
        <text className="vseq-label" x={x + 22} y={mid + 4}>
          {fit(label, rows.laneWidth - 30)}
        </text>
      );
    } else {
      const lanes = [to, ...extraReceivers(rows, row, laneOf)];
      const x1 = lx(from);
      const far = lanes.reduce((f, lane) => (Math.abs(lx(lane) - x1) > Math.abs(f - x1) ? lx(lane) : f), lx(to));
      const dashed = kind === ROW_INFERRED ? ' dashed' : '';
      shapes.push(<line key="l" className={`vseq-arrow${dashed}`} x1={x1} x2={far} y1={mid + 5} y2={mid + 5} style={{ stroke: color }} />);
      for (const lane of lanes) {
        const x = lx(lane);
        const dir = x >= x1 ? -1 : 1;
        shapes.push(<path key={`h${lane}`} className="vseq-head" d={`M${x},${mid + 5} l${dir * 8},-4 v8 z`} style={{ fill: color }} />);
      }
      const span = Math.max(Math.abs(far - x1), rows.laneWidth) - 12;
      text = (
        <text className={`vseq-label${kind === ROW_INFERRED ? ' inferred' : ''}`} x={(x1 + far) / 2} y={mid} textAnchor="middle">
          {fit(label, span)}
        </text>
      );
    }
    drawn.push(
      <g key={row} className={`vseq-row${state}`} data-row={row} data-n={isNumbered(rows, row) ? rows.n[row] : undefined} data-inferred={kind === ROW_INFERRED || undefined}>
        <rect className="vseq-hit" x={0} y={y(row)} width={width} height={ROW_HEIGHT} />
        {shapes}
        <title>{label}</title>
        {text}
      </g>,
    );
  }

  return (
    <div ref={boxRef} className="vseq-scroll" data-testid="sequence-virtual" data-rows={rows.count} data-current-row={current} onScroll={onScroll}>
      <div ref={headerRef} className="vseq-header" style={{ width }}>
        <div className="vseq-groups">
          {rows.groups.map((g) => (
            <div
              key={g.heading}
              className="vseq-group"
              data-testid="sequence-caption"
              data-chart={g.chart ?? ''}
              style={{ left: X0 + rows.laneX[g.first]! - rows.laneWidth / 2, width: (g.last - g.first + 1) * rows.laneWidth }}
            >
              {g.chart && <span className="swatch" style={{ background: colors.get(g.chart) }} />}
              {g.heading}
            </div>
          ))}
        </div>
        <div className="vseq-lanes">
          {rows.lanes.map((name, k) => (
            <div key={k} className="vseq-lane" title={name} style={{ left: lx(k) - rows.laneWidth / 2 + 4, width: rows.laneWidth - 8, borderColor: system ? laneColor(k) : groupColor(k) }}>
              {name}
            </div>
          ))}
        </div>
      </div>
      <div className="vseq-body" style={{ height: geometry.bodyHeight, width }}>
        <svg className="vseq-svg" width={width} height={svgHeight} style={{ top: svgTop, fontSize: FONT_PX }} onClick={onClick}>
          <defs>
            <marker id={markerId} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
              <path d="M0,0 L8,4 L0,8 z" className="vseq-marker" />
            </marker>
          </defs>
          {lineBottom > lineTop &&
            rows.lanes.map((_, k) => <line key={k} className="vseq-lifeline" x1={lx(k)} x2={lx(k)} y1={lineTop} y2={lineBottom} />)}
          {drawn}
        </svg>
      </div>
    </div>
  );
}
