/**
 * How a recording opens — whole or a window at a time — from the Recordings
 * menu and from a shared link alike, and what link a windowed recording
 * writes: its cursor counted in the whole recording, so a reload opens the
 * window around the same record. The far side (the server) is a fake fetch.
 */
import { describe, expect, it } from 'vitest';
import { opensWindowed, openRecording, recordingOpening } from '../../web/src/shell/openRecording.ts';
import { openStartupSource } from '../../web/src/shell/openStartupSource.ts';
import { replayLoading, urlStateOf, wholeCursor } from '../../web/src/shell/useUrlSync.ts';
import { planUrlWrite } from '../../web/src/shell/urlState.ts';
import { createDashboardStore } from '../../web/src/store/createDashboardStore.ts';
import { SourceSession } from '../../web/src/sources/SourceSession.ts';
import { RECORDS_LOADED_WHOLE, RecordingWindowSource, WINDOW_RECORDS } from '../../web/src/sources/RecordingWindowSource.ts';
import { ReplaySource } from '../../web/src/sources/ReplaySource.ts';
import type { RecordingSummary, RecordingWindow } from '../../shared/contract/recordingRange.ts';
import { trace } from './support/records.ts';
import { settle } from './support/VirtualClock.ts';

const BIG = 5_000_000;
const ORIGIN = 'http://server';

/** The far side: a server holding recordings of the given sizes; it counts what it is asked. */
function fakeServer(sizes: Record<string, number>, options: { indexStatus?: number; refuse?: boolean } = {}) {
  const requests: string[] = [];
  const doFetch = (async (input: string | URL | Request) => {
    const url = new URL(String(input), ORIGIN);
    requests.push(url.pathname + url.search);
    if (options.refuse) throw new TypeError('Failed to fetch');
    const name = decodeURIComponent(url.pathname.split('/')[3] ?? '');
    const total = sizes[name];
    if (total === undefined) return new Response('{"error":"no such recording"}', { status: 404 });
    if (url.pathname.endsWith('/index')) {
      if (options.indexStatus) return new Response('{"error":"no"}', { status: options.indexStatus });
      const summary: RecordingSummary = { name, records: total, firstReceived: 0, lastReceived: total - 1, step: 4096, marks: [] };
      return Response.json(summary);
    }
    if (url.pathname.endsWith('/records')) {
      const from = Number(url.searchParams.get('from'));
      const count = Math.min(Number(url.searchParams.get('count')), total - from);
      const window: RecordingWindow = { from, total, truncated: false, records: Array.from({ length: count }, (_, k) => trace(from + k + 1, 'c', 's', 'a', 'b')) };
      return Response.json(window);
    }
    // The whole recording: a page would load all of it.
    return new Response('', { status: 200 });
  }) as typeof fetch;
  return { doFetch, requests };
}

function page() {
  const store = createDashboardStore();
  const session = new SourceSession(store, async () => undefined);
  return { store, session };
}

/** What the URL sync would write now, from the link the page was opened with. */
function linkWritten(store: ReturnType<typeof createDashboardStore>, session: SourceSession, search: string) {
  const state = store.getState();
  return planUrlWrite({ ...urlStateOf(state, session, ORIGIN), loading: replayLoading(state) }, search, undefined)?.search ?? search;
}

describe('recordingOpening', () => {
  it('opens whole up to RECORDS_LOADED_WHOLE records and a window at a time above, asking nothing when the count is known', async () => {
    const server = fakeServer({});
    expect([opensWindowed(RECORDS_LOADED_WHOLE), opensWindowed(RECORDS_LOADED_WHOLE + 1)]).toEqual([false, true]);
    expect(await recordingOpening('a', { records: RECORDS_LOADED_WHOLE, fetch: server.doFetch })).toEqual({ kind: 'whole' });
    expect(await recordingOpening('a', { records: BIG, fetch: server.doFetch })).toEqual({ kind: 'windowed', summary: null });
    expect(server.requests).toEqual([]);
  });

  it('asks the index for the count when it is not known (a link), and keeps the answer for the window', async () => {
    const server = fakeServer({ big: BIG, small: 1200, edge: RECORDS_LOADED_WHOLE });
    const big = await recordingOpening('big', { fetch: server.doFetch });
    expect(big.kind === 'windowed' && big.summary?.records).toBe(BIG);
    expect(await recordingOpening('small', { fetch: server.doFetch })).toEqual({ kind: 'whole' });
    expect(await recordingOpening('edge', { fetch: server.doFetch })).toEqual({ kind: 'whole' });
    expect(server.requests).toEqual(['/api/recordings/big/index', '/api/recordings/small/index', '/api/recordings/edge/index']);
  });

  it('opens whole when the index cannot say (an older server, a missing recording, no answer): the load then reports it', async () => {
    expect(await recordingOpening('big', { fetch: fakeServer({ big: BIG }, { indexStatus: 404 }).doFetch })).toEqual({ kind: 'whole' });
    expect(await recordingOpening('gone', { fetch: fakeServer({}).doFetch })).toEqual({ kind: 'whole' });
    expect(await recordingOpening('big', { fetch: fakeServer({ big: BIG }, { refuse: true }).doFetch })).toEqual({ kind: 'whole' });
  });
});

