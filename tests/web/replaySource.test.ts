import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LOAD_UPDATE_MS, ReplaySource } from '../../web/src/sources/ReplaySource.ts';
import { InThreadLogLoader } from '../../web/src/sources/InThreadLogLoader.ts';
import type { SourceUpdate } from '../../web/src/sources/Source.ts';
import { fixtureLogPath, updateRecords } from './support/records.ts';
import { settle, VirtualClock } from './support/VirtualClock.ts';

function seedFile(name = 'seed-two-charts-trace.log') {
  return new Blob([readFileSync(fixtureLogPath(name))]);
}

function startReplay(file: Blob, name: string, clock = new VirtualClock(), loaderOptions = {}, openAt?: number) {
  const source = new ReplaySource({ kind: 'file', file, name }, { loader: new InThreadLogLoader(loaderOptions), clock, ...(openAt === undefined ? {} : { openAt }) });
  const updates: SourceUpdate[] = [];
  source.setListener(async (u) => {
    updates.push(u);
  });
  const cursor = () => updates.at(-1)!.state.cursor;
  return { source, updates, clock, cursor };
}

describe('ReplaySource', () => {
  it('starts with a reset, loads every record, and leaves the playhead at the start (issue 10)', async () => {
    const { updates, cursor } = startReplay(seedFile(), 'seed-two-charts-trace.log');
    await settle();
    const records = updates.flatMap(updateRecords);
    const last = updates.at(-1)!.state;
    expect(updates[0]!.reset).toBe(true);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect([cursor(), last.presence, last.progress?.done, last.progress?.lines, last.capabilities]).toEqual([
      0,
      'replay',
      true,
      12,
      { play: true, seek: true, speed: true },
    ]);
  });

  it('plays from the start paced by the records own times', async () => {
    const { source, clock, cursor } = startReplay(seedFile(), 'seed');
    await settle();
    source.seek(12);
    source.play(); // at the end: starts over
    await clock.advance(0);
    const atStart = cursor();
    await clock.advance(4999);
    const before5s = cursor();
    await clock.advance(2);
    const at5001 = cursor(); // record 3 is stamped 5000.384 ms after the first
    await clock.advance(78);
    const at5079 = cursor(); // record 4 at 5078.712 ms
    expect([atStart, before5s, at5001, at5079]).toEqual([2, 2, 3, 4]);
  });

  it('plays ten times faster at speed 10 and stops at the end', async () => {
    const { source, clock, updates, cursor } = startReplay(seedFile(), 'seed');
    await settle();
    source.seek(0);
    source.setSpeed(10);
    source.play();
    await clock.advance(501);
    const at501 = cursor();
    await clock.advance(1600);
    expect([at501, cursor(), updates.at(-1)!.state.playing]).toEqual([3, 12, false]);
  });

  it('steps and seeks, pausing playback and flagging the jump', async () => {
    const { source, clock, updates, cursor } = startReplay(seedFile(), 'seed');
    await settle();
    source.seek(3);
    await settle();
    const seekFlag = updates.at(-1)!.seeked;
    source.play();
    await clock.advance(10);
    source.step(-1);
    await settle();
    const afterStep = [cursor(), updates.at(-1)!.state.playing];
    source.seek(99);
    await settle();
    expect([seekFlag, ...afterStep, cursor()]).toEqual([true, 2, false, 12]);
  });

  it('runs through the whole log at "max" speed without waiting for record times', async () => {
    const { source, clock, cursor, updates } = startReplay(seedFile('miros-logging-single_unit_three_stage_charger_2.log'), 'charger');
    await settle();
    const total = updates.flatMap(updateRecords).length;
    source.seek(0);
    source.setSpeed('max');
    source.play();
    await clock.advance(0);
    expect([total, cursor(), updates.at(-1)!.state.playing]).toEqual([263, 263, false]);
  });

  it.each([
    [5, 5],
    [999, 12],
  ])('opens at a record count a shared URL gave (%i → %i), following the load up to it', async (openAt, expected) => {
    const { updates, cursor } = startReplay(seedFile(), 'seed', new VirtualClock(), { blockChars: 200, firstBlockChars: 200 }, openAt);
    await settle();
    const seen = updates.map((u) => u.state.cursor);
    expect(cursor()).toBe(expected);
    // Never past what had loaded, never backwards.
    expect(seen).toEqual([...seen].sort((a, b) => a! - b!));
  });

  it('surfaces parse errors with their line numbers while the rest loads', async () => {
    const text = '[2018-05-04 09:23:29.177773] [a] e->start_at() top->outer\n{"v":1,"kind":"trace"\n[2018-05-04 09:23:30.177773] [a] e->go() outer->inner\n';
    const { updates } = startReplay(new Blob([text]), 'broken.log');
    await settle();
    const errors = updates.flatMap((u) => u.parseErrors ?? []);
    const records = updates.flatMap(updateRecords);
    expect(errors.map((e) => e.line)).toEqual([2]);
    expect(records.map((r) => r.kind)).toEqual(['trace', 'meta', 'trace']);
  });

  it('reports an unreadable input as an error presence', async () => {
    const failing = new Blob(['x']);
    Object.defineProperty(failing, 'stream', {
      value: () =>
        new ReadableStream({
          pull(controller) {
            controller.error(new Error('disk gone'));
          },
        }),
    });
    const { updates } = startReplay(failing, 'gone.log');
    await settle();
    const last = updates.at(-1)!.state;
    expect([last.presence, last.error]).toEqual(['error', 'could not read gone.log: disk gone']);
  });

  it('hands a loading file to the page at once, then at most every LOAD_UPDATE_MS', async () => {
    // A server that sends one line whenever the test says so.
    const lines = Array.from({ length: 6 }, (_, i) => `[2018-05-04 09:23:1${i}.000000] [c] e->tick() a->b\n`);
    let send!: () => void;
    const fetchInPieces: typeof fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          async pull(controller) {
            await new Promise<void>((resolve) => (send = resolve));
            const line = lines.shift();
            if (line === undefined) controller.close();
            else controller.enqueue(new TextEncoder().encode(line));
          },
        }),
      );
    const clock = new VirtualClock();
    const loader = new InThreadLogLoader({ fetch: fetchInPieces, blockChars: 1, maxDelayMs: 0 });
    const source = new ReplaySource({ kind: 'url', url: 'http://127.0.0.1/log', name: 'slow.log' }, { loader, clock });
    const sizes: number[] = [];
    source.setListener(async (u) => {
      if (updateRecords(u).length > 0) sizes.push(updateRecords(u).length);
    });
    const line = async () => {
      await settle();
      send();
      await settle();
    };
    await line(); // the first batch goes at once
    const first = [...sizes];
    await line();
    await line();
    const held = [...sizes];
    await clock.advance(LOAD_UPDATE_MS);
    const afterInterval = [...sizes];
    for (let k = 0; k < 4; k++) await line(); // three more lines, then the end: delivered with the end
    expect([first, held, afterInterval, sizes]).toEqual([[1], [1], [1, 2], [1, 2, 3]]);
  });

  it('merges batches that load while the page renders into one update', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `[2018-05-04 09:23:${String(10 + (i % 40)).padStart(2, '0')}.000000] [c${i % 3}] e->tick() a->b`).join('\n');
    const source = new ReplaySource({ kind: 'file', file: new Blob([lines]), name: 'big.log' }, { loader: new InThreadLogLoader({ blockChars: 70_000, firstBlockChars: 70_000, maxDelayMs: 1e9 }), clock: new VirtualClock() });
    const sizes: number[] = [];
    let release!: () => void;
    const firstRender = new Promise<void>((r) => (release = r));
    source.setListener(async (u) => {
      sizes.push(updateRecords(u).length);
      if (sizes.length === 1) await firstRender; // the page is busy with the reset
    });
    await settle();
    const whileBusy = [...sizes];
    release();
    await settle();
    expect([whileBusy, sizes.filter((n) => n > 0)]).toEqual([[0], [5000]]);
  });
});
