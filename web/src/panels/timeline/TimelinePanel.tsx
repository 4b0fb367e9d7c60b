/**
 * Replay controls and the run at a glance: play/pause, step, speed; a track
 * scaled in time with one row of activity per chart (a canvas, see
 * timelineDensity.ts) and a time axis under it; click or drag to seek,
 * shift-drag (or `[` / `]` at the cursor) to choose the range the sequence
 * panel and its exports use.
 *
 * A live session's axis is the wall clock records arrived by (local time);
 * a replay's is the records' own stamps (read as UTC, as miros writes them
 * without a zone). A log without any time is laid out by record count.
 */
import { useLayoutEffect, useMemo, useRef, type PointerEvent } from 'react';
import { useCursor } from '../../panelApi/useCursor.ts';
import { usePlayback } from '../../panelApi/usePlayback.ts';
import { useRange } from '../../panelApi/useSelection.ts';
import { useTimeAxis } from '../../panelApi/useTimeAxis.ts';
import { useChartColors } from '../../panelApi/chartColor.ts';
import { fractionOfPosition, positionOfFraction, rangeBetween, SPEEDS, trackDomain } from './timelineScale.ts';
import { countTicks, localOffsetMs, tickLabel, timeTicks } from './niceTicks.ts';
import { densityEpoch, timelineDensity, type ActivityRow } from './timelineDensity.ts';
import { paintActivity } from './paintActivity.ts';
import { useElementWidth } from './useElementWidth.ts';
import { Icon } from '../../ui/Icon.tsx';
import './TimelinePanel.css';

/** Rows of activity before charts share the last one (the bar keeps its height). */
const MAX_ROWS = 8;
const TRACK_HEIGHT = 30;
/** Room per axis label, in CSS pixels. */
const TICK_SPACING = 90;

export default function TimelinePanel() {
  const cursor = useCursor();
  const playback = usePlayback();
  const [range, setRange] = useRange();
  const axis = useTimeAxis();
  const colors = useChartColors();
  const track = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ anchor: number; selecting: boolean } | null>(null);
  const width = useElementWidth(track);
  const { length, position } = cursor;
  const canSeek = playback.capabilities.seek;
  const domain = trackDomain(axis);
  const offset = axis.field === 'received' ? localOffsetMs(domain.t0) : 0;
  const fraction = (p: number) => fractionOfPosition(p, axis, domain);

  // Recomputed when the log grew noticeably or the track resized, not per record.
  const epoch = densityEpoch(length);
  const rows = useMemo(
    () => (width > 0 && length > 0 ? timelineDensity(axis.charts(), { at: axis.timeAt }, domain.t0, domain.t1, width, MAX_ROWS) : []),
    // On purpose not `axis` (new with every record): the log, its growth by steps, the size.
    [axis.logKey, epoch, width, axis.field, axis.timed],
  );
  useLayoutEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    el.width = Math.round(width * ratio);
    el.height = Math.round(TRACK_HEIGHT * ratio);
    paintActivity(ctx, rows, { width, height: TRACK_HEIGHT, ratio }, (row: ActivityRow) => (row.charts.length === 1 ? (colors.get(row.label) ?? '#888') : '#888'));
  }, [rows, width, colors]);

  const ticks = useMemo(() => {
    const max = Math.max(1, Math.floor(width / TICK_SPACING));
    if (length === 0) return [];
    if (!axis.timed) return countTicks(0, length, max).values.map((n) => ({ at: n / length, label: `#${n}` }));
    const { step, values } = timeTicks(domain.t0, domain.t1, max, offset);
    return values.map((t) => ({ at: (t - domain.t0) / (domain.t1 - domain.t0), label: tickLabel(t, step, offset) }));
  }, [width, length, axis.timed, domain.t0, domain.t1, offset]);

  const positionOfEvent = (event: PointerEvent) => {
    const box = track.current!.getBoundingClientRect();
    return positionOfFraction((event.clientX - box.left) / box.width, axis, domain);
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

  const now = position > 0 && axis.timed ? axis.timeAt(position - 1) : null;
  const nowFull = now === null ? '' : new Date(now + offset).toISOString().slice(0, 23).replace('T', ' ') + (offset === 0 ? ' UTC' : '');
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
      <div className="timeline-main">
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
          aria-valuetext={nowFull || undefined}
          tabIndex={-1}
          title={rows.map((r) => r.label).join(' · ')}
        >
          <canvas className="timeline-activity" ref={canvas} data-testid="timeline-activity" data-rows={rows.length} style={{ height: TRACK_HEIGHT }} />
          {range && (
            <div
              className="timeline-range"
              data-testid="timeline-range"
              style={{ left: `${fraction(range.from) * 100}%`, width: `${(fraction(range.to) - fraction(range.from)) * 100}%` }}
            />
          )}
          <div className="timeline-played" style={{ width: `${fraction(position) * 100}%` }} />
          <div className="timeline-head" data-testid="timeline-head" style={{ left: `${fraction(position) * 100}%` }} />
        </div>
        <div className="timeline-axis" data-testid="timeline-axis">
          {ticks.map((tick) => (
            <span key={tick.label} className="timeline-tick" data-testid="timeline-tick" style={{ left: `${tick.at * 100}%` }}>
              {tick.label}
            </span>
          ))}
        </div>
      </div>
      <div className="timeline-readout" data-testid="timeline-readout">
        <span data-testid="cursor-position">{position.toLocaleString('en-US')}</span>
        <span className="dim"> / {length.toLocaleString('en-US')}</span>
        <span className="time" data-testid="cursor-time" title={nowFull}>
          {now === null ? '—' : tickLabel(now, 1, offset)}
        </span>
        {range && (
          <button type="button" className="link" onClick={() => setRange(null)} title="Clear the range (Esc)">
            range {range.from + 1}–{range.to} ✕
          </button>
        )}
      </div>
    </div>
  );
}
