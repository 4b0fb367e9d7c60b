/**
 * Counts messages lost on the way to us, from the per-network sequence
 * numbers our nodes put in `x-miroscope-seq` (Python nodes send none, so
 * their losses cannot be seen). Seeing 7 then 9 from one node on one network
 * means one message never arrived — a broker restart that dropped queues,
 * a publish into an exchange before our queue was rebound.
 *
 * The first number heard from a source is the baseline (what it sent before
 * we listened is not a loss); a number at or below the last one (a restarted
 * node, a duplicate) starts a new baseline. So for every source,
 * `first - 1 + received + missed = last` until a restart: every message the
 * source numbered is accounted for.
 */
export interface SourceTally {
  /** First sequence number heard (of the current baseline). */
  first: number;
  /** Highest sequence number heard. */
  last: number;
  /** Messages heard since the baseline. */
  received: number;
  /** Numbers skipped since the baseline: messages that never arrived. */
  missed: number;
}

export class SeqGaps {
  private readonly sources = new Map<string, SourceTally>();
  private missedCount = 0;

  /** Notes `seq` from `source`; returns how many were skipped before it. */
  see(source: string, seq: number): number {
    const tally = this.sources.get(source);
    if (tally === undefined || seq <= tally.last) {
      this.sources.set(source, { first: seq, last: seq, received: 1, missed: 0 });
      return 0;
    }
    const gap = seq - tally.last - 1;
    tally.last = seq;
    tally.received++;
    tally.missed += gap;
    this.missedCount += gap;
    return gap;
  }

  /** Total skipped numbers over all sources, restarts included. */
  get missed(): number {
    return this.missedCount;
  }

  /** A copy of each source's tally. */
  tallies(): Record<string, SourceTally> {
    return Object.fromEntries([...this.sources].map(([source, t]) => [source, { ...t }]));
  }
}
