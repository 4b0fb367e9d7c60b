/** The SVG of a laid-out chart; highlights come in as props, geometry never changes with them. */
import type { FlatLayout } from './flattenLayout.ts';

interface Props {
  layout: FlatLayout;
  /** The current state and its ancestors. */
  active: readonly string[];
  currentState: string | null;
  lastEdge: string | null;
}

const MARGIN = 12;
/** Small charts may be drawn larger than their layout, up to this factor. */
const MAX_SCALE = 1.3;

export function StatechartDrawing({ layout, active, currentState, lastEdge }: Props) {
  const { width, height } = layout;
  return (
    <div className="statechart-scroll">
      <svg
        className="statechart-svg"
        data-testid="statechart-svg"
        viewBox={`${-MARGIN} ${-MARGIN} ${width + 2 * MARGIN} ${height + 2 * MARGIN}`}
        style={{ maxWidth: (width + 2 * MARGIN) * MAX_SCALE }}
        preserveAspectRatio="xMidYMin meet"
      >
        <defs>
          <marker id="sc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="sc-arrowhead" />
          </marker>
          <marker id="sc-arrow-last" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="sc-arrowhead last" />
          </marker>
        </defs>
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
        {layout.lines.map((l) => {
          const last = l.id === lastEdge;
          return (
            <g key={l.id} className={`sc-edge${last ? ' last' : ''}`} data-testid={last ? 'last-transition' : 'transition'} data-edge={l.id}>
              <polyline points={l.points.map((p) => `${p.x},${p.y}`).join(' ')} markerEnd={`url(#${last ? 'sc-arrow-last' : 'sc-arrow'})`} />
              {l.label && (
                <text x={l.label.x} y={l.label.y + 10} className="sc-edge-label">
                  {l.label.text}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
