/**
 * Health counters as a fold over the record stream.
 *
 * Rejections, reconnects and drops are records (meta), so counting them here,
 * from the one numbered stream, keeps /api/health, the browsers' counters and
 * the recording in agreement by construction.
 */
import type { Counters } from '../../shared/contract/socketContract.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';

export class RelayCounters {
  received = 0;
  reconnects = 0;
  dropped = 0;
  readonly rejected = new Map<string, number>();

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
    };
  }
}
