/**
 * Where the records on screen sit in a recording too big to load whole
 * (RecordingWindowSource): a track over the whole recording to jump to any
 * moment, buttons to move by half a window, and which records are held.
 * Shown only while such a recording is open; the timeline below keeps
 * seeking within the window.
 */
import { useEffect, useState } from 'react';
import { useDashboard } from '../panelApi/DashboardContext.tsx';
import { useSourceStatus } from '../panelApi/useSourceStatus.ts';
import { RecordingWindowSource } from '../sources/RecordingWindowSource.ts';
import './RecordingWindowBar.css';

const number = (n: number) => n.toLocaleString('en-US');

function timeLabel(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString().slice(11, 19);
}

export function RecordingWindowBar() {
  const { session } = useDashboard();
  const { window } = useSourceStatus();
  const [value, setValue] = useState(0);
  const centre = window ? window.loadingAt ?? window.from + Math.floor(window.count / 2) : 0;
  useEffect(() => setValue(centre), [centre]);
  if (!window) return null;
  const source = session.current instanceof RecordingWindowSource ? session.current : null;
  const moveTo = (record: number) => source?.moveTo(record);
  const last = window.from + window.count;
  return (
    <div className="recording-window" data-testid="recording-window" data-from={window.from} data-count={window.count} data-loading={window.loadingAt ?? ''}>
      <span className="dim" title="This recording is too big to load whole: the panels hold a window of it">
        records {number(window.count === 0 ? 0 : window.from + 1)}–{number(last)} of {number(window.total)}
      </span>
      <button type="button" aria-label="Earlier window" disabled={window.from === 0} onClick={() => moveTo(window.from - window.count / 2)}>
        ◀
      </button>
      <span className="dim">{timeLabel(window.firstReceived)}</span>
      <input
        type="range"
        data-testid="recording-window-track"
        aria-label="Moment in the whole recording"
        min={0}
        max={Math.max(0, window.total - 1)}
        step={1}
        value={value}
        onChange={(e) => {
          const record = Number(e.target.value);
          setValue(record);
          moveTo(record);
        }}
      />
      <span className="dim">{timeLabel(window.lastReceived)}</span>
      <button type="button" aria-label="Later window" disabled={last >= window.total} onClick={() => moveTo(last + window.count / 2)}>
        ▶
      </button>
      {window.loadingAt !== null && <span className="dim" data-testid="recording-window-loading">loading record {number(window.loadingAt + 1)}…</span>}
    </div>
  );
}
