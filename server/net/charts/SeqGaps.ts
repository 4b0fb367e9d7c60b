/**
 * Counts messages lost on the way to us, from the per-network sequence
 * numbers our nodes put in `x-miroscope-seq` (Python nodes send none, so
 * their losses cannot be seen). Seeing 7 then 9 from one node on one network
 * means one message never arrived — a broker restart that dropped queues,
 * a publish into an exchange before our queue was rebound.
 *
 * The first number heard from a node is the baseline (what it sent before
 * we listened is not a loss); a number at or below the last one (a restarted
 * node, a duplicate) starts a new baseline.
 */
export class SeqGaps {
  private readonly last = new Map<string, number>();
  private missedCount = 0;

  /** Notes `seq` from `source` (node + network); returns how many were skipped before it. */
  see(source: string, seq: number): number {
    const previous = this.last.get(source);
    this.last.set(source, seq);
    if (previous === undefined || seq <= previous) return 0;
    const gap = seq - previous - 1;
    this.missedCount += gap;
    return gap;
  }

  get missed(): number {
    return this.missedCount;
  }
}
