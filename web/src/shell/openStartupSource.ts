/**
 * Opens what the page's URL asks for (see startupSource.ts), after putting
 * the choices a shared link carries (filter, chart, sequence view) into the
 * store. Without a source parameter the page goes live when a miroscope
 * server served it — the demo `npm start` runs is on screen at once — and
 * replay stays one click away (Open log…, Recordings, or a dropped file).
 * A recording opens whole or a window at a time by its size (openRecording.ts).
 */
import type { SourceSession } from '../sources/SourceSession.ts';
import type { DashboardStore } from '../store/createDashboardStore.ts';
import { LiveSource } from '../sources/LiveSource.ts';
import { startupSource } from './startupSource.ts';
import { openRecording } from './openRecording.ts';
import { servedByMiroscope } from './isMiroscopeServer.ts';
import { decodeUrlState } from './urlState.ts';

/** What the page says when a link names a local file, which only its owner has. */
export function localFileNotice(name: string): string {
  return `The link was made from the local file "${name}", which a link cannot reopen: open or drop that file to see it.`;
}

export async function openStartupSource(
  session: SourceSession,
  location: { search: string; origin: string },
  probe: () => Promise<boolean> = servedByMiroscope,
  store?: DashboardStore,
  doFetch?: typeof fetch,
): Promise<void> {
  if (store) {
    const { filter, chart, view } = decodeUrlState(location.search);
    const state = store.getState();
    state.setFilterText(filter);
    state.selectChart(chart);
    state.setSequenceView(view);
  }
  const startup = startupSource(location);
  store?.getState().setNotice(startup.kind === 'file' ? localFileNotice(startup.name) : null);
  switch (startup.kind) {
    case 'live':
      session.open(new LiveSource(startup.url));
      return;
    case 'recording':
      // Whole or a window at a time, as the Recordings menu would open it (a 5-million-record link must not load whole).
      await openRecording(session, startup.name, { at: startup.at, ...(doFetch ? { fetch: doFetch } : {}) });
      return;
    case 'file':
      return;
    case 'server':
      // A log the user opened while we asked keeps the screen.
      if ((await probe()) && session.current === null) session.open(new LiveSource(startup.url));
      return;
  }
}
