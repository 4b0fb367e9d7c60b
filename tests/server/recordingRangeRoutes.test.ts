import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordingSummary, RecordingWindow } from '../../shared/contract/recordingRange.ts';
import { startTestServer, type TestServer } from './support/startTestServer.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

function lines(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    text += JSON.stringify({ v: 1, kind: 'trace', chart: 'ao', received: 5000 + i, raw: `e${i}`, signal: `s${i}`, from: 'a', to: 'b' }) + '\n';
  }
  return text;
}

describe('GET /api/recordings/:name/index and /records', () => {
  it('summarises a recording and serves a window from its middle, numbered in the whole', async () => {
    const s = await startTestServer();
    servers.push(s);
    writeFileSync(path.join(s.recordings, 'long.jsonl'), lines(20_000));
    const summary = (await (await fetch(`${s.base}/api/recordings/long/index`)).json()) as RecordingSummary;
    expect({ ...summary, marks: summary.marks.length }).toEqual({
      name: 'long', records: 20_000, firstReceived: 5000, lastReceived: 24_999, step: 4096, marks: 5,
    });
    expect(summary.marks[2]).toEqual([8192, 5000 + 8192]);
    const window = (await (await fetch(`${s.base}/api/recordings/long/records?from=10000&count=3`)).json()) as RecordingWindow;
    expect(window.from).toBe(10_000);
    expect(window.total).toBe(20_000);
    expect(window.records.map((r) => [r.seq, r.kind === 'trace' ? r.signal : '', r.received])).toEqual([
      [10_001, 's10000', 15_000],
      [10_002, 's10001', 15_001],
      [10_003, 's10002', 15_002],
    ]);
  });

  it('refuses bad windows with 400 and unknown recordings with 404', async () => {
    const s = await startTestServer();
    servers.push(s);
    writeFileSync(path.join(s.recordings, 'r.jsonl'), lines(3));
    expect((await fetch(`${s.base}/api/recordings/r/records?from=-1`)).status).toBe(400);
    expect((await fetch(`${s.base}/api/recordings/r/records?count=50001`)).status).toBe(400);
    expect((await fetch(`${s.base}/api/recordings/nope/index`)).status).toBe(404);
    expect((await fetch(`${s.base}/api/recordings/r/records?from=2&count=10`)).status).toBe(200);
  });

  it('reads the live recording up to its last record', async () => {
    const s = await startTestServer();
    servers.push(s);
    s.server.note({ event: 'note', detail: 'one' });
    s.server.note({ event: 'note', detail: 'two' });
    const name = s.server.recorder.name;
    const window = (await (await fetch(`${s.base}/api/recordings/${name}/records?from=0&count=10`)).json()) as RecordingWindow;
    expect(window.records.map((r) => (r.kind === 'meta' ? r.detail : null)).slice(-2)).toEqual(['one', 'two']);
  });
});
