/**
 * Scores inferred arrows against the truth a recording with mesh records
 * holds: each reception the sequence builder pairs with a mesh message
 * (correlation ids name the sending chart) has a true send — the sender's
 * latest step stamped at or before the message was heard (give or take
 * SEND_STAMP_SLACK_MS: a chart stamps its trace line when the step ends,
 * after the transmit inside it, and `received` is whole milliseconds). The records
 * without their mesh records go through inferReceptions; a reception is
 * right when the inferred send is that step.
 *
 *   precision = right / receptions given a send
 *   recall    = right / receptions with a true send
 */
import type { MeshRecord, MirosRecord, TraceRecord } from '../../../shared/records/MirosRecord.ts';
import { SequenceBuilder } from '../../../shared/sequence/model/SequenceBuilder.ts';
import { inferReceptions, remoteSignal, type InferenceOptions } from '../../../shared/sequence/model/inferReceptions.ts';

const SEND_STAMP_SLACK_MS = 10;

export interface InferenceScore {
  truePairs: number;
  inferred: number;
  right: number;
  /** Right sending chart, whatever the step. */
  rightChart: number;
  noSendSeen: number;
  precision: number;
  recall: number;
  /** Reception time − true send time (ms), per true pair. */
  delays: number[];
}

export function scoreInference(records: readonly MirosRecord[], options: Partial<InferenceOptions> = {}): InferenceScore {
  const traces = records.filter((r): r is TraceRecord => r.kind === 'trace');
  const meshBySeq = new Map(records.filter((r): r is MeshRecord => r.kind === 'mesh').map((r) => [r.seq, r]));
  const bySeq = new Map(traces.map((t) => [t.seq, t]));

  // Truth: the builder's mesh pairing (it never infers for paired receptions).
  const builder = new SequenceBuilder();
  builder.add(records);
  const items = builder.model().system.items;
  const messageSeqOfN = new Map(items.filter((i) => i.type === 'message').map((i) => [i.n, i.seq]));
  const truth = new Map<number, TraceRecord>();
  for (const item of items) {
    if (item.type !== 'state' || item.causedBy === undefined || remoteSignal(item.signal) === null) continue;
    const mesh = meshBySeq.get(messageSeqOfN.get(item.causedBy)!);
    const sender = mesh?.correlation?.chart;
    if (!mesh || sender === undefined) continue;
    let send: TraceRecord | undefined;
    for (const t of traces) if (t.chart === sender && t.time !== null && t.time <= mesh.received + SEND_STAMP_SLACK_MS && (!send || t.time >= send.time!)) send = t;
    if (send) truth.set(item.seq, send);
  }

  const inferred = inferReceptions(
    traces.map((t) => ({ id: t.seq, chart: t.chart ?? '', signal: t.signal, to: t.to, time: t.time, received: t.received, ...(t.payload !== undefined && { payload: t.payload }) })),
    options,
  );
  let given = 0;
  let right = 0;
  let rightChart = 0;
  let noSendSeen = 0;
  for (const [receptionSeq, send] of inferred) {
    if (!send) {
      noSendSeen += 1;
      continue;
    }
    given += 1;
    const expected = truth.get(receptionSeq);
    if (expected && expected.seq === send.id) right += 1;
    if (expected && expected.chart === send.chart) rightChart += 1;
  }
  const delays = [...truth].map(([seq, send]) => bySeq.get(seq)!.time! - send.time!);
  return {
    truePairs: truth.size,
    inferred: given,
    right,
    rightChart,
    noSendSeen,
    precision: given === 0 ? 1 : right / given,
    recall: truth.size === 0 ? 1 : right / truth.size,
    delays,
  };
}
