/**
 * Health counters as a fold over the record stream.
 *
 * Rejections, reconnects and drops are records (meta), so counting them here,
 * from the one numbered stream, keeps /api/health, the browsers' counters and
 * the recording in agreement by construction.
 */
import type { Counters } from '../../shared/contract/socketContract.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';

/** Senders listed by name in `missedBy`; any more add up under `other`. */
const MAX_MISSED_SENDERS = 100;

export class RelayCounters {
  received = 0;
  reconnects = 0;
  dropped = 0;
  missed = 0;
  readonly rejected = new Map<string, number>();
  readonly missedBy = new Map<string, number>();

  count(record: MirosRecord): void {
    if (record.kind !== 'meta') {
      this.received += 1;
      return;
    }
    switch (record.event) {
      case 'rejected': {
        const reason = record.reason ?? 'unknown';
        this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1);
        break;
      }
      case 'reconnected':
        this.reconnects += 1;
        break;
      case 'dropped':
        this.dropped += record.count ?? 0;
        break;
      case 'missed': {
        const count = record.count ?? 0;
        let sender = `${record.network ?? '?'} ${record.chart ?? ''}@${record.node ?? ''}`;
        if (!this.missedBy.has(sender) && this.missedBy.size >= MAX_MISSED_SENDERS) sender = 'other';
        this.missed += count;
        this.missedBy.set(sender, (this.missedBy.get(sender) ?? 0) + count);
        break;
      }
      default:
        break;
    }
  }

  snapshot(clients: number): Counters {
    return {
      received: this.received,
      rejected: Object.fromEntries(this.rejected),
      reconnects: this.reconnects,
      dropped: this.dropped,
      clients,
      missed: this.missed,
      missedBy: Object.fromEntries(this.missedBy),
    };
  }
}
