import { describe, expect, it } from 'vitest';
import { orderCompatChart, type CompatLine } from '../../shared/sequence/compat/orderCompatChart.ts';
import { parseCompatLine, type CompatTransition } from '../../shared/sequence/compat/parseCompatLine.ts';

/** Lines of chart `c`; each entry is `second transition`, e.g. `1 e->a() A->B`. */
function lines(...specs: string[]): CompatLine[] {
  return specs.map((spec, k) => {
    const [second, ...rest] = spec.split(' ');
    const text = `[2020-01-01 00:00:0${second}] [c] ${rest.join(' ')}`;
    return { ...(parseCompatLine(text) as CompatTransition), line: k + 1, text };
  });
}

const order = (input: CompatLine[]) => {
  const { kept, lost } = orderCompatChart(input);
  return { kept: kept.map((l) => l.line), lost: lost.map((l) => [l.line.line, l.reason, l.of?.line]) };
};

describe('orderCompatChart', () => {
  it('keeps lines with distinct timestamps in file order, even when time runs backwards', () => {
    expect(order(lines('3 e->a() A->B', '1 e->b() B->C', '2 e->c() C->A'))).toEqual({ kept: [1, 2, 3], lost: [] });
  });

  it('pulls a line back to the first line with the same timestamp', () => {
    expect(order(lines('3 e->a() A->B', '1 e->b() B->C', '2 e->c() C->A', '3 e->d() B->B', '1 e->e() C->C'))).toEqual({
      kept: [1, 4, 2, 5, 3],
      lost: [],
    });
  });

  it('re-chains a group from the state nothing enters', () => {
    expect(order(lines('1 e->x() C->D', '1 e->y() B->C', '1 e->z() A->B', '1 e->s() B->B', '2 e->w() D->A'))).toEqual({
      kept: [3, 2, 1, 4, 5],
      lost: [],
    });
  });

  it('loses the second of two loops under one timestamp', () => {
    expect(order(lines('1 e->p() A->B', '1 e->q() B->A', '1 e->r() C->D', '1 e->s() D->C'))).toEqual({
      kept: [1, 2],
      lost: [
        [3, 'unchained', undefined],
        [4, 'unchained', undefined],
      ],
    });
  });

  it('merges identical lines under one timestamp', () => {
    expect(order(lines('2 e->go() A->B', '2 e->go() A->B', '3 e->back() B->A'))).toEqual({
      kept: [1, 3],
      lost: [[2, 'duplicate', 1]],
    });
  });

  it('loses a line whose source has a space before it', () => {
    expect(order(lines('1 e->sig()  A->B', '2 e->sig2() B->A'))).toEqual({ kept: [2], lost: [[1, 'unchained', undefined]] });
  });
});
