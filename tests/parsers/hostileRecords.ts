/**
 * Generated records with hostile text in every field that miros text lines
 * can carry: newlines, CR, ESC and CSI, NUL, tabs, backslashes, DEL and C1
 * controls, U+2028/U+2029, a bidi override, a lone surrogate, emoji and very
 * long names. Seeded, so a failure replays.
 *
 * The names avoid only the characters that frame a miros line (spaces in
 * names, brackets, parentheses, `->`): those are a format's grammar, not
 * control characters, and the text format cannot hold them in a name.
 */
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { parseSpyLine } from '../../shared/records/parseSpyLine.ts';
import { formatStamp } from '../../shared/records/timestamp.ts';

const HOSTILE = ['\n', '\r', '\r\n', '\x1b', '\x1b[31m', '\x9b2J', '\0', '\t', '\\', '\\n', '\\x1b', '\u2028', '\u2029', '\x7f', '\x85', '\u202e', '\ud800', '\udfff', '😀', 'é'];
const NAME = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.';

/** mulberry32: a small seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hostileRecordGenerator(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  /** A string of ordinary characters from `alphabet` with hostile pieces mixed in. */
  function text(alphabet: string, min: number, max: number): string {
    const long = random() < 0.03;
    const n = long ? 5000 + Math.floor(random() * 5000) : min + Math.floor(random() * (max - min + 1));
    let out = alphabet[Math.floor(random() * 26)]!;
    while (out.length < n) out += random() < 0.25 ? pick(HOSTILE) : alphabet[Math.floor(random() * alphabet.length)]!;
    return out;
  }
  const name = () => text(NAME, 1, 12);
  /** Epoch ms with a whole number of microseconds (what a stamp can hold). */
  const time = () => Math.floor(random() * 2e15) / 1000;

  return function next(): MirosRecord {
    const base = { v: 1, seq: 1, node: null, received: 0, raw: '' } as const;
    const kind = random();
    if (kind < 0.45) {
      const t = time();
      const payload = random() < 0.3 ? undefined : text(NAME + " '{}:,()->", 0, 30) || undefined;
      return {
        ...base, kind: 'trace', chart: name(), time: t, stamp: formatStamp(t), signal: name(), from: name(), to: name(),
        ...(payload === undefined ? {} : { payload }),
      };
    }
    if (kind < 0.8) {
      const scribble = random() < 0.3;
      // Trailing spaces are not kept by any line reader (control characters are: they are escaped).
      const line = (scribble ? '# ' : '') + text(NAME + ': #', 1, 30).replace(/ +$/, '');
      // A scribble with a time is one heard on the trace network (the only place a spy line gets a stamp).
      return { ...base, kind: 'spy', chart: name(), time: scribble ? time() : null, line, ...parseSpyLine(line), ...(scribble && { network: 'trace' as const }) };
    }
    // A note's text: starts like no record does (lower case, or a hostile character).
    const raw = (random() < 0.5 ? pick(HOSTILE) : '') + text(NAME.toLowerCase() + ' [](){}:', 1, 40);
    return { ...base, kind: 'meta', chart: null, time: null, raw, event: 'note' };
  };
}
