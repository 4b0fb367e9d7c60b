/**
 * What the status bar counts from meta records up to the cursor: rejections
 * by reason, reconnects, drops, senders' messages that never arrived. (A live session also has the server's own
 * counters, which cover what happened before we connected; the bar shows
 * those when it has them.)
 */
import type { RecordLog } from './RecordLog.ts';
import { chartIndex } from './chartIndex.ts';

export interface StatusCounts {
  rejected: Record<string, number>;
  rejectedTotal: number;
  reconnects: number;
  disconnects: number;
  dropped: number;
  /** Messages senders numbered that never arrived, total and by `<network> <chart>@<node>`. */
  missed: number;
  missedBy: Record<string, number>;
  notes: number;
}

export function statusCounts(log: RecordLog, end: number): StatusCounts {
  const { meta, notes } = chartIndex(log);
  const counts: StatusCounts = { rejected: {}, rejectedTotal: 0, reconnects: 0, disconnects: 0, dropped: 0, missed: 0, missedBy: {}, notes: notes.countBefore(end) };
  const n = meta.countBefore(end);
  for (let i = 0; i < n; i++) {
    const record = log.at(meta.get(i));
    if (record.kind !== 'meta') continue;
    switch (record.event) {
      case 'rejected': {
        const reason = record.reason ?? 'unknown';
        counts.rejected[reason] = (counts.rejected[reason] ?? 0) + 1;
        counts.rejectedTotal++;
        break;
      }
      case 'reconnected':
        counts.reconnects++;
        break;
      case 'disconnected':
        counts.disconnects++;
        break;
      case 'dropped':
        counts.dropped += record.count ?? 0;
        break;
      case 'missed': {
        const sender = `${record.network ?? '?'} ${record.chart ?? ''}@${record.node ?? ''}`;
        counts.missed += record.count ?? 0;
        counts.missedBy[sender] = (counts.missedBy[sender] ?? 0) + (record.count ?? 0);
        break;
      }
      default:
        break;
    }
  }
  return counts;
}
