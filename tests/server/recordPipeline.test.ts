/**
 * Issue 9, item 1: one record must never leave the relay and the recorder
 * out of step. A payload nested thousands of levels deep used to get a seq,
 * overflow the stack in the recorder's JSON.stringify, miss the ring buffer,
 * and make every later record fail with "ring buffer expected seq N".
 * Records here enter the way an in-process chart's do (server.ingest), past
 * the network decoder's own depth budget, so the pipeline's guard is what is
 * tested.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MirosRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { RelayTestClient } from './support/RelayTestClient.ts';
import { startTestServer, type TestServer } from './support/startTestServer.ts';

const servers: TestServer[] = [];
const clients: RelayTestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.stop();
});

async function start(options: Parameters<typeof startTestServer>[0] = {}) {
  const s = await startTestServer({ recorderFlushMs: 5, ...options });
  servers.push(s);
  return s;
}
function client(s: TestServer) {
  const c = new RelayTestClient(s.base);
  clients.push(c);
  return c;
}

function nested(levels: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}
const mesh = (signal: string, payload: unknown): UnnumberedRecord => ({
  v: 1, kind: 'mesh', chart: 'abuser', node: 'n1', time: null, received: 1, raw: '(not kept)', signal, payload, sender: '10.0.0.9',
});
const seqs = (records: MirosRecord[]) => records.map((r) => r.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ours = (records: MirosRecord[]) => records.filter((r) => r.chart === 'abuser');

describe('RecordPipeline', () => {
  it('refuses a record JSON cannot write without giving it a seq, and relays and records everything after it', async () => {
    const s = await start();
    const early = client(s);
    await early.connected();
    const first = s.server.ingest(mesh('before', 1));
    const deep = s.server.ingest(mesh('deep', nested(20_000)));
    for (let i = 0; i < 5; i++) s.server.ingest(mesh(`after${i}`, i));
    const last = s.server.health().lastSeq;
    expect(deep).toMatchObject({ kind: 'meta', event: 'rejected', reason: 'record-unencodable', chart: 'abuser', node: 'n1', network: 'mesh' });
    const late = client(s);
    for (const c of [early, late]) await c.until(() => c.lastSeq === last);
    for (const c of [early, late]) expect(seqs(c.records)).toEqual(range(1, last));
    expect(ours(late.records).map((r) => (r.kind === 'mesh' ? r.signal : r.kind === 'meta' ? r.reason : r.kind))).toEqual(['before', 'record-unencodable', 'after0', 'after1', 'after2', 'after3', 'after4']);
    // The recording holds the same records, line for line.
    s.server.flushRecording();
    const lines = readFileSync(path.join(s.recordings, `${s.server.recorder.name}.jsonl`), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(late.records);
    expect(lines).toEqual(late.records.map((r) => JSON.stringify(r)));
    expect(s.server.health().counters.rejected).toEqual({ 'record-unencodable': 1 });
    expect(first.seq).toBe(deep.seq - 1);
  });

  it('with the recording already failed (its disk budget spent), the same record throws nothing and the relay goes on', async () => {
    const s = await start({ budgets: { maxRecordingBytes: 1 } });
    s.server.ingest(mesh('first', 1));
    s.server.flushRecording();
    expect(s.server.recorder.state).toBe('failed');
    const c = client(s);
    await c.connected();
    s.server.ingest(mesh('deep', nested(20_000)));
    const after = s.server.ingest(mesh('after', 1));
    await c.until(() => c.lastSeq === after.seq);
    expect(ours(c.records).map((r) => r.kind)).toEqual(['mesh', 'meta', 'mesh']);
  });

  it('refuses a record over maxRecordChars, counted by reason', async () => {
    const s = await start({ budgets: { maxRecordChars: 10_000 } });
    const big = s.server.ingest(mesh('big', 'x'.repeat(20_000)));
    const small = s.server.ingest(mesh('small', 'x'.repeat(100)));
    expect([big.kind === 'meta' && big.reason, small.kind]).toEqual(['record-too-large', 'mesh']);
    expect(s.server.health().counters.rejected).toEqual({ 'record-too-large': 1 });
    expect(JSON.stringify(big).length).toBeLessThan(1_000);
  });

  it('keeps the ring buffer within ringChars and reports it in /api/health', async () => {
    const s = await start({ budgets: { ringChars: 200_000, maxRecordChars: 100_000 } });
    for (let i = 0; i < 50; i++) s.server.ingest(mesh(`m${i}`, 'x'.repeat(20_000)));
    const health = (await (await fetch(`${s.base}/api/health`)).json()) as { relay: { records: number; chars: number }; budgets: { ringChars: number } };
    expect(health.relay.chars).toBeLessThanOrEqual(200_000);
    expect(health.relay.records).toBeGreaterThanOrEqual(9);
    expect(health.relay.records).toBeLessThanOrEqual(10);
    expect(health.budgets.ringChars).toBe(200_000);
  });
});
