/**
 * Keeps the page's URL in step with what is on screen (urlState.ts), so the
 * address bar is always a link to this view: a new source is a new history
 * entry (pushState, so Back returns to the previous one); the cursor, filter,
 * chart and view replace the current entry (replaceState, at most every
 * WRITE_MS while a replay plays). Back and Forward reopen what the entry names.
 */
import { useEffect } from 'react';
import { useDashboard } from '../panelApi/DashboardContext.tsx';
import type { DashboardState } from '../store/createDashboardStore.ts';
import type { SourceSession } from '../sources/SourceSession.ts';
import { ReplaySource } from '../sources/ReplaySource.ts';
import { RecordingWindowSource } from '../sources/RecordingWindowSource.ts';
import { planUrlWrite, type UrlSource, type UrlState } from './urlState.ts';
import { openStartupSource } from './openStartupSource.ts';

const WRITE_MS = 250;

/** The URL state of what the store shows; `undefined` source = nothing open (leave the URL's as it is). */
export function urlStateOf(state: DashboardState, session: SourceSession, origin: string): Omit<UrlState, 'source'> & { source: UrlSource | undefined } {
  let source: UrlSource | undefined;
  const current = session.current;
  if (state.source.kind === 'live') source = { kind: 'live', url: state.source.label === origin ? null : state.source.label };
  else if (state.source.kind === 'replay' && current instanceof ReplaySource) {
    source = current.input.kind === 'url' ? { kind: 'recording', name: current.input.name } : { kind: 'file', name: current.input.name };
  } else if (state.source.kind === 'replay' && current instanceof RecordingWindowSource) {
    source = { kind: 'recording', name: current.name };
  }
  return {
    source,
    at: state.source.kind === 'replay' ? wholeCursor(state) : null,
    filter: state.filterText,
    chart: state.selectedChart,
    view: state.sequenceView,
  };
}

/**
 * The replay's cursor as a link carries it: records shown, counted in the
 * whole recording. A recording seen a window at a time has its cursor counted
 * within the window, so the window's first record number is added (a reload
 * then opens the window around the same record, openRecording.ts).
 */
export function wholeCursor(state: Pick<DashboardState, 'cursor' | 'source'>): number | null {
  const window = state.source.window;
  if (state.cursor === null || window === undefined) return state.cursor;
  return window.from + state.cursor;
}

/** A replay on its way to where it will be: loading, or fetching another window. */
export function replayLoading(state: Pick<DashboardState, 'source'>): boolean {
  return (state.source.progress !== null && !state.source.progress.done) || (state.source.window?.loadingAt ?? null) !== null;
}

export function useUrlSync(): void {
  const { store, session } = useDashboard();
  useEffect(() => {
    const { origin } = window.location;
    let written: UrlSource | undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const write = () => {
      timer = null;
      const state = store.getState();
      const shown = urlStateOf(state, session, origin);
      const loading = replayLoading(state);
      const plan = planUrlWrite({ ...shown, loading }, window.location.search, written);
      if (shown.source !== undefined) written = shown.source;
      if (plan === null) return;
      const url = `${window.location.pathname}${plan.search}${window.location.hash}`;
      if (plan.push) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    };
    const schedule = () => {
      timer ??= setTimeout(write, WRITE_MS);
    };
    const unsubscribe = store.subscribe((s, previous) => {
      if (s.source.label !== previous.source.label || s.source.kind !== previous.source.kind) {
        // A new source: write now, so the entry it gets is its own.
        if (timer !== null) clearTimeout(timer);
        if (s.source.kind !== 'fake' && s.notice !== null) s.setNotice(null);
        write();
        return;
      }
      if (s.source.progress?.done !== previous.source.progress?.done || s.source.window?.from !== previous.source.window?.from || s.source.window?.loadingAt !== previous.source.window?.loadingAt || s.cursor !== previous.cursor || s.filterText !== previous.filterText || s.selectedChart !== previous.selectedChart || s.sequenceView !== previous.sequenceView) schedule();
    });
    const onPopState = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      written = undefined;
      void openStartupSource(session, window.location, undefined, store);
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      window.removeEventListener('popstate', onPopState);
    };
  }, [store, session]);
}
