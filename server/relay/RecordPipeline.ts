/**
 * The one path every record takes into the session: encode, then number,
 * then count, record and relay.
 *
 *   record ─▶ encode as JSON ──ok──▶ number (Sequencer) ─▶ counters
 *                 │                        │            ├─▶ Recorder.writeLine (the same line)
 *                 │ too large /            │            └─▶ RelayHub.publish (ring sized by the line)
 *                 │ does not encode        │
 *                 └─▶ a small `rejected` ──┘
 *                     meta record instead
 *
 * Why encode first: a seq is handed out only to a record that can be stored.
 * Numbering first and encoding later (as the server once did) let one record
 * that JSON.stringify could not write — a payload nested 4,100 levels deep —
 * take a seq, fail in the recorder, never reach the ring buffer, and leave
 * every later record refused with "ring buffer expected seq N". Here nothing
 * after numbering can fail on the record's content: the line is already
 * written, and the recorder and the relay only append it.
 *
 * The line is encoded once and shared: its length sizes the record in the
 * ring buffer (bounded in characters) and it is what the recording stores.
 */
import type { MetaRecord, MirosRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { RECORD_VERSION } from '../../shared/records/MirosRecord.ts';
import type { Recorder } from '../recorder/Recorder.ts';
import type { RelayCounters } from './RelayCounters.ts';
import type { RelayHub } from './RelayHub.ts';
import type { Sequencer } from './Sequencer.ts';

export interface RecordPipelineOptions {
  sequencer: Sequencer;
  counters: RelayCounters;
  hub: Pick<RelayHub, 'publish' | 'statusChanged'>;
  /** The session's recording; skipped once it is not open (failed or closed). */
  recorder: Pick<Recorder, 'state' | 'writeLine'> | null;
  /** Largest record, as the length of its JSON line (messageBudgets.maxRecordChars). */
  maxRecordChars: number;
}

export class RecordPipeline {
  constructor(readonly options: RecordPipelineOptions) {}

  /** Encodes, numbers, counts, records and relays one record; returns it numbered. */
  ingest(record: UnnumberedRecord): MirosRecord {
    const { sequencer, counters, hub, recorder } = this.options;
    let accepted = record;
    let body = this.#encode(record);
    if (typeof body !== 'string') {
      accepted = refusal(record, body.reason, body.detail);
      body = this.#encode(accepted) as string;
    }
    const numbered = sequencer.number(accepted);
    const line = withSeq(accepted.v, numbered.seq, body);
    counters.count(numbered);
    if (recorder?.state === 'open') recorder.writeLine(line);
    hub.publish(numbered, line.length);
    hub.statusChanged();
    return numbered;
  }

  /** The record's JSON without `v` and `seq` (`{"kind":…}`), or why it cannot be kept. */
  #encode(record: UnnumberedRecord): string | { reason: string; detail: string } {
    const { v: _v, seq: _seq, ...rest } = record as UnnumberedRecord & { seq?: unknown };
    let body: string;
    try {
      body = JSON.stringify(rest);
    } catch (error) {
      // A stack overflow (nesting) or a value JSON cannot write (a bigint, a cycle).
      return { reason: 'record-unencodable', detail: `the record cannot be written as JSON: ${(error as Error).message.slice(0, 200)}` };
    }
    if (body.length > this.options.maxRecordChars) {
      return { reason: 'record-too-large', detail: `the record's JSON has ${body.length} characters, more than ${this.options.maxRecordChars}` };
    }
    return body;
  }
}

/**
 * `{"v":1,"seq":N,…}` — byte for byte what JSON.stringify writes for the
 * numbered record (the Sequencer puts `v` first and `seq` second).
 */
function withSeq(v: unknown, seq: number, body: string): string {
  // v is always a number in practice; anything else goes through JSON.stringify to stay exact.
  const head = typeof v === 'number' && Number.isFinite(v) ? `{"v":${v},"seq":${seq}` : JSON.stringify({ v, seq }).slice(0, -1);
  return body === '{}' ? `${head}}` : `${head},${body.slice(1)}`;
}

/** A small meta record that stands, counted, for a record that could not be kept. */
function refusal(record: UnnumberedRecord, reason: string, detail: string): Omit<MetaRecord, 'seq'> {
  const network = record.kind === 'meta' ? record.network : record.kind;
  return {
    v: RECORD_VERSION,
    kind: 'meta',
    event: 'rejected',
    reason,
    ...(network ? { network } : {}),
    detail,
    chart: typeof record.chart === 'string' ? record.chart.slice(0, 200) : null,
    node: typeof record.node === 'string' ? record.node.slice(0, 200) : null,
    time: null,
    received: record.received,
    raw: `rejected ${network ?? 'server'} record: ${reason}`,
  };
}
