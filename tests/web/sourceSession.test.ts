import { describe, expect, it } from 'vitest';
import { createDashboardStore, visibleEnd } from '../../web/src/store/createDashboardStore.ts';
import { SourceSession } from '../../web/src/sources/SourceSession.ts';
import { FakeSource } from '../../web/src/sources/FakeSource.ts';
import { REPLAY_CAPABILITIES } from '../../web/src/sources/Source.ts';
import { trace } from './support/records.ts';
import { settle } from './support/VirtualClock.ts';

/** A "render" the test completes by hand, to observe backpressure. */
function manualRender() {
  const pending: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((resolve) => pending.push(resolve)),
    finishAll: () => pending.splice(0).forEach((r) => r()),
    get waiting() {
      return pending.length;
    },
  };
}

describe('SourceSession', () => {
  it('applies records to the store at the next frame and holds the source until then', async () => {
    const store = createDashboardStore();
    const render = manualRender();
    const session = new SourceSession(store, render.wait);
    const source = new FakeSource();
    session.open(source);
    let taken = false;
    void source.pushRecords([trace(1, 'a', 'go', 'x', 'y'), trace(2, 'b', 'go', 'x', 'y')]).then(() => (taken = true));
    await settle();
    expect([store.getState().length, render.waiting, taken]).toEqual([0, 1, false]);
    render.finishAll();
    await settle();
    expect([store.getState().length, taken]).toEqual([2, true]);
  });

  it('applies everything that arrived while waiting for a frame in one store update', async () => {
    const store = createDashboardStore();
    const render = manualRender();
    const session = new SourceSession(store, render.wait);
    const source = new FakeSource();
    session.open(source);
    let updates = 0;
    store.subscribe((s, before) => void (s.length !== before.length && updates++));
    void source.pushRecords([trace(1, 'a', 'go', 'x', 'y')]);
    await settle();
    // Three more batches arrive before the frame comes: held, not applied one by one.
    void source.pushRecords([trace(2, 'a', 'go', 'y', 'x')]);
    void source.pushRecords([trace(3, 'a', 'go', 'x', 'y')]);
    void source.pushRecords([trace(4, 'a', 'go', 'y', 'x')]);
    await settle();
    expect([store.getState().length, updates]).toEqual([0, 0]);
    render.finishAll();
    await settle();
    expect([store.getState().length, updates, render.waiting]).toEqual([1, 1, 1]);
    render.finishAll();
    await settle();
    expect([store.getState().length, updates]).toEqual([4, 2]);
  });

  it('applies a jump the user asked for (seeked) at once, and still holds the source until the frame', async () => {
    const store = createDashboardStore();
    const render = manualRender();
    const session = new SourceSession(store, render.wait);
    const source = new FakeSource();
    session.open(source);
    let taken = false;
    void source.push({ records: [trace(1, 'a', 'go', 'x', 'y'), trace(2, 'a', 'go', 'y', 'x')], seeked: true }).then(() => (taken = true));
    await settle();
    // In the store before any frame: a panel that seeked reads the new cursor back in its next frame.
    expect([store.getState().length, render.waiting, taken]).toEqual([2, 1, false]);
    render.finishAll();
    await settle();
    expect(taken).toBe(true);
  });

  it('applies nothing from a source closed while it waited for a frame', async () => {
    const store = createDashboardStore();
    const render = manualRender();
    const session = new SourceSession(store, render.wait);
    const source = new FakeSource();
    session.open(source);
    void source.pushRecords([trace(1, 'a', 'go', 'x', 'y')]);
    await settle();
    session.close();
    render.finishAll();
    await settle();
    expect(store.getState().length).toBe(0);
  });

  it('throws away everything on a discontinuity and keeps the selected chart', async () => {
    const store = createDashboardStore();
    const session = new SourceSession(store, async () => undefined);
    const source = new FakeSource();
    session.open(source);
    await source.pushRecords([trace(1, 'a', 'go', 'x', 'y'), trace(2, 'a', 'go', 'y', 'x')]);
    store.getState().selectChart('a');
    const before = store.getState();
    await source.push({ reset: true, records: [trace(1, 'a', 'again', 'x', 'y')] });
    const after = store.getState();
    const first = after.log.at(0);
    expect([after.length, after.epoch, after.log === before.log, after.selectedChart, first.kind === 'trace' ? first.signal : null]).toEqual([
      1,
      before.epoch + 1,
      false,
      'a',
      'again',
    ]);
  });

  it('mirrors a replay playhead and routes seeks to the source', async () => {
    const store = createDashboardStore();
    const session = new SourceSession(store, async () => undefined);
    const source = new FakeSource({ kind: 'replay', presence: 'replay', capabilities: REPLAY_CAPABILITIES, cursor: 0 });
    session.open(source);
    await source.push({ records: [1, 2, 3].map((s) => trace(s, 'a', 'go', 'x', 'y')), state: { cursor: 2 } });
    expect(visibleEnd(store.getState())).toBe(2);
    session.seek(1);
    session.step(-1);
    session.play();
    session.setSpeed(10);
    expect(source.commands).toEqual(['seek 1', 'step -1', 'play', 'speed 10']);
  });

  it('pins a live view on the store cursor and follows the tail again on goLatest', async () => {
    const store = createDashboardStore();
    const session = new SourceSession(store, async () => undefined);
    const source = new FakeSource();
    session.open(source);
    await source.pushRecords([1, 2, 3, 4].map((s) => trace(s, 'a', 'go', 'x', 'y')));
    session.seek(2);
    await source.pushRecords([trace(5, 'a', 'go', 'x', 'y')]);
    const pinned = visibleEnd(store.getState());
    session.step(-1);
    const stepped = visibleEnd(store.getState());
    session.goLatest();
    expect([pinned, stepped, store.getState().cursor, visibleEnd(store.getState()), source.commands]).toEqual([2, 1, null, 5, []]);
  });

  it('closes the previous source when another is opened', async () => {
    const store = createDashboardStore();
    const session = new SourceSession(store, async () => undefined);
    const first = new FakeSource();
    const second = new FakeSource();
    session.open(first);
    session.open(second);
    await first.pushRecords([trace(1, 'a', 'go', 'x', 'y')]);
    await second.pushRecords([trace(1, 'b', 'go', 'x', 'y')]);
    expect([first.commands, store.getState().length, store.getState().log.at(0).chart]).toEqual([['close'], 1, 'b']);
  });

  it('starts a newly opened source on an empty page, with the cursor following, whatever the previous one left', async () => {
    const store = createDashboardStore();
    const session = new SourceSession(store, async () => undefined);
    const replay = new FakeSource({ kind: 'replay', capabilities: REPLAY_CAPABILITIES, cursor: 1 });
    session.open(replay);
    await replay.pushRecords([trace(1, 'a', 'go', 'x', 'y'), trace(2, 'a', 'go', 'y', 'x')]);
    const live = new FakeSource({ kind: 'live', cursor: null });
    session.open(live);
    await live.push({ state: { presence: 'live' } });
    await live.pushRecords([trace(7, 'b', 'go', 'x', 'y')]);
    const state = store.getState();
    expect([state.length, state.log.at(0).chart, state.cursor]).toEqual([1, 'b', null]);
  });
});
