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
import { SeqGaps } from '../net/charts/SeqGaps.ts';
import type { MirosNetwork } from '../net/mirosTopology.ts';

/** The server's view of SeqGaps (shared with every networked chart): each gap becomes a `missed` record. */
export class SenderGaps {
  private readonly gaps: SeqGaps;

  constructor(options: { maxSenders?: number } = {}) {
    this.gaps = new SeqGaps(options);
  }

  /**
   * Notes one delivery's number; returns the `missed` record to ingest
   * (before the delivery's own records) when numbers were skipped, else null.
   */
  see(network: MirosNetwork, headers: Record<string, unknown> | undefined, received: number): Omit<MetaRecord, 'seq'> | null {
    const step = this.gaps.see(network, headers);
    if (step === null || step.gap === 0) return null;
    return missedRecord(network, step.chart, step.node, step.gap, step.seq - step.gap, step.seq - 1, received);
  }

  /** Numbers skipped over all senders since the server started. */
  get missed(): number {
    return this.gaps.missed;
  }

  /** Senders forgotten to stay within `maxSenders`. */
  get forgotten(): number {
    return this.gaps.forgotten;
  }

  get size(): number {
    return this.gaps.size;
  }
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
