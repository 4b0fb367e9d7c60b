/**
 * The bar across the top: open a saved log or a server recording, what is
 * open and its presence, theme and help.
 */
import { useState, type RefObject } from 'react';
import { useDashboard } from '../panelApi/DashboardContext.tsx';
import { useSourceStatus } from '../panelApi/useSourceStatus.ts';
import { useHelpOverlay, useTheme } from '../panelApi/usePreferences.ts';
import { listRecordings, recordingUrl, type RecordingSummary } from '../sources/recordingsApi.ts';
import { openFile, openReplay } from './openReplay.ts';
import { LoadProgressBar } from './LoadProgressBar.tsx';

export function TopBar({ fileInput }: { fileInput: RefObject<HTMLInputElement | null> }) {
  const { session } = useDashboard();
  const status = useSourceStatus();
  const [theme, setTheme] = useTheme();
  const [, setHelp] = useHelpOverlay();
  const [recordings, setRecordings] = useState<RecordingSummary[] | string | null>(null);

  const loadRecordings = () => {
    setRecordings('loading…');
    listRecordings().then(setRecordings, (error: Error) => setRecordings(error.message));
  };

  return (
    <header className="topbar">
      <span className="brand">miroscope</span>
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
      <details className="recordings" onToggle={(e) => (e.currentTarget.open ? loadRecordings() : undefined)}>
        <summary data-testid="recordings-menu">Recordings ▾</summary>
        <div className="menu">
          {typeof recordings === 'string' && <div className="dim menu-note">{recordings}</div>}
          {Array.isArray(recordings) && recordings.length === 0 && <div className="dim menu-note">No recordings yet.</div>}
          {Array.isArray(recordings) &&
            recordings.map((r) => (
              <button
                type="button"
                key={r.name}
                className="menu-item"
                onClick={() => openReplay(session, { kind: 'url', url: recordingUrl(r.name), name: r.name })}
              >
                {r.name} <span className="dim">{r.records.toLocaleString('en-US')} records{r.live ? ' · live' : ''}</span>
              </button>
            ))}
        </div>
      </details>
      <span className="source-label" data-testid="source-label" title={status.label}>
        {status.kind === 'fake' ? 'Nothing open — open or drop a saved log' : status.label}
      </span>
      <LoadProgressBar />
      <span className="spacer" />
      <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} title="Theme (t)" data-testid="theme-toggle">
        {theme === 'dark' ? '☀ light' : '☾ dark'}
      </button>
      <button type="button" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)" data-testid="help-button">
        ?
      </button>
    </header>
  );
}
