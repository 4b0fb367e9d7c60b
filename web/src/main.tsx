/**
 * Entry point: one store, one session, the page, and whatever the URL asks
 * to open first (see startupSource.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDashboardStore } from './store/createDashboardStore.ts';
import { SourceSession } from './sources/SourceSession.ts';
import { DashboardProvider } from './panelApi/DashboardContext.tsx';
import { App } from './shell/App.tsx';
import { openStartupSource } from './shell/openStartupSource.ts';
import { initialTheme } from './shell/initialTheme.ts';
import './styles/theme.css';
import './styles/layout.css';

const store = createDashboardStore({ theme: initialTheme() });
const session = new SourceSession(store);

void openStartupSource(session, window.location, undefined, store);

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
