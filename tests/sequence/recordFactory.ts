/**
 * Builds records for the sequence tests. Trace lines are read with a small
 * local pattern (the shared trace-line parser belongs to another module and
 * is tested there); mesh and spy records are written out directly.
 */
import type { MeshRecord, SpyRecord, TraceRecord } from '../../shared/records/MirosRecord.ts';

const TRACE = /^\s*(?:\[\+t\] )?\[(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)(?:\.(\d+))?\] \[([^\]]+)\] e->([^(]+)\((.*)\) (\S+)->(\S+)$/;

/** TraceRecords from trace lines, numbered from `firstSeq`; non-trace lines are skipped. */
export function traceRecords(text: string, firstSeq = 1): TraceRecord[] {
  const records: TraceRecord[] = [];
  for (const raw of text.split('\n')) {
    const m = TRACE.exec(raw);
    if (!m) continue;
    const [, y, mo, d, h, mi, s, frac = '', chart, signal, payload, from, to] = m as unknown as string[];
    const time = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) + Number(frac.padEnd(6, '0').slice(0, 6)) / 1000;
    records.push({
      v: 1,
      seq: firstSeq + records.length,
      kind: 'trace',
      chart: chart!,
      node: null,
      time,
      received: 1_000_000 + records.length,
      raw: raw.trim(),
      signal: signal!,
      ...(payload ? { payload } : {}),
      from: from!,
      to: to!,
    });
  }
  return records;
}

export function trace(
  seq: number,
  chart: string,
  signal: string,
  from: string,
  to: string,
  at: { time?: number | null; received?: number; payload?: string } = {},
): TraceRecord {
  return {
    v: 1,
    seq,
    kind: 'trace',
    chart,
    node: null,
    time: at.time === undefined ? seq * 1000 : at.time,
    received: at.received ?? seq * 1000,
    raw: `e->${signal}(${at.payload ?? ''}) ${from}->${to}`,
    signal,
    ...(at.payload !== undefined && { payload: at.payload }),
    from,
    to,
  };
}

export function mesh(
  seq: number,
  signal: string,
  payload: unknown,
  at: { time?: number | null; received?: number; sender?: string | null; chart?: string } = {},
): MeshRecord {
  return {
    v: 1,
    seq,
    kind: 'mesh',
    chart: null,
    node: null,
    time: at.time === undefined ? null : at.time,
    received: at.received ?? seq * 1000,
    raw: JSON.stringify({ signal_name: signal, payload }),
    signal,
    payload,
    sender: at.sender === undefined ? '192.168.0.10' : at.sender,
    ...(at.chart !== undefined && { correlation: { messageId: `m${seq}`, chart: at.chart, seq } }),
  };
}

export function spy(seq: number, chart: string, line: string, received = seq * 1000): SpyRecord {
  const [signal, state] = line.split(':');
  return { v: 1, seq, kind: 'spy', chart, node: null, time: null, received, raw: `${chart} ${line}`, line, signal, state };
}
