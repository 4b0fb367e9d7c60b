/**
 * The compatible export never throws, whatever the text: random lines made
 * of the pieces trace parsing looks at (brackets, arrows, parentheses, CR,
 * tabs, ANSI codes, stamps) always give a well-formed file.
 */
import { describe, expect, it } from 'vitest';
import { renderAsciiCompat } from '../../shared/sequence/compat/renderAsciiCompat.ts';

const PIECES = [
  '[', ']', ' ', '  ', '->', '(', ')', 'e', 'A', 'B', 'top', '\r', '\t', '\x1b[34m', '\x1b[0m', '[+t] ', '[c] ',
  '[2020-01-01 00:00:01] ', '[10:00:00.5] ', 'e->go() ', 'x+y', '[1, 2]', 'Ü', '😀', '\0', 'A->B', '\n',
];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('renderAsciiCompat robustness', () => {
  it('gives a well-formed file for 2,000 random inputs', () => {
    const next = random(20240501);
    const problems: string[] = [];
    for (let k = 0; k < 2000; k += 1) {
      let input = '';
      const length = Math.floor(next() * 40);
      for (let p = 0; p < length; p += 1) input += PIECES[Math.floor(next() * PIECES.length)];
      // Half the inputs get one well-formed line, so diagrams are drawn too.
      if (next() < 0.5) input += '\n[2020-01-01 00:00:02] [c] e->go() A->B\n';
      try {
        const { output } = renderAsciiCompat(input);
        const lines = output.split('\n');
        const wellFormed =
          (output === '' || output.endsWith('\n')) && lines.every((line) => !/[ \t\r]$/.test(line));
        if (!wellFormed) problems.push(JSON.stringify(input));
      } catch (error) {
        problems.push(`${JSON.stringify(input)}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
