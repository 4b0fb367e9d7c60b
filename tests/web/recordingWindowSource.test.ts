import { describe, expect, it } from 'vitest';
import { RecordingWindowSource, WINDOW_RECORDS } from '../../web/src/sources/RecordingWindowSource.ts';
import type { SourceUpdate } from '../../web/src/sources/Source.ts';
import type { RecordingSummary, RecordingWindow } from '../../shared/contract/recordingRange.ts';
import { trace } from './support/records.ts';
import { settle } from './support/VirtualClock.ts';

const TOTAL = 100_000;

/** The far side: a server with one recording of TOTAL records, answering when the test says so. */
function fakeServer(options: { hold?: boolean; failRecords?: number } = {}) {
  const requests: string[] = [];
  const held: (() => void)[] = [];
  const doFetch = (async (input: string | URL | Request) => {
    const url = new URL(String(input), 'http://server');
    requests.push(url.pathname + url.search);
    if (url.pathname.endsWith('/index')) {
      const summary: RecordingSummary = { name: 'big', records: TOTAL, firstReceived: 0, lastReceived: TOTAL - 1, step: 4096, marks: [] };
      return new Response(JSON.stringify(summary), { headers: { 'content-type': 'application/json' } });
    }
    if (options.failRecords) return new Response('{"error":"gone"}', { status: options.failRecords });
    if (options.hold) await new Promise<void>((resolve) => held.push(resolve));
    const from = Number(url.searchParams.get('from'));
    const count = Math.min(Number(url.searchParams.get('count')), TOTAL - from);
    const window: RecordingWindow = { from, total: TOTAL, truncated: false, records: Array.from({ length: count }, (_, k) => trace(from + k + 1, 'c', 's', 'a', 'b')) };
    return new Response(JSON.stringify(window), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { doFetch, requests, release: () => held.splice(0).forEach((go) => go()) };
}

function open(server: ReturnType<typeof fakeServer>, openAt?: number) {
  const source = new RecordingWindowSource('big', { fetch: server.doFetch, ...(openAt === undefined ? {} : { openAt }) });
  const updates: SourceUpdate[] = [];
  source.setListener(async (u) => {
    updates.push(u);
  });
  const withRecords = () => updates.filter((u) => u.records && u.records.length > 0);
  return { source, updates, withRecords, last: () => updates.at(-1)!.state };
}

describe('RecordingWindowSource', () => {
  it('opens at the start with a window of the recording, numbered in the whole, and offers seek but not play', async () => {
    const server = fakeServer();
    const { withRecords, last } = open(server);
    await settle();
    expect(server.requests).toEqual(['/api/recordings/big/index', `/api/recordings/big/records?from=0&count=${WINDOW_RECORDS}`]);
    const [shown] = withRecords();
    expect(shown!.reset).toBe(true);
    expect(shown!.records!.map((r) => r.seq)).toEqual(Array.from({ length: WINDOW_RECORDS }, (_, k) => k + 1));
    expect(last().window).toEqual({ from: 0, count: WINDOW_RECORDS, total: TOTAL, firstReceived: 0, lastReceived: TOTAL - 1, loadingAt: null });
    expect([last().cursor, last().capabilities]).toEqual([1, { play: false, seek: true, speed: false }]);
  });

  it('moves to any record with a window centred on it, the cursor on that record', async () => {
    const server = fakeServer();
    const { source, withRecords, last } = open(server, 70_000);
    await settle();
    expect(withRecords()[0]!.records![0]!.seq).toBe(70_000 - WINDOW_RECORDS / 2 + 1);
    source.moveTo(50_000);
    await settle();
    const moved = withRecords().at(-1)!;
    expect([moved.reset, moved.seeked, moved.records![0]!.seq, moved.records!.length]).toEqual([true, true, 50_000 - WINDOW_RECORDS / 2 + 1, WINDOW_RECORDS]);
    // Cursor = records shown; the last shown is record 50,000 (0-based), seq 50,001.
    const cursor = last().cursor!;
    expect(moved.records![cursor - 1]!.seq).toBe(50_001);
    // The last window ends at the recording's end.
    source.moveTo(TOTAL + 10);
    await settle();
    expect(last().window?.from).toBe(TOTAL - WINDOW_RECORDS);
    expect(withRecords().at(-1)!.records!.at(-1)!.seq).toBe(TOTAL);
    expect(last().cursor).toBe(WINDOW_RECORDS);
  });

  it('while a window is in flight, fetches only the newest move asked for', async () => {
    const server = fakeServer({ hold: true });
    const { source, withRecords, last } = open(server);
    await settle();
    server.release();
    await settle();
    source.moveTo(10_000);
    source.moveTo(20_000);
    source.moveTo(30_000);
    await settle();
    expect(last().window?.loadingAt).toBe(30_000);
    server.release();
    await settle();
    server.release();
    await settle();
    const froms = server.requests.filter((r) => r.includes('/records')).map((r) => Number(new URL(r, 'http://x').searchParams.get('from')));
    expect(froms).toEqual([0, 10_000 - WINDOW_RECORDS / 2, 30_000 - WINDOW_RECORDS / 2]);
    // The page never saw the window for 10,000: it had moved on.
    expect(withRecords().map((u) => u.records![0]!.seq)).toEqual([1, 30_000 - WINDOW_RECORDS / 2 + 1]);
    expect(last().window?.loadingAt).toBeNull();
  });

  it('steps within the window, and past its edge moves the window', async () => {
    const server = fakeServer();
    const { source, last } = open(server, 50_000);
    await settle();
    const from = last().window!.from;
    source.step(-1);
    await settle();
    expect([last().window!.from, last().cursor]).toEqual([from, 50_000 - from]);
    source.seek(1);
    source.step(-1);
    await settle();
    expect(last().window!.from).toBe(from - 1 - WINDOW_RECORDS / 2);
  });

  it('says what failed when the server refuses a window', async () => {
    const server = fakeServer({ failRecords: 500 });
    const { last } = open(server);
    await settle();
    expect([last().presence, last().error]).toEqual(['error', 'GET big/records answered 500']);
  });
});
