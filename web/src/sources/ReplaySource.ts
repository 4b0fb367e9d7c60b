/**
 * A saved log (a picked file or a server recording) as a source.
 *
 * All records are pushed to the page as they load — the log panel can show
 * line 900,000 while the rest still parses — and a playhead (`cursor`, a
 * count of records) says how much of the run the panels show. Playback moves
 * the playhead by the records' own time (see PacedTimeline) at a chosen
 * speed, or as fast as the page renders.
 *
 *            load batches ──▶ records appended (to the page at most every
 *                             LOAD_UPDATE_MS); playhead follows the end
 *   paused ──play──▶ playing ──end of log──▶ paused
 *      ▲  ◀──pause──    │
 *      └── seek/step ───┘   (a seek pauses nothing; it re-anchors the clock)
 *
 * A replay opens at its start (record 0), or at `openAt` when a shared
 * URL says where the cursor was: while the file loads the playhead follows
 * what has loaded up to that point, until the user moves it.
 */
import type { RecordSegment } from '../store/RecordSegment.ts';
import type { ParseError } from '../../../shared/parsers/ParsedLog.ts';
import { initialSourceState, type Source, type SourceListener, type SourceState, type Speed } from './Source.ts';
import { UpdatePump } from './UpdatePump.ts';
import { PacedTimeline } from './PacedTimeline.ts';
import { systemClock, type Clock } from './Clock.ts';
import { LogLoadError, type LogInput, type LogLoader } from './LogLoader.ts';

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;
/** Loaded records that may wait for the page before the loader is held back. */
const MAX_QUEUED_RECORDS = 1_000_000;
/**
 * While a file loads, batches reach the page at most this often (the first
 * one at once). Each update re-renders every panel, and most of a render's
 * cost does not depend on how many records arrived: a million-line load
 * took twice as many renders as it needed. Twice a second, not four times:
 * while two parse workers share the machine's cores with the page, every
 * render the page skips is time they get.
 */
export const LOAD_UPDATE_MS = 500;
/** Records per update at "as fast as possible": enough to finish a million in a few hundred frames. */
const MAX_SPEED_CHUNK = 5000;

export interface ReplaySourceOptions {
  loader: LogLoader;
  clock?: Clock;
  /** Where the playhead opens, as a record count (default 0, the start; clamped to the log). */
  openAt?: number;
}

export class ReplaySource implements Source {
  private state: SourceState;
  private readonly pump: UpdatePump;
  private readonly timeline = new PacedTimeline();
  private readonly clock: Clock;
  private readonly loader: LogLoader;
  /** While the log loads, the playhead follows it up to this record count, until moved. */
  private loadTarget: number;
  private loading = false;
  private started = false;
  private closed = false;
  private timer: unknown = null;
  /** Loaded segments not handed to the page yet (see LOAD_UPDATE_MS). */
  private held: { segments: RecordSegment[]; errors: ParseError[]; records: number } = { segments: [], errors: [], records: 0 };
  private lastDelivery = Number.NEGATIVE_INFINITY;
  private holdTimer: unknown = null;
  /** Wall time ↔ paced record time at the moment playback (re)started. */
  private anchor = { wall: 0, paced: 0 };

  constructor(
    /** What is replayed (the URL state tells a server recording from a local file by it). */
    readonly input: LogInput,
    options: ReplaySourceOptions,
  ) {
    this.loader = options.loader;
    this.clock = options.clock ?? systemClock;
    this.loadTarget = Math.max(0, Math.round(options.openAt ?? 0));
    this.state = { ...initialSourceState('replay', input.name, 'replay'), cursor: 0, progress: { loaded: 0, total: null, lines: 0, done: false } };
    this.pump = new UpdatePump(() => this.state);
  }

  setListener(listener: SourceListener): () => void {
    this.pump.setListener(listener);
    if (!this.started) {
      this.started = true;
      void this.pump.enqueue({ reset: true });
      void this.load();
    }
    return () => this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopTimer();
    this.stopHoldTimer();
    if (this.loading) this.loader.cancel();
    this.pump.close();
  }

  play(): void {
    if (this.state.playing || this.timeline.length === 0) return;
    // Play at the end starts over, like any player.
    const restart = this.position >= this.timeline.length && !this.loading;
    if (restart) this.moveTo(0);
    this.loadTarget = 0;
    this.setState({ playing: true });
    this.reanchor();
    this.scheduleTick(0);
    void this.pump.enqueue(restart ? { seeked: true } : {});
  }

  pause(): void {
    if (!this.state.playing) return;
    this.stopTimer();
    this.setState({ playing: false });
    void this.pump.enqueue();
  }

