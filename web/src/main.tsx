/**
 * Entry point: one store, one session, the page, and whatever the URL asks
 * to open first (see startupSource.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDashboardStore } from './store/createDashboardStore.ts';
import { SourceSession } from './sources/SourceSession.ts';
import { LiveSource } from './sources/LiveSource.ts';
import { DashboardProvider } from './panelApi/DashboardContext.tsx';
import { App } from './shell/App.tsx';
import { startupSource } from './shell/startupSource.ts';
import { initialTheme } from './shell/initialTheme.ts';
import { openReplay } from './shell/openReplay.ts';
import { recordingUrl } from './sources/recordingsApi.ts';
import './styles/theme.css';
import './styles/layout.css';

const store = createDashboardStore({ theme: initialTheme() });
const session = new SourceSession(store);

const startup = startupSource(window.location);
if (startup.kind === 'live') session.open(new LiveSource(startup.url));
else if (startup.kind === 'recording') openReplay(session, { kind: 'url', url: recordingUrl(startup.name), name: startup.name });

// Benchmarks drive the page through a hook that only exists when asked for.
if (new URLSearchParams(window.location.search).has('bench')) {
  void import('./bench/installBenchHook.ts').then(({ installBenchHook }) => installBenchHook(store, session));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardProvider store={store} session={session}>
      <App />
    </DashboardProvider>
  </StrictMode>,
);
