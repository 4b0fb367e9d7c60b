/**
 * The transport counters, mutable inside a transport and handed out as
 * snapshots (a caller can never change them by accident).
 */
import type { TransportCounters } from './Transport.ts';

export class CounterSet {
  published = 0;
  received = 0;
  reconnects = 0;
  paused = 0;
  blocked = 0;
  private readonly rejected = new Map<string, number>();
  private readonly dropped = new Map<string, number>();

  reject(reason: string): void {
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1);
  }

  drop(cause: string, count = 1): void {
    if (count > 0) this.dropped.set(cause, (this.dropped.get(cause) ?? 0) + count);
  }

  snapshot(buffered: number): TransportCounters {
    const counters: TransportCounters = {
      published: this.published,
      received: this.received,
      rejected: Object.fromEntries(this.rejected),
      reconnects: this.reconnects,
      buffered,
      dropped: Object.fromEntries(this.dropped),
    };
    if (this.paused > 0) counters.paused = this.paused;
    if (this.blocked > 0) counters.blocked = this.blocked;
    return counters;
  }
}