describe('a link to a recording too big to load whole', () => {
  it('opens a window around its cursor, asking the index once, never for the whole recording', async () => {
    const server = fakeServer({ big: BIG });
    const { store, session } = page();
    const search = '?recording=big&at=2500000&q=kind%3Atrace';
    await openStartupSource(session, { search, origin: ORIGIN }, async () => true, store, server.doFetch);
    await settle();
    expect(session.current).toBeInstanceOf(RecordingWindowSource);
    const from = 2_500_000 - 1 - WINDOW_RECORDS / 2;
    expect(server.requests).toEqual(['/api/recordings/big/index', `/api/recordings/big/records?from=${from}&count=${WINDOW_RECORDS}`]);
    const state = store.getState();
    expect([state.source.window?.from, state.cursor, state.length]).toEqual([from, WINDOW_RECORDS / 2 + 1, WINDOW_RECORDS]);
    // The last record shown is record 2,500,000 (seq), so the link's cursor says the same.
    expect(state.log.at(state.cursor! - 1).seq).toBe(2_500_000);
    expect(wholeCursor(state)).toBe(2_500_000);
    expect(linkWritten(store, session, search)).toBe(search);
  });

  it('writes the cursor counted in the whole recording as it moves, so a reload lands on the same record', async () => {
    const server = fakeServer({ big: BIG });
    const { store, session } = page();
    await openStartupSource(session, { search: '?recording=big', origin: ORIGIN }, async () => true, store, server.doFetch);
    await settle();
    const source = session.current as RecordingWindowSource;
    source.seek(10);
    await settle();
    expect(linkWritten(store, session, '?recording=big&at=1')).toBe('?recording=big&at=10');
    source.moveTo(4_000_000);
    await settle();
    const written = linkWritten(store, session, '?recording=big&at=10');
    expect(written).toBe('?recording=big&at=4000001');

    // The reload: a new page opened with that link shows the same record last.
    const again = page();
    const reloaded = fakeServer({ big: BIG });
    await openStartupSource(again.session, { search: written, origin: ORIGIN }, async () => true, again.store, reloaded.doFetch);
    await settle();
    const state = again.store.getState();
    expect(state.log.at(state.cursor! - 1).seq).toBe(4_000_001);
    expect(linkWritten(again.store, again.session, written)).toBe(written);
  });

  it('keeps the link\'s cursor while the window is still on its way', async () => {
    const server = fakeServer({ big: BIG });
    const { store, session } = page();
    const search = '?recording=big&at=3000000';
    const opening = openStartupSource(session, { search, origin: ORIGIN }, async () => true, store, server.doFetch);
    await opening;
    // Opened, its window not yet shown.
    expect(replayLoading(store.getState())).toBe(true);
    expect(linkWritten(store, session, search)).toBe(search);
  });
});

describe('a link to a recording small enough to load whole', () => {
  it('loads it whole (a replay), as the menu does', async () => {
    const server = fakeServer({ small: 1200 });
    const { store, session } = page();
    await openStartupSource(session, { search: '?recording=small&at=40', origin: ORIGIN }, async () => true, store, server.doFetch);
    expect(session.current).toBeInstanceOf(ReplaySource);
    expect(server.requests).toEqual(['/api/recordings/small/index']);
    session.close();
  });
});

describe('openRecording', () => {
  it('leaves the screen to a source opened while the index was asked', async () => {
    const server = fakeServer({ big: BIG });
    const { session } = page();
    const opening = openRecording(session, 'big', { fetch: server.doFetch });
    const chosen = new RecordingWindowSource('other', { fetch: server.doFetch });
    session.open(chosen);
    expect(await opening).toBe(false);
    expect(session.current).toBe(chosen);
    session.close();
  });
});
