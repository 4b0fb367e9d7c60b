import { describe, expect, it } from 'vitest';
import { Sequencer } from '../../server/relay/Sequencer.ts';
import type { UnnumberedRecord } from '../../shared/records/MirosRecord.ts';

const trace = (signal: string): UnnumberedRecord => ({
  v: 1,
  kind: 'trace',
  chart: 'ao',
  node: null,
  time: null,
  received: 5,
  raw: `[ao] e->${signal}() a->b`,
  signal,
  from: 'a',
  to: 'b',
});

describe('Sequencer', () => {
  it('numbers records consecutively from 1, keeping every field', () => {
    const sequencer = new Sequencer();
    const numbered = [sequencer.number(trace('one')), sequencer.number(trace('two'))];
    expect(numbered).toEqual([
      { ...trace('one'), seq: 1 },
      { ...trace('two'), seq: 2 },
    ]);
    expect(sequencer.last).toBe(2);
  });

  it('puts v then seq first so recording lines read the same way', () => {
    const record = new Sequencer().number(trace('x'));
    expect(Object.keys(record).slice(0, 3)).toEqual(['v', 'seq', 'kind']);
  });

  it('continues after a given seq', () => {
    const sequencer = new Sequencer(41);
    expect(sequencer.number(trace('x')).seq).toBe(42);
  });
});
