/**
 * Opens what the page's URL asks for (see startupSource.ts). Without a
 * parameter the page goes live when a miroscope server served it — the
 * demo `npm start` runs is on screen at once — and replay stays one click
 * away (Open log…, Recordings, or a dropped file).
 */
import type { SourceSession } from '../sources/SourceSession.ts';
import { LiveSource } from '../sources/LiveSource.ts';
import { recordingUrl } from '../sources/recordingsApi.ts';
import { startupSource } from './startupSource.ts';
import { openReplay } from './openReplay.ts';
import { servedByMiroscope } from './isMiroscopeServer.ts';

export async function openStartupSource(session: SourceSession, location: { search: string; origin: string }, probe: () => Promise<boolean> = servedByMiroscope): Promise<void> {
  const startup = startupSource(location);
  switch (startup.kind) {
    case 'live':
      session.open(new LiveSource(startup.url));
      return;
    case 'recording':
      openReplay(session, { kind: 'url', url: recordingUrl(startup.name), name: startup.name });
      return;
    case 'server':
      // A log the user opened while we asked keeps the screen.
      if ((await probe()) && session.current === null) session.open(new LiveSource(startup.url));
      return;
  }
}
