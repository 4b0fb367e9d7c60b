/**
 * Loss that is seen: the server follows each sender's sequence numbers
 * (`x-miroscope-seq`, counted per network by every MirosNets) and turns each
 * gap into a `missed` meta record, so /api/health, the browsers' counters and
 * the recording count it the same way they count rejections.
 *
 * A sender is one (network, node, chart): each chart's MirosNets numbers its
 * own messages, and several charts may share a node name (the demo's do).
 *
 *   seq 7 ─▶ seq 8 ─▶ seq 11   → missed 2 (9, 10): a broker restart, a publish
 *                                into an exchange before our queue was rebound,
 *                                a sender's overflowing buffer
 *   seq 11 again               → nothing (one message may become many records)
 *   seq 3 after 11             → a new baseline (the sender restarted)
 *
 * The first number heard from a sender is its baseline: what it sent before
 * we listened is not a loss. Python nodes send no numbers; their losses
 * cannot be seen. A message rejected by the codec never becomes a record, so
 * it also shows here as a gap at its sender.
 *
 * Budget: at most `maxSenders` are followed; past that the longest-followed
 * is forgotten (counted), and starts a new baseline if it is heard again.
 */
import type { MetaRecord } from '../../shared/records/MirosRecord.ts';
import { RECORD_VERSION } from '../../shared/records/MirosRecord.ts';
import { readCorrelation } from '../net/correlationHeaders.ts';
import type { MirosNetwork } from '../net/mirosTopology.ts';

export const DEFAULT_MAX_SENDERS = 4_096;
/** Node and chart names are the sender's to choose: kept to this many characters. */
const MAX_NAME_CHARS = 200;

interface SenderTally {
  last: number;
  received: number;
  missed: number;
}

export class SenderGaps {
  private readonly senders = new Map<string, SenderTally>();
  private readonly maxSenders: number;
  private forgottenCount = 0;
  private missedCount = 0;

  constructor(options: { maxSenders?: number } = {}) {
    this.maxSenders = options.maxSenders ?? DEFAULT_MAX_SENDERS;
  }

  /**
   * Notes one delivery's number; returns the `missed` record to ingest
   * (before the delivery's own records) when numbers were skipped, else null.
   */
  see(network: MirosNetwork, headers: Record<string, unknown> | undefined, received: number): Omit<MetaRecord, 'seq'> | null {
    const correlation = readCorrelation(headers);
    if (correlation.seq === undefined || correlation.node === undefined) return null;
    const seq = correlation.seq;
    const node = clip(correlation.node);
    const chart = correlation.chart === undefined ? undefined : clip(correlation.chart);
    const key = `${network} ${chart ?? ''}@${node}`;
    const tally = this.senders.get(key);
    if (tally === undefined || seq < tally.last) {
      this.follow(key, { last: seq, received: 1, missed: 0 });
      return null;
    }
    if (seq === tally.last) return null;
    const gap = seq - tally.last - 1;
    const from = tally.last + 1;
    tally.last = seq;
    tally.received++;
    if (gap === 0) return null;
    tally.missed += gap;
    this.missedCount += gap;
    return missedRecord(network, chart ?? null, node, gap, from, seq - 1, received);
  }

  /** Numbers skipped over all senders since the server started. */
  get missed(): number {
    return this.missedCount;
  }

  /** Senders forgotten to stay within `maxSenders`. */
  get forgotten(): number {
    return this.forgottenCount;
  }

  get size(): number {
    return this.senders.size;
  }

  private follow(key: string, tally: SenderTally): void {
    this.senders.delete(key);
    if (this.senders.size >= this.maxSenders) {
      const oldest = this.senders.keys().next().value as string;
      this.senders.delete(oldest);
      this.forgottenCount++;
    }
    this.senders.set(key, tally);
  }
}

function clip(name: string): string {
  return name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS)}…` : name;
}

function missedRecord(
  network: MirosNetwork,
  chart: string | null,
  node: string,
  count: number,
  fromSeq: number,
  toSeq: number,
  received: number,
): Omit<MetaRecord, 'seq'> {
  const range = count === 1 ? `seq ${fromSeq}` : `seq ${fromSeq}–${toSeq}`;
  const detail = `${count} ${network} ${count === 1 ? 'message' : 'messages'} from ${chart ?? '(no chart)'} on ${node} never arrived (${range})`;
  return { v: RECORD_VERSION, kind: 'meta', event: 'missed', network, count, detail, chart, node, time: null, received, raw: detail };
}
