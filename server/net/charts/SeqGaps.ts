/**
 * Counts messages lost on the way to us, from the per-network sequence
 * numbers our nodes put in `x-miroscope-seq` (Python nodes send none, so
 * their losses cannot be seen). Seeing 7 then 9 from one sender on one
 * network means one message never arrived — a broker restart that dropped
 * queues, a publish into an exchange before our queue was rebound.
 *
 * A sender is one (network, node, chart): each chart's MirosNets numbers its
 * own messages, and several charts may share a node name (the demo's all
 * run as `miroscope-charts`), so keying by node alone would read two charts'
 * interleaved numbers as gaps. The key is `<network> <chart>@<node>`, as
 * /api/health's `missedBy` spells it. Both the server (SenderGaps) and every
 * networked chart (ChartNetwork) follow senders with this one class.
 *
 *   seq 7 ─▶ seq 8 ─▶ seq 11   → missed 2 (9, 10)
 *   seq 11 again               → nothing (one message may become many records)
 *   seq 3 after 11             → a new baseline (the sender restarted)
 *
 * The first number heard from a sender is the baseline (what it sent before
 * we listened is not a loss). So for every sender,
 * `first - 1 + received + missed = last` until a restart: every message the
 * sender numbered is accounted for.
 *
 * Budget: at most `maxSenders` are followed; past that the longest-followed
 * is forgotten (counted), and starts a new baseline if it is heard again.
 * Node and chart names are the sender's to choose: cut to 200 characters.
 */
import { readCorrelation } from '../correlationHeaders.ts';
import type { MirosNetwork } from '../mirosTopology.ts';

export const DEFAULT_MAX_SENDERS = 4_096;
const MAX_NAME_CHARS = 200;

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

/** One numbered message noted: who sent it, and how many of its numbers were skipped just before it. */
export interface SeqStep {
  network: MirosNetwork;
  /** The sender's chart (clipped), null when its headers name none. */
  chart: string | null;
  /** The sender's node (clipped). */
  node: string;
  seq: number;
  /** Numbers skipped before `seq` (0 in order, or at a new baseline). */
  gap: number;
}

export class SeqGaps {
  private readonly sources = new Map<string, SourceTally>();
  private readonly maxSenders: number;
  private missedCount = 0;
  private forgottenCount = 0;

  constructor(options: { maxSenders?: number } = {}) {
    this.maxSenders = options.maxSenders ?? DEFAULT_MAX_SENDERS;
  }

  /**
   * Notes one delivery's number from its headers; null when it carries none
   * (a Python node) or repeats the sender's last number.
   */
  see(network: MirosNetwork, headers: Record<string, unknown> | undefined): SeqStep | null {
    const correlation = readCorrelation(headers);
    if (correlation.seq === undefined || correlation.node === undefined) return null;
    const seq = correlation.seq;
    const node = clip(correlation.node);
    const chart = correlation.chart === undefined ? null : clip(correlation.chart);
    const key = `${network} ${chart ?? ''}@${node}`;
    const tally = this.sources.get(key);
    if (tally === undefined || seq < tally.last) {
      this.follow(key, { first: seq, last: seq, received: 1, missed: 0 });
      return { network, chart, node, seq, gap: 0 };
    }
    if (seq === tally.last) return null;
    const gap = seq - tally.last - 1;
    tally.last = seq;
    tally.received++;
    tally.missed += gap;
    this.missedCount += gap;
    return { network, chart, node, seq, gap };
  }

  /** Total skipped numbers over all senders, restarts and forgotten senders included. */
  get missed(): number {
    return this.missedCount;
  }

  /** Senders forgotten to stay within `maxSenders`. */
  get forgotten(): number {
    return this.forgottenCount;
  }

  /** Senders followed now. */
  get size(): number {
    return this.sources.size;
  }

  /** A copy of each sender's tally, keyed `<network> <chart>@<node>`. */
  tallies(): Record<string, SourceTally> {
    return Object.fromEntries([...this.sources].map(([source, t]) => [source, { ...t }]));
  }

  private follow(key: string, tally: SourceTally): void {
    this.sources.delete(key);
    if (this.sources.size >= this.maxSenders) {
      const oldest = this.sources.keys().next().value as string;
      this.sources.delete(oldest);
      this.forgottenCount++;
    }
    this.sources.set(key, tally);
  }
}

function clip(name: string): string {
  return name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS)}…` : name;
}
