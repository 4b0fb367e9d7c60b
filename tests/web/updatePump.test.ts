import { describe, expect, it } from 'vitest';
import { UpdatePump } from '../../web/src/sources/UpdatePump.ts';
import { initialSourceState, type SourceUpdate } from '../../web/src/sources/Source.ts';
import { trace } from './support/records.ts';
import { settle } from './support/VirtualClock.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('UpdatePump', () => {
  it('sends one update at a time and merges what queued up meanwhile', async () => {
    const state = initialSourceState('fake', 'f', 'live');
    const pump = new UpdatePump(() => state);
    const received: SourceUpdate[] = [];
    const gates = [deferred(), deferred()];
    pump.setListener(async (u) => {
      received.push(u);
      await gates[received.length - 1]?.promise;
    });
    void pump.enqueue({ records: [trace(1, 'a', 's', 'x', 'y')] });
    void pump.enqueue({ records: [trace(2, 'a', 's', 'x', 'y')] });
    void pump.enqueue({ records: [trace(3, 'a', 's', 'x', 'y')], seeked: true });
    await settle();
    expect(received.map((u) => u.records?.map((r) => r.seq))).toEqual([[1]]);
    gates[0]!.resolve();
    await settle();
    expect(received.map((u) => [u.records?.map((r) => r.seq), u.seeked ?? false])).toEqual([
      [[1], false],
      [[2, 3], true],
    ]);
  });

  it('drops records queued before a reset', async () => {
    const state = initialSourceState('fake', 'f', 'live');
    const pump = new UpdatePump(() => state);
    const received: SourceUpdate[] = [];
    const gate = deferred();
    pump.setListener(async (u) => {
      received.push(u);
      if (received.length === 1) await gate.promise;
    });
    void pump.enqueue({ records: [trace(1, 'a', 's', 'x', 'y')] });
    void pump.enqueue({ records: [trace(2, 'a', 's', 'x', 'y')] });
    void pump.enqueue({ reset: true, records: [trace(1, 'b', 's', 'x', 'y')] });
    await settle();
    gate.resolve();
    await settle();
    expect(received.map((u) => [u.reset ?? false, u.records?.map((r) => `${r.chart}${r.seq}`)])).toEqual([
      [false, ['a1']],
      [true, ['b1']],
    ]);
  });

  it('resolves enqueue only after the listener finished with it', async () => {
    const state = initialSourceState('fake', 'f', 'live');
    const pump = new UpdatePump(() => state);
    const gate = deferred();
    let rendered = false;
    pump.setListener(async () => {
      await gate.promise;
      rendered = true;
    });
    let delivered = false;
    void pump.enqueue({}).then(() => (delivered = true));
    await settle();
    expect(delivered).toBe(false);
    gate.resolve();
    await settle();
    expect([rendered, delivered]).toEqual([true, true]);
  });

  it('keeps delivering after a listener throws', async () => {
    const state = initialSourceState('fake', 'f', 'live');
    const errors: unknown[] = [];
    const pump = new UpdatePump(() => state, (e) => errors.push(e));
    const seqs: number[] = [];
    pump.setListener(async (u) => {
      const seq = u.records![0]!.seq;
      seqs.push(seq);
      if (seq === 1) throw new Error('render failed');
    });
    await pump.enqueue({ records: [trace(1, 'a', 's', 'x', 'y')] });
    await pump.enqueue({ records: [trace(2, 'a', 's', 'x', 'y')] });
    expect(seqs).toEqual([1, 2]);
    expect(errors.map((e) => (e as Error).message)).toEqual(['render failed']);
  });
});