  seek(position: number): void {
    this.moveTo(position);
    // A seek to the end of a log still loading keeps following it.
    this.loadTarget = this.loading && this.position >= this.timeline.length ? Number.POSITIVE_INFINITY : 0;
    if (this.state.playing) {
      this.reanchor();
      this.scheduleTick(0);
    }
    void this.pump.enqueue({ seeked: true });
  }

  step(delta: number): void {
    this.pause();
    this.seek(this.position + delta);
  }

  setSpeed(speed: Speed): void {
    const clamped = speed === 'max' ? 'max' : Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
    this.setState({ speed: clamped });
    if (this.state.playing) {
      this.reanchor();
      this.stopTimer();
      this.scheduleTick(0);
    }
    void this.pump.enqueue();
  }

  private get position(): number {
    return this.state.cursor ?? 0;
  }

  private moveTo(position: number): void {
    const clamped = Math.max(0, Math.min(this.timeline.length, Math.round(position)));
    this.setState({ cursor: clamped });
  }

  private setState(patch: Partial<SourceState>): void {
    this.state = { ...this.state, ...patch };
  }

  private async load(): Promise<void> {
    this.loading = true;
    try {
      const summary = await this.loader.load(this.input, async (batch) => {
        this.appendRecords(batch.segment);
        this.setState({ progress: { loaded: batch.loaded, total: batch.total, lines: batch.lines, done: false } });
        this.held.segments.push(batch.segment);
        for (const error of batch.errors) this.held.errors.push(error);
        this.held.records += batch.segment.length;
        const due = this.lastDelivery + LOAD_UPDATE_MS - this.clock.now();
        if (due > 0 && this.held.records < MAX_QUEUED_RECORDS) {
          this.holdTimer ??= this.clock.setTimeout(() => {
            this.holdTimer = null;
            void this.deliverHeld();
          }, due);
          return;
        }
        const delivered = this.deliverHeld();
        // Batches queued while the page renders merge into one update; only a
        // large backlog holds the loader (and through it the worker) back.
        if (this.pump.queuedRecords >= MAX_QUEUED_RECORDS) await delivered;
      });
      this.loading = false;
      void this.deliverHeld();
      this.setState({ progress: { loaded: summary.bytes, total: summary.bytes, lines: summary.lines, done: true } });
      await this.pump.enqueue();
    } catch (error) {
      this.loading = false;
      if (error instanceof LogLoadError && error.reason === 'cancelled') return;
      // What did load is still shown.
      void this.deliverHeld();
      this.setState({ presence: 'error', error: (error as Error).message, playing: false });
      this.stopTimer();
      await this.pump.enqueue();
    }
  }

  /** Hands the held segments to the page (resolves once it has them). */
  private deliverHeld(): Promise<void> {
    this.stopHoldTimer();
    this.lastDelivery = this.clock.now();
    const { segments, errors, records } = this.held;
    if (records === 0 && errors.length === 0) return Promise.resolve();
    this.held = { segments: [], errors: [], records: 0 };
    return this.pump.enqueue({ segments, parseErrors: errors });
  }

  private stopHoldTimer(): void {
    if (this.holdTimer !== null) this.clock.clearTimeout(this.holdTimer);
    this.holdTimer = null;
  }

  private appendRecords(segment: RecordSegment): void {
    this.timeline.appendSegment(segment);
    if (this.position < this.loadTarget) this.setState({ cursor: Math.min(this.timeline.length, this.loadTarget) });
  }

  private reanchor(): void {
    const p = this.position;
    const paced = p === 0 ? (this.timeline.length > 0 ? this.timeline.timeAt(0) : 0) : this.timeline.timeAt(p - 1);
    this.anchor = { wall: this.clock.now(), paced };
  }

  private scheduleTick(ms: number): void {
    this.stopTimer();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, ms);
  }

  private stopTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Advances the playhead to what is due now, waits for the page, then plans the next step. */
  private async tick(): Promise<void> {
    if (!this.state.playing || this.closed) return;
    const length = this.timeline.length;
    const speed = this.state.speed;
    const next =
      speed === 'max'
        ? Math.min(length, this.position + MAX_SPEED_CHUNK)
        : Math.max(this.position, this.timeline.dueBy(this.anchor.paced + (this.clock.now() - this.anchor.wall) * speed));
    if (next !== this.position) {
      this.setState({ cursor: next });
      await this.pump.enqueue();
      if (!this.state.playing || this.closed) return;
    }
    if (this.position >= this.timeline.length) {
      if (this.loading) this.scheduleTick(50);
      else {
        this.setState({ playing: false });
        void this.pump.enqueue();
      }
      return;
    }
    if (speed === 'max') this.scheduleTick(0);
    else {
      // Plan against the wall clock as it is now: the render just awaited took time.
      const dueWall = this.anchor.wall + (this.timeline.timeAt(this.position) - this.anchor.paced) / speed;
      this.scheduleTick(Math.max(0, dueWall - this.clock.now()));
    }
  }
}
