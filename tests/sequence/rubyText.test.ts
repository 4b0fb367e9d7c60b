import { describe, expect, it } from 'vitest';
import { centerText, codePointLength, padEndText, rstripAscii, stripAscii } from '../../shared/sequence/text/rubyText.ts';

describe('rubyText', () => {
  it('counts code points, not UTF-16 units or bytes', () => {
    expect([codePointLength('Über'), codePointLength('zurück(ä)'), codePointLength('a😀b'), codePointLength('')]).toEqual([
      4, 9, 3, 0,
    ]);
  });

  it('strips ASCII whitespace and NUL but keeps Unicode spaces', () => {
    expect(stripAscii('\t\r\n\v\f\0 top \r')).toBe('top');
    expect(stripAscii('\u00a0top\u00a0')).toBe('\u00a0top\u00a0');
    expect(rstripAscii('  |     (?)      \r')).toBe('  |     (?)');
  });

  it('centres like Ruby, with the odd spare space on the right', () => {
    expect([centerText('top', 15), centerText('ab', 5), centerText('(?)', 14), centerText('toolong', 3)]).toEqual([
      '      top      ',
      ' ab  ',
      '     (?)      ',
      'toolong',
    ]);
  });

  it('centres and pads by code points', () => {
    expect(centerText('Über', 12)).toBe('    Über    ');
    expect(padEndText('é', 3)).toBe('é  ');
  });
});
