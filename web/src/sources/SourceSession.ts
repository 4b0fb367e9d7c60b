/**
 * Owns the source that currently feeds the store: opening a new one closes
 * the old one, and every update is applied to the store at the page's next
 * animation frame, which then renders it (the backpressure promised by
 * `Source`: the source hears back once it has been rendered).
 *
 * At the frame, not when it arrives: applied at once, an update that found
 * the pump idle rendered the whole dashboard inside the socket's message
 * task, and the frame right after rendered again with what came meanwhile —
 * two renders back to back, the page's longest frame gaps in the scale bench
 * (a 60 ms socket-task render + a 133 ms frame = a 183 ms gap). Applied in
 * the frame, everything that arrived since the last one is one render.
 *
 * Playback commands go through here rather than to a source directly, so the
 * timeline, the keyboard and the log's "click = put the cursor there" work
 * the same for any source: a replay moves its playhead; a live session pins
 * the view on the store's cursor instead (and "go live" unpins it).
 */
import type { DashboardStore } from '../store/createDashboardStore.ts';
import type { Source, Speed } from './Source.ts';

/** Resolves at the page's next animation frame (or after 250 ms in a background tab). */
export type WaitForRender = () => Promise<void>;

export function waitForAnimationFrame(): Promise<void> {
  // requestAnimationFrame never fires in a background tab; the timeout keeps
  // a live session draining (slowly) while nobody looks at it.
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 250);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export class SourceSession {
  private source: Source | null = null;
  private detach: (() => void) | null = null;

  constructor(
    private readonly store: DashboardStore,
    private readonly waitForRender: WaitForRender = waitForAnimationFrame,
  ) {}

  get current(): Source | null {
    return this.source;
  }

  /** Closes the current source (if any) and starts feeding the store from `source`. */
  open(source: Source): void {
    this.close();
    this.source = source;
    let active = true;
    // Another source is another run: its first update replaces whatever the
    // previous one left (a live source, unlike a replay, does not say so itself).
    let first = true;
    const detachSource = source.setListener(async (update) => {
      if (!active) return;
      const apply = () => {
        this.store.getState().applyUpdate(first && !update.reset ? { ...update, reset: true } : update);
        first = false;
      };
      // A jump the user asked for (seek, step) is applied at once: the panel
      // that asked — a hand scroll of the sequence view seeks once a frame and
      // reads the cursor back — must see it before its next frame, or it
      // takes the old cursor for a newer move and scrolls back to it.
      if (update.seeked) {
        apply();
        await this.waitForRender();
        return;
      }
      // Updates that arrive while this waits merge into the next one (UpdatePump).
      await this.waitForRender();
      if (!active) return;
      // Applied inside the frame's callback: React renders it in that task's microtasks, before the frame paints.
      apply();
    });
    this.detach = () => {
      active = false;
      detachSource();
    };
  }

  close(): void {
    this.detach?.();
    this.detach = null;
    this.source = null;
  }

  play(): void {
    this.source?.play?.();
  }

  pause(): void {
    this.source?.pause?.();
  }

  togglePlay(): void {
    if (this.store.getState().source.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: Speed): void {
    this.source?.setSpeed?.(speed);
  }

  /** Puts the cursor at a record count: the replay's playhead, or a pinned view of a live session. */
  seek(position: number): void {
    const source = this.source;
    if (source?.seek && this.store.getState().source.capabilities.seek) source.seek(position);
    else this.store.getState().setCursor(position);
  }

  step(delta: number): void {
    const state = this.store.getState();
    const source = this.source;
    if (source?.step && state.source.capabilities.seek) {
      source.step(delta);
      return;
    }
    const from = state.cursor ?? state.length;
    state.setCursor(from + delta);
  }

  /** Live: follow the tail again. Replay: move the playhead to the end. */
  goLatest(): void {
    const state = this.store.getState();
    if (this.source?.seek && state.source.capabilities.seek) this.source.seek(state.length);
    else state.setCursor(null);
  }
}
