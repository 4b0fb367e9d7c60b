import { describe, expect, it } from 'vitest';
import { defaultChartKey, matchCharts, parseHandPair, patternChartKey } from '../../shared/diff/matchCharts.ts';

describe('defaultChartKey', () => {
  it.each([
    ['04ccc_ao', 'ao'],
    ['9f1e2_fo', 'fo'],
    ['ao-3fa9', 'ao'],
    ['charger.0001', 'charger'],
    ['0f2c3a1e-1234-5678-9abc-def012345678_fo', 'fo'],
    ['ABCDE_ao', 'ao'],
    // Fewer than 4 hex digits, or not joined by a separator: part of the name.
    ['abc_ao', 'abc_ao'],
    ['ao1', 'ao1'],
    ['deadbeefao', 'deadbeefao'],
    // Nothing but hex (or hex pieces): the name is its own key.
    ['04ccc', '04ccc'],
    ['beef_cafe', 'cafe'],
  ])('%s → %s', (name, key) => {
    expect(defaultChartKey(name)).toBe(key);
  });
});

describe('patternChartKey', () => {
  it.each([
    ['04ccc_ao', /_(\w+)$/, 'ao'],
    ['04ccc_ao', /ao$/, 'ao'],
    ['04ccc_ao', /^x/, null],
    // A global pattern's lastIndex must not leak from one name to the next.
    ['04ccc_ao', /_(\w+)/g, 'ao'],
  ])('%s with %s → %s', (name, pattern, key) => {
    expect(patternChartKey(name, pattern)).toBe(key);
  });

  it('gives the same key to every name under a global pattern', () => {
    const pattern = /_(\w+)/g;
    expect(['aaaaa_ao', 'bbbbb_ao', 'ccccc_ao'].map((n) => patternChartKey(n, pattern))).toEqual(['ao', 'ao', 'ao']);
  });
});

describe('matchCharts', () => {
  it.each([
    {
      why: 'pairs charts whose names differ only by a random hex prefix',
      a: ['04ccc_ao', '04cd0_fo'], b: ['9f1e2_fo', '9f1e3_ao'], options: {},
      pairs: [['ao', '04ccc_ao', '9f1e3_ao', 'name'], ['fo', '04cd0_fo', '9f1e2_fo', 'name']], onlyA: [], onlyB: [],
    },
    {
      why: 'lists charts with no partner on either side',
      a: ['04ccc_ao', 'aaaa_x'], b: ['9f1e2_ao', 'bbbb_y'], options: {},
      pairs: [['ao', '04ccc_ao', '9f1e2_ao', 'name']], onlyA: ['aaaa_x'], onlyB: ['bbbb_y'],
    },
    {
      why: 'pairs repeated keys in order of first appearance, leaving the extra one over',
      a: ['11111_ao', '22222_ao', '33333_ao'], b: ['aaaaa_ao', 'bbbbb_ao'], options: {},
      pairs: [['ao', '11111_ao', 'aaaaa_ao', 'name'], ['ao', '22222_ao', 'bbbbb_ao', 'name']], onlyA: ['33333_ao'], onlyB: [],
    },
    {
      why: 'uses a pattern’s first group as the key, and leaves names it does not match unpaired',
      a: ['ao-run1', 'fo-run1', 'other'], b: ['ao-run2', 'fo-run2'], options: { pattern: /^(\w+)-run/ },
      pairs: [['ao', 'ao-run1', 'ao-run2', 'pattern'], ['fo', 'fo-run1', 'fo-run2', 'pattern']], onlyA: ['other'], onlyB: [],
    },
    {
      why: 'takes hand pairs first and matches the rest by name',
      a: ['04ccc_ao', '04ccc_fo'], b: ['9f1e2_ao', '9f1e2_fo'], options: { pairs: [{ a: '04ccc_ao', b: '9f1e2_fo' }] },
      pairs: [['04ccc_ao=9f1e2_fo', '04ccc_ao', '9f1e2_fo', 'hand']], onlyA: ['04ccc_fo'], onlyB: ['9f1e2_ao'],
    },
  ])('$why', ({ a, b, options, pairs, onlyA, onlyB }) => {
    const m = matchCharts(a, b, options);
    expect({ pairs: m.pairs.map((p) => [p.key, p.a, p.b, p.by]), onlyA: m.onlyA, onlyB: m.onlyB }).toEqual({ pairs, onlyA, onlyB });
  });

  it.each([
    [{ a: 'nope', b: '9f1e2_ao' }, 'no chart "nope" in the first run (it has 04ccc_ao)'],
    [{ a: '04ccc_ao', b: 'nope' }, 'no chart "nope" in the second run (it has 9f1e2_ao)'],
  ])('refuses a hand pair naming a chart the run does not have: %j', (pair, message) => {
    expect(() => matchCharts(['04ccc_ao'], ['9f1e2_ao'], { pairs: [pair] })).toThrow(message);
  });

  it('refuses a chart in two hand pairs', () => {
    expect(() => matchCharts(['a', 'b'], ['c'], { pairs: [{ a: 'a', b: 'c' }, { a: 'b', b: 'c' }] })).toThrow('each chart can be in one pair only');
  });
});

describe('parseHandPair', () => {
  it.each([
    ['04ccc_ao=9f1e2_ao', { a: '04ccc_ao', b: '9f1e2_ao' }],
    [' x = y ', { a: 'x', b: 'y' }],
  ])('reads %j', (text, pair) => {
    expect(parseHandPair(text)).toEqual(pair);
  });

  it.each(['x', '=y', 'x=', ''])('refuses %j', (text) => {
    expect(() => parseHandPair(text)).toThrow('a chart pair is written A=B');
  });
});
