import { describe, expect, it } from 'vitest';
import { SymbolTable } from '../../web/src/sources/SymbolTable.ts';

describe('SymbolTable', () => {
  it('gives each name one id, in order of first use, whatever string object carries it', () => {
    const table = new SymbolTable();
    const line = 'outer inner outer';
    const ids = [line.slice(0, 5), line.slice(6, 11), line.slice(12), '', ''].map((name) => table.id(name));
    expect([ids, table.names]).toEqual([[0, 1, 0, 2, 2], ['outer', 'inner', '']]);
  });

  it('tells apart names that share their hashed characters, and keeps ids as it grows', () => {
    const table = new SymbolTable();
    // One length, one first eight and last two characters, two middle ones: the hash collides, === decides.
    const names = Array.from({ length: 2000 }, (_, k) => `signal_x${String(k).padStart(4, '0')}_yz`);
    const first = names.map((name) => table.id(name));
    const again = names.map((name) => table.id(` ${name}`.slice(1)));
    const ids = names.map((_, k) => k);
    expect([first, again, table.size]).toEqual([ids, ids, 2000]);
  });
});
