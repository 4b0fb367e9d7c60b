/**
 * The server's recordings, newest first: pick one to replay it, or upload a
 * saved log so it joins the list (and anyone on this server can replay it).
 * Without a server (a static build) the menu says why it is empty.
 */
import { useRef, useState } from 'react';
import { useDashboard } from '../panelApi/DashboardContext.tsx';
import { listRecordings } from '../sources/recordingsApi.ts';
import type { RecordingInfo } from '../../../shared/contract/recordings.ts';
import { openRecording } from './openRecording.ts';
import { uploadRecording } from './uploadRecording.ts';
import { useCompareView } from '../panels/compare/compareViewState.ts';

type Listing = { state: 'idle' } | { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; recordings: RecordingInfo[] };

function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function dateLabel(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function RecordingsMenu() {
  const { session } = useDashboard();
  const menu = useRef<HTMLDetailsElement>(null);
  const uploadInput = useRef<HTMLInputElement>(null);
  const [listing, setListing] = useState<Listing>({ state: 'idle' });
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const openCompare = useCompareView((s) => s.openCompare);

  const refresh = () => {
    setListing((l) => (l.state === 'ready' ? l : { state: 'loading' }));
    listRecordings().then(
      (recordings) => setListing({ state: 'ready', recordings }),
      (error: Error) => setListing({ state: 'error', message: error.message }),
    );
  };

  const upload = async (file: File) => {
    setNote({ text: `uploading ${file.name}…`, error: false });
    try {
      const done = await uploadRecording(file);
      const unreadable = done.errorCount > 0 ? `, ${done.errorCount} unreadable lines` : '';
      setNote({ text: `uploaded as ${done.name}: ${done.records.toLocaleString('en-US')} records (${done.format})${unreadable}`, error: false });
      setFresh(done.name);
      refresh();
    } catch (error) {
      setNote({ text: (error as Error).message, error: true });
    }
  };

  const replay = (name: string, records: number) => {
    if (menu.current) menu.current.open = false;
    // Millions of records would not fit the page: those open a window at a time, at their start (openRecording.ts decides).
    void openRecording(session, name, { records });
  };

  return (
    <details className="recordings" ref={menu} onToggle={(e) => (e.currentTarget.open ? refresh() : setNote(null))}>
      <summary data-testid="recordings-menu" title="Replay one of the server's recordings">
        Recordings ▾
      </summary>
      <div className="menu" data-testid="recordings-list">
        <div className="menu-head">
          <span className="dim">Server recordings</span>
          <span className="spacer" />
          <button
            type="button"
            data-testid="compare-open"
            title="Compare two recordings (or one and this page's records): where each chart's transitions first differ"
            onClick={() => {
              if (menu.current) menu.current.open = false;
              openCompare();
            }}
          >
            Compare…
          </button>
          <button type="button" data-testid="upload-recording" disabled={listing.state !== 'ready'} onClick={() => uploadInput.current?.click()} title="Upload a saved log to the server">
            Upload a log…
          </button>
          <input
            ref={uploadInput}
            type="file"
            hidden
            data-testid="upload-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
              e.target.value = '';
            }}
          />
        </div>
        {note && (
          <div className={`menu-note${note.error ? ' error-text' : ''}`} data-testid="upload-note">
            {note.text}
          </div>
        )}
        {listing.state === 'loading' && <div className="dim menu-note">loading…</div>}
        {listing.state === 'error' && <div className="dim menu-note">{listing.message}</div>}
        {listing.state === 'ready' && listing.recordings.length === 0 && <div className="dim menu-note">No recordings yet.</div>}
        {listing.state === 'ready' &&
          listing.recordings.map((r) => (
            <button type="button" key={r.name} className={`menu-item recording${r.name === fresh ? ' fresh' : ''}`} data-testid="recording-item" data-name={r.name} onClick={() => replay(r.name, r.records)}>
              <span className="recording-name">
                {r.name}
                {r.live && <span className="badge live">live</span>}
                {r.name === fresh && <span className="badge">new</span>}
              </span>
              <span className="dim recording-meta">
                {r.records.toLocaleString('en-US')} records · {sizeLabel(r.bytes)} · {dateLabel(r.modified)}
              </span>
            </button>
          ))}
      </div>
    </details>
  );
}
