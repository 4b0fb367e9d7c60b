/**
 * The bar across the top: open a saved log or a server recording, go back
 * to the live stream, what is open, theme and help.
 */
import type { RefObject } from 'react';
import { useDashboard, useDashboardState } from '../panelApi/DashboardContext.tsx';
import { useSourceStatus } from '../panelApi/useSourceStatus.ts';
import { useHelpOverlay, useTheme } from '../panelApi/usePreferences.ts';
import { LiveSource } from '../sources/LiveSource.ts';
import { openFile } from './openReplay.ts';
import { LoadProgressBar } from './LoadProgressBar.tsx';
import { RecordingsMenu } from './RecordingsMenu.tsx';
import { useServerAvailable } from './useServerAvailable.ts';

/** "127.0.0.1:4477" for a relay URL; the URL itself when it does not parse. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function TopBar({ fileInput }: { fileInput: RefObject<HTMLInputElement | null> }) {
  const { session } = useDashboard();
  const status = useSourceStatus();
  const [theme, setTheme] = useTheme();
  const [, setHelp] = useHelpOverlay();
  const serverAvailable = useServerAvailable();

  const notice = useDashboardState((s) => s.notice);
  let label = status.label;
  if (status.kind === 'fake') label = notice ?? 'Nothing open — open or drop a saved log';
  else if (status.kind === 'live') label = `live from ${hostOf(status.label)}${status.server?.recording ? ` · recording ${status.server.recording}` : ''}`;

  return (
    <header className="topbar">
      <span className="brand">
        <svg className="brand-mark" width="14" height="14" viewBox="0 0 16 16" aria-hidden>
          <rect x="1" y="1" width="14" height="14" rx="3" />
          <circle cx="8" cy="8" r="3" />
        </svg>
        miroscope
      </span>
      {serverAvailable && status.kind !== 'live' && (
        <button type="button" className="go-live" data-testid="go-live" title="Back to this server's live stream" onClick={() => session.open(new LiveSource(window.location.origin))}>
          ● Live
        </button>
      )}
      <button type="button" onClick={() => fileInput.current?.click()} title="Open a saved log (o)" data-testid="open-file">
        Open log…
      </button>
      <input
        ref={fileInput}
        type="file"
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) openFile(session, file);
          e.target.value = '';
        }}
      />
      <RecordingsMenu />
      <span className={`source-label ${status.kind}${notice !== null && status.kind === 'fake' ? ' notice' : ''}`} data-testid="source-label" title={status.kind === 'fake' ? label : status.label}>
        {label}
      </span>
      <LoadProgressBar />
      <span className="spacer" />
      <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} title="Theme (t)" data-testid="theme-toggle">
        {theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </button>
      <button type="button" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)" data-testid="help-button" aria-label="Keyboard shortcuts">
        ?
      </button>
    </header>
  );
}
