/**
 * Every record up to the cursor, virtualized (a million rows scroll like
 * ten), coloured per chart, narrowed by the filter query. The list follows
 * the newest row until the user scrolls up; "jump to latest" brings it back.
 * Clicking a row puts the cursor on that record. Meta records are left out
 * unless the "meta" toggle or a `kind:` filter asks for them (logRowFilter.ts).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useRecordsView } from '../../panelApi/useRecords.ts';
import { useCursor } from '../../panelApi/useCursor.ts';
import { useFilterText, useShowMeta } from '../../panelApi/useSelection.ts';
import { useLogRows } from '../../panelApi/useLogRows.ts';
import { useChartColors } from '../../panelApi/chartColor.ts';
import { FILTER_INPUT_ID } from '../../panelApi/filterInputId.ts';
import { compileLogQuery } from './compileLogQuery.ts';
import { logRowFilter } from './logRowFilter.ts';
import { followAfterScroll } from './followTail.ts';
import { useRowWindow } from './useRowWindow.ts';
import { LogRow } from './LogRow.tsx';
import './LogPanel.css';

const ROW_HEIGHT = 20;

export default function LogPanel() {
  const { log, end } = useRecordsView();
  const cursor = useCursor();
  const colors = useChartColors();
  // The store holds the query in force; the box may hold a draft that does not parse yet.
  const [query, setQuery] = useFilterText();
  const [draft, setDraft] = useState(query);
  const checked = useMemo(() => compileLogQuery(draft), [draft]);
  const applied = useMemo(() => compileLogQuery(query), [query]);

  // Typing re-filters after a short pause, and only with a query that parses.
  useEffect(() => {
    if (!checked.ok) return;
    const timer = setTimeout(() => setQuery(draft), 150);
    return () => clearTimeout(timer);
  }, [draft, checked, setQuery]);

  const [showMeta, setShowMeta] = useShowMeta();
  const filter = useMemo(() => logRowFilter(query, applied, showMeta), [query, applied, showMeta]);
  const { count, positionAt, filtered } = useLogRows(filter);

  const scroller = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const ownScroll = useRef(false);
  const lastTop = useRef(0);
  const rows = useRowWindow(scroller, count, ROW_HEIGHT);

  useLayoutEffect(() => {
    if (!following || count === 0) return;
    const top = rows.scrollToIndex(count - 1, 'end');
    // A scroll event follows only when the position moved (events are dispatched later, with the frame).
    ownScroll.current = top !== lastTop.current;
    lastTop.current = top;
  }, [following, count, rows.scrollToIndex]);

  const onScroll = () => {
    const el = scroller.current!;
    const byUser = !ownScroll.current;
    ownScroll.current = false;
    // Our own scroll: scrollToIndex already knows where it went (reading the element would force a layout).
    if (!byUser) return;
    setFollowing((f) => followAfterScroll(f, el, byUser, lastTop.current));
    lastTop.current = el.scrollTop;
    rows.onScroll();
  };

  const current = cursor.position - 1;
  return (
    <div className="panel-fill log-panel">
      <div className="panel-toolbar">
        <input
          id={FILTER_INPUT_ID}
          data-testid="log-filter"
          className={`log-filter${checked.ok ? '' : ' invalid'}`}
          placeholder='filter: chart:ao1 kind:trace signal:to_inner "text" /re/i   (/)'
          value={draft}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={!checked.ok}
        />
        <span className="dim log-count" data-testid="log-count">
          {filtered ? `${count.toLocaleString('en-US')} of ${end.toLocaleString('en-US')}` : `${end.toLocaleString('en-US')} records`}
        </span>
        <label className="dim log-meta-toggle" title="List meta records (connections, topologies, notes) too; a kind: filter decides for itself">
          <input type="checkbox" data-testid="log-show-meta" checked={showMeta} onChange={(e) => setShowMeta(e.target.checked)} /> meta
        </label>
        {!checked.ok && (
          <span className="error-text" data-testid="log-filter-error" title={`at ${checked.start + 1}–${checked.end}`}>
            {checked.error} (at {checked.start + 1})
          </span>
        )}
      </div>
      <div className="log-scroller" ref={scroller} onScroll={onScroll} data-testid="log-list">
        <div style={{ height: rows.totalHeight, position: 'relative' }}>
          {Array.from({ length: rows.last - rows.first }, (_, k) => {
            const index = rows.first + k;
            const position = positionAt(index);
            return (
              <LogRow
                key={position}
                record={log.at(position)}
                top={rows.top(index)}
                height={ROW_HEIGHT}
                color={colors}
                current={position === current}
                onSelect={() => cursor.seek(position + 1)}
              />
            );
          })}
        </div>
      </div>
      {!following && count > 0 && (
        <button
          type="button"
          className="jump-latest"
          data-testid="jump-latest"
          onClick={() => setFollowing(true)}
        >
          ↓ Jump to latest
        </button>
      )}
    </div>
  );
}
