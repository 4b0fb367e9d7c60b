/**
 * Issue 9: every download format of a recording gives back, parsed, the
 * records that went in, whatever control characters their names hold; and
 * the miros text download holds none raw.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import type { MirosRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { hostileRecordGenerator } from '../parsers/hostileRecords.ts';
import { startTestServer, type TestServer } from './support/startTestServer.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

/** What a record says, without where and when it was read. */
function content(r: MirosRecord) {
  const { raw: _raw, origin: _origin, seq: _seq, received: _received, ...rest } = r;
  return r.kind === 'meta' && r.event === 'note' ? { ...rest, raw: r.raw } : rest;
}

function unnumbered(r: MirosRecord): UnnumberedRecord {
  const { seq: _seq, ...rest } = r;
  return rest as UnnumberedRecord;
}

const HOSTILE_MESH: MirosRecord[] = [
  {
    v: 1, seq: 1, kind: 'mesh', chart: 'a\nb', node: null, time: null, received: 0, raw: '',
    signal: 'go\x1b[2J\u2028', payload: { 'k\n': ['\0\x85\u202e', 1] }, sender: '10.0.0.1\r\n[forged]', routingKey: 'r\t',
  },
  {
    v: 1, seq: 1, kind: 'meta', chart: null, node: null, time: null, received: 0, raw: 'x\ny',
    event: 'rejected', reason: 'bad\n', detail: '\x1b]0;title\x07', network: 'mesh',
  },
];

async function download(base: string, name: string, format: string): Promise<string> {
  const res = await fetch(`${base}/api/recordings/${name}?format=${format}`);
  expect(res.status).toBe(200);
  return res.text();
}

describe('recording downloads of hostile records', () => {
  it('give the records back from JSON lines and from miros text', async () => {
    const t = await startTestServer({ webDist: '/nonexistent' });
    servers.push(t);
    const next = hostileRecordGenerator(42);
    const sent = Array.from({ length: 300 }, next);
    for (const r of [...sent, ...HOSTILE_MESH]) t.server.ingest(unnumbered(r));
    const name = t.server.recordingName()!;

    const jsonText = await download(t.base, name, 'jsonl');
    // JSON escapes C0 controls itself; the download escapes DEL, C1, U+2028/U+2029 and bidi controls too.
    expect(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(jsonText)).toBe(false);
    const jsonl = parseLog(jsonText, { received: 0, format: 'miroscope-jsonl' });
    expect(jsonl.errors).toEqual([]);
    const fromJson = jsonl.records.filter((r) => r.node !== 'server');
    expect(fromJson.map(content)).toEqual([...sent, ...HOSTILE_MESH].map(content));

    const text = await download(t.base, name, 'miros');
    expect(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]/.test(text)).toBe(false);
    const miros = parseLog(text, { received: 0 });
    expect(miros.errors).toEqual([]);
    // Mesh and meta lines are for reading and come back as notes (formatRecord); the rest exactly.
    const fromText = miros.records.slice(0, sent.length);
    expect(fromText.map(content)).toEqual(
      sent.map((r) => (r.kind === 'spy' && !r.line.startsWith('#') ? { ...r, time: null } : r)).map(content),
    );
    expect(miros.records.slice(sent.length).map((r) => r.kind === 'meta' && r.event)).toEqual(
      Array(miros.records.length - sent.length).fill('note'),
    );
  });
});
