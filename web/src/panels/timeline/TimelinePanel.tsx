/**
 * Replay controls: play/pause, step, speed, a track to seek on, and a range
 * (shift-drag on the track, or `[` / `]` at the cursor) that the sequence
 * panel and its exports use.
 */
import { useRef, type PointerEvent } from 'react';
import { useCursor } from '../../panelApi/useCursor.ts';
import { usePlayback } from '../../panelApi/usePlayback.ts';
import { useRange } from '../../panelApi/useSelection.ts';
import { useRecords } from '../../panelApi/useRecords.ts';
import { clockLabel, fractionOf, positionAt, rangeBetween, SPEEDS } from './timelineScale.ts';
import { referenceTime } from '../charts/summarizeCharts.ts';
import { Icon } from '../../ui/Icon.tsx';
import './TimelinePanel.css';

export default function TimelinePanel() {
  const cursor = useCursor();
  const playback = usePlayback();
  const [range, setRange] = useRange();
  const track = useRef<HTMLDivElement>(null);
  const drag = useRef<{ anchor: number; selecting: boolean } | null>(null);
  const time = useRecords(({ log, end }) => referenceTime(log, end, 'time'));
  const { length, position } = cursor;
  const canSeek = playback.capabilities.seek;

  const positionOfEvent = (event: PointerEvent) => {
    const box = track.current!.getBoundingClientRect();
    return positionAt((event.clientX - box.left) / box.width, length);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (length === 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const p = positionOfEvent(event);
    drag.current = { anchor: p, selecting: event.shiftKey };
    if (!event.shiftKey) cursor.seek(p);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const p = positionOfEvent(event);
    if (d.selecting) setRange(rangeBetween(d.anchor, p));
    else cursor.seek(p);
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-buttons">
        <button type="button" title="Start (Home)" aria-label="Start" onClick={() => cursor.seek(0)} disabled={length === 0}>
          <Icon name="start" />
        </button>
        <button type="button" title="Step back (←)" aria-label="Step back" data-testid="step-back" onClick={() => cursor.step(-1)} disabled={position === 0}>
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="play"
          data-testid="play-pause"
          title="Play / pause (space)"
          aria-label={playback.playing ? 'Pause' : 'Play'}
          onClick={playback.togglePlay}
          disabled={!playback.capabilities.play || length === 0}
        >
          <Icon name={playback.playing ? 'pause' : 'play'} />
        </button>
        <button type="button" title="Step forward (→)" aria-label="Step forward" data-testid="step-forward" onClick={() => cursor.step(1)} disabled={position >= length}>
          <Icon name="forward" />
        </button>
        <button type="button" title="Latest (End)" aria-label="Latest" onClick={cursor.goLatest} disabled={cursor.following}>
          <Icon name="end" />
        </button>
        <select
          aria-label="Speed"
          data-testid="speed"
          value={String(playback.speed)}
          disabled={!playback.capabilities.speed}
          onChange={(e) => playback.setSpeed(e.target.value === 'max' ? 'max' : Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s}×
            </option>
          ))}
          <option value="max">max</option>
        </select>
      </div>
      <div
        className={`timeline-track${canSeek ? '' : ' pinned'}`}
        ref={track}
        data-testid="timeline-track"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        role="slider"
        aria-label="Cursor"
        aria-valuemin={0}
        aria-valuemax={length}
        aria-valuenow={position}
        tabIndex={-1}
      >
        {range && (
          <div
            className="timeline-range"
            data-testid="timeline-range"
            style={{ left: `${fractionOf(range.from, length) * 100}%`, width: `${(fractionOf(range.to, length) - fractionOf(range.from, length)) * 100}%` }}
          />
        )}
        <div className="timeline-played" style={{ width: `${fractionOf(position, length) * 100}%` }} />
        <div className="timeline-head" style={{ left: `${fractionOf(position, length) * 100}%` }} />
      </div>
      <div className="timeline-readout" data-testid="timeline-readout">
        <span data-testid="cursor-position">{position.toLocaleString('en-US')}</span>
        <span className="dim"> / {length.toLocaleString('en-US')}</span>
        <span className="time">{clockLabel(time)}</span>
        {range && (
          <button type="button" className="link" onClick={() => setRange(null)} title="Clear the range (Esc)">
            range {range.from + 1}–{range.to} ✕
          </button>
        )}
      </div>
    </div>
  );
}
