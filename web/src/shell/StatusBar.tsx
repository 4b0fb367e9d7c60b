/**
 * The bar along the bottom: connection presence and the broker behind it,
 * how much is held, and everything that went wrong — rejections by reason,
 * reconnects, drops, messages lost on the way (gaps in senders' numbers),
 * unreadable lines of a saved log (with their line
 * numbers). Zero counts stay visible (dimmed) so "nothing went wrong" can be
 * read at a glance rather than inferred from an absence.
 */
import { useState } from 'react';
import { useRecords } from '../panelApi/useRecords.ts';
import { useParseErrors, useSourceStatus } from '../panelApi/useSourceStatus.ts';
import { statusCounts } from '../store/statusCounts.ts';
import { chartIndex } from '../store/chartIndex.ts';
import { useCursor } from '../panelApi/useCursor.ts';
import { RecordingWindowBar } from './RecordingWindowBar.tsx';
import type { TransportInfo } from '../../../shared/contract/socketContract.ts';

/** Over-budget reasons (too-deep, too-many-items, …) are the server's limits, which `serve --budget` changes. */
const REJECTIONS_TITLE = 'Messages refused, by reason (budgets such as too-deep or too-many-items: see miroscope serve --budget)';

/** Where the server's records come from, as one short phrase. */
function brokerLabel(transport: TransportInfo): string {
  if (transport.kind === 'in-process') return 'in-process bus';
  const where = `RabbitMQ ${transport.broker ?? ''}`.trim();
  return transport.connected ? where : `${where} · ${transport.state ?? 'disconnected'}`;
}

export function StatusBar() {
  const status = useSourceStatus();
  const counts = useRecords(({ log, end }) => statusCounts(log, end));
  const charts = useRecords(({ log }) => chartIndex(log).names.length);
  const total = useRecords(({ length }) => length);
  const { errors, count: errorCount } = useParseErrors();
  const [showErrors, setShowErrors] = useState(false);
  const cursor = useCursor();

  // The server's counters cover the whole session; the log's meta records only what we hold.
  const rejected = status.counters?.rejected ?? counts.rejected;
  const rejectedTotal = Object.values(rejected).reduce((a, b) => a + b, 0);
  const reconnects = Math.max(status.reconnects, status.counters?.reconnects ?? 0, counts.reconnects);
  // Live: what this page missed (the server also logs each miss as a meta
  // record, which would count it twice). Replay: the misses the log recorded.
  const dropped = status.kind === 'live' ? status.dropped : counts.dropped;
  const droppedTitle =
    status.kind === 'live'
      ? `Records this page never got (older than the server's buffer when it connected, or missed while it lagged); server-wide: ${(status.counters?.dropped ?? 0).toLocaleString('en-US')}`
      : 'Records the recording says some consumer missed';

  // Gaps in senders' numbers: the server counted them all session; a replay, what the log recorded.
  const missed = status.counters?.missed ?? counts.missed;
  const missedBy = status.counters?.missedBy ?? counts.missedBy;
  const missedTitle = [
    'Messages senders numbered (x-miroscope-seq) that never arrived: a broker restart, a publish before a queue was bound, a full buffer. Python nodes number nothing.',
    ...Object.entries(missedBy).map(([sender, n]) => `${sender}: ${n}`),
  ].join('\n');

  return (
    <footer className="statusbar">
      <RecordingWindowBar />
      <span className={`presence ${status.presence}`} data-testid="presence" data-presence={status.presence}>
        ● {status.presence}
      </span>
      {status.kind === 'live' && status.server && (
        <span className={status.server.transport.connected ? 'dim' : 'warn-text'} data-testid="broker" data-transport={status.server.transport.kind} title="Where the server hears the charts">
          {brokerLabel(status.server.transport)}
        </span>
      )}
      {status.error && (
        <span className="error-text" data-testid="source-error">
          {status.error}
        </span>
      )}
      {status.kind === 'live' && !cursor.following && (
        <button type="button" className="link warn-text" data-testid="follow-live" onClick={cursor.goLatest} title="Follow live (End)">
          viewing record {cursor.position.toLocaleString('en-US')} — follow live
        </button>
      )}
      <span data-testid="record-count">{total.toLocaleString('en-US')} records</span>
      <span>
        {charts} {charts === 1 ? 'chart' : 'charts'}
      </span>
      <span className={rejectedTotal > 0 ? 'warn-text' : 'dim'} data-testid="rejections" title={[REJECTIONS_TITLE, ...Object.entries(rejected).map(([r, n]) => `${r}: ${n}`)].join('\n')}>
        {rejectedTotal} rejected
        {rejectedTotal > 0 &&
          ` (${Object.entries(rejected)
            .map(([r, n]) => `${r} ${n}`)
            .join(', ')})`}
      </span>
      <span className={reconnects > 0 ? 'warn-text' : 'dim'} data-testid="reconnects">
        {reconnects} {reconnects === 1 ? 'reconnect' : 'reconnects'}
      </span>
      <span className={dropped > 0 ? 'warn-text' : 'dim'} data-testid="dropped" title={droppedTitle}>
        {dropped.toLocaleString('en-US')} dropped
      </span>
      <span className={missed > 0 ? 'warn-text' : 'dim'} data-testid="missed" title={missedTitle}>
        {missed.toLocaleString('en-US')} missed
      </span>
      {errorCount > 0 && (
        <button type="button" className="link warn-text" data-testid="parse-error-count" onClick={() => setShowErrors(!showErrors)}>
          {errorCount} unreadable lines
        </button>
      )}
      {showErrors && errorCount > 0 && (
        <div className="parse-errors" data-testid="parse-errors">
          {errors.map((e) => (
            <div key={e.line}>
              <span className="line-no">line {e.line}</span> {e.message} <code>{e.text}</code>
            </div>
          ))}
          {errorCount > errors.length && <div className="dim">… and {errorCount - errors.length} more</div>}
        </div>
      )}
    </footer>
  );
}
