/**
 * A server recording too big to load whole (millions of records), opened a
 * window at a time: the store holds WINDOW_RECORDS records around the
 * moment asked for, and moving to another moment fetches another window.
 * The server reads any window through the recording's seek index (see
 * server/http/recordingRangeRoutes.ts), so opening the middle of a 5-million
 * record recording costs what opening its start does.
 *
 *   open ─GET /index─▶ summary (total, times, marks) ─▶ window at openAt
 *   moveTo(record) ─GET /records?from&count─▶ reset + records (cursor on `record`)
 *
 * Within a window the cursor seeks and steps like any replay; a step past
 * either edge moves the window. Play and speed are not offered: playback
 * belongs to recordings that load whole (RECORDS_LOADED_WHOLE and below,
 * which keep opening as a ReplaySource). A request made while another is in
 * flight waits, and only the newest waiting one is made (dragging the
 * window's track does not queue a request per pixel).
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import type { RecordingSummary, RecordingWindow } from '../../../shared/contract/recordingRange.ts';
import { initialSourceState, type Source, type SourceListener, type SourceState } from './Source.ts';
import { UpdatePump } from './UpdatePump.ts';
import { recordingUrl } from './recordingsApi.ts';

/** Recordings with more records than this open a window at a time. */
export const RECORDS_LOADED_WHOLE = 1_000_000;
/**
 * Records held at once: context enough around a moment (a few seconds of a
 * busy network), few enough that the server reads and checks them and the
 * page draws them in well under a second on a busy machine (10,000 took
 * about a second on a loaded two-core one).
 */
export const WINDOW_RECORDS = 2000;

export interface RecordingWindowSourceOptions {
  /** Record number (0-based) to open at (default 0). */
  openAt?: number;
  /** The recording's index when the opener already asked for it (openRecording.ts): not asked again. */
  summary?: RecordingSummary;
  base?: string;
  fetch?: typeof fetch;
}

export class RecordingWindowSource implements Source {
  private state: SourceState;
  private readonly pump: UpdatePump;
  private readonly doFetch: typeof fetch;
  private readonly base: string;
  private summary: RecordingSummary | null = null;
  private inFlight = false;
  private queued: number | null = null;
  private started = false;
  private closed = false;
  private readonly abort = new AbortController();

  constructor(
    readonly name: string,
    private readonly options: RecordingWindowSourceOptions = {},
  ) {
    this.doFetch = options.fetch ?? ((...args) => fetch(...args));
    this.base = options.base ?? '';
    this.state = {
      ...initialSourceState('replay', name, 'replay'),
      capabilities: { play: false, seek: true, speed: false },
      progress: { loaded: 0, total: null, lines: 0, done: false },
    };
    this.pump = new UpdatePump(() => this.state);
  }

  setListener(listener: SourceListener): () => void {
    this.pump.setListener(listener);
    if (!this.started) {
      this.started = true;
      void this.pump.enqueue({ reset: true });
      void this.open();
    }
    return () => this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    this.pump.close();
  }

  /** Moves the cursor within the window (0 … count). */
  seek(position: number): void {
    const count = this.state.window?.count ?? 0;
    this.setState({ cursor: Math.max(0, Math.min(count, Math.round(position))) });
    void this.pump.enqueue({ seeked: true });
  }

  /** Steps within the window; past an edge, the window moves. */
  step(delta: number): void {
    const window = this.state.window;
    if (!window) return;
    const target = (this.state.cursor ?? 0) + delta;
    if (target >= 1 && target <= window.count) this.seek(target);
    else this.moveTo(window.from + target - 1);
  }

  /** Shows record `record` (0-based, in the whole recording): fetches the window around it. */
  moveTo(record: number): void {
    const total = this.summary?.records ?? 0;
    if (total === 0) return;
    const target = Math.max(0, Math.min(total - 1, Math.round(record)));
    if (this.inFlight) {
      this.queued = target;
      this.setState({ window: { ...this.state.window!, loadingAt: target } });
      void this.pump.enqueue();
      return;
    }
    void this.fetchWindow(target);
  }

  private async open(): Promise<void> {
    try {
      const summary = this.options.summary ?? (await this.fetchSummary());
      this.summary = summary;
      this.setState({
        window: { from: 0, count: 0, total: summary.records, firstReceived: summary.firstReceived, lastReceived: summary.lastReceived, loadingAt: null },
      });
      if (summary.records === 0) {
        this.setState({ progress: { loaded: 0, total: 0, lines: 0, done: true } });
        await this.pump.enqueue();
        return;
      }
      await this.fetchWindow(Math.max(0, Math.min(summary.records - 1, Math.round(this.options.openAt ?? 0))));
    } catch (error) {
      this.fail(error);
    }
  }

  private async fetchSummary(): Promise<RecordingSummary> {
    const response = await this.doFetch(`${recordingUrl(this.name, this.base)}/index`, { signal: this.abort.signal });
    if (!response.ok) throw new Error(`GET ${this.name}/index answered ${response.status}`);
    return (await response.json()) as RecordingSummary;
  }

  private async fetchWindow(target: number): Promise<void> {
    const total = this.summary!.records;
    const from = Math.max(0, Math.min(total - WINDOW_RECORDS, target - Math.floor(WINDOW_RECORDS / 2)));
    this.inFlight = true;
    try {
      const url = `${recordingUrl(this.name, this.base)}/records?from=${from}&count=${WINDOW_RECORDS}`;
      // The request goes out before the page re-renders to say it is loading.
      const request = this.doFetch(url, { signal: this.abort.signal });
      this.setState({ window: { ...this.state.window!, loadingAt: target } });
      void this.pump.enqueue();
      const response = await request;
      if (!response.ok) throw new Error(`GET ${this.name}/records answered ${response.status}`);
      const window = (await response.json()) as RecordingWindow;
      if (this.closed) return;
      this.inFlight = false;
      if (this.queued !== null) {
        // Someone moved on meanwhile: show where they are now, not where they were.
        const next = this.queued;
        this.queued = null;
        return await this.fetchWindow(next);
      }
      this.show(window, target);
    } catch (error) {
      this.inFlight = false;
      this.fail(error);
    }
  }

  private show(window: RecordingWindow, target: number): void {
    const records: MirosRecord[] = window.records;
    const count = records.length;
    this.setState({
      cursor: Math.max(0, Math.min(count, target - window.from + 1)),
      window: { ...this.state.window!, from: window.from, count, total: window.total, loadingAt: null },
      progress: { loaded: count, total: count, lines: count, done: true },
      error: window.truncated ? 'this window was cut short by the server\u2019s read budget (very long lines)' : null,
    });
    void this.pump.enqueue({ reset: true, records, seeked: true });
  }

  private fail(error: unknown): void {
    if (this.closed || (error as Error).name === 'AbortError') return;
    this.setState({ presence: 'error', error: (error as Error).message });
    if (this.state.window) this.setState({ window: { ...this.state.window, loadingAt: null } });
    void this.pump.enqueue();
  }

  private setState(patch: Partial<SourceState>): void {
    this.state = { ...this.state, ...patch };
  }
}
