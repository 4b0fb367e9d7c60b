/**
 * Which chart of run A is compared with which chart of run B.
 *
 * Two runs of the same system rarely name their charts alike: the seed's
 * `make_name` puts five random hex digits before the kind (`04ccc_ao` in one
 * run, `9f1e2_ao` in the next), and other programs add a uuid or a pid. So
 * charts are paired by a key made from the name, in this order:
 *
 *   1. pairs chosen by hand (`a=b`), taken as they are;
 *   2. with a pattern (a regular expression), the key is its first capture
 *      group, or the whole match when it has none; a name it does not match
 *      is not paired;
 *   3. otherwise the key is the name without its hex prefixes and suffixes:
 *      runs of 4 or more hex digits joined to the rest by `_`, `-` or `.`
 *      (`04ccc_ao` → `ao`, `ao-3fa9` → `ao`, `0f2c…-…_fo` → `fo`). A name that
 *      is nothing but hex keeps itself as its key.
 *
 * Names with the same key in one run are paired with the other run's in the
 * order they first appeared (both runs' first `_ao`, then both runs' second);
 * what is left over on either side is listed as unmatched.
 */

export type PairedBy = 'hand' | 'pattern' | 'name';

export interface ChartPair {
  /** What paired them: the shared key, or `a=b` for a hand-made pair. */
  key: string;
  a: string;
  b: string;
  by: PairedBy;
}

export interface ChartMatching {
  pairs: ChartPair[];
  /** Charts of A that have no partner in B (in A's order), and the reverse. */
  onlyA: string[];
  onlyB: string[];
}

export interface MatchOptions {
  /** A regular expression whose first group (or whole match) is the key. */
  pattern?: RegExp;
  /** Pairs chosen by hand; each name at most once per side. */
  pairs?: readonly { a: string; b: string }[];
}

const HEX_PREFIX = /^[0-9a-f]{4,}[-_.]/i;
const HEX_SUFFIX = /[-_.][0-9a-f]{4,}$/i;

/** The name without hex prefixes and suffixes (see the module comment). */
export function defaultChartKey(name: string): string {
  let key = name;
  for (;;) {
    const next = key.replace(HEX_PREFIX, '').replace(HEX_SUFFIX, '');
    if (next === key || next === '') return key;
    key = next;
  }
}

/** The key `pattern` gives `name`, or null when it does not match. */
export function patternChartKey(name: string, pattern: RegExp): string | null {
  // A global or sticky pattern would carry lastIndex from one name to the next.
  const match = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).exec(name);
  if (!match) return null;
  return match[1] ?? match[0];
}

/** Reads `a=b` hand pairs (a CLI option, a form field); throws on a malformed one. */
export function parseHandPair(text: string): { a: string; b: string } {
  const at = text.indexOf('=');
  const a = text.slice(0, at).trim();
  const b = text.slice(at + 1).trim();
  if (at < 0 || a === '' || b === '') throw new Error(`a chart pair is written A=B (a chart of the first run, one of the second), not ${JSON.stringify(text)}`);
  return { a, b };
}

export function matchCharts(chartsA: readonly string[], chartsB: readonly string[], options: MatchOptions = {}): ChartMatching {
  const pairs: ChartPair[] = [];
  const takenA = new Set<string>();
  const takenB = new Set<string>();
  for (const hand of options.pairs ?? []) {
    if (!chartsA.includes(hand.a)) throw new Error(`no chart ${JSON.stringify(hand.a)} in the first run (it has ${listNames(chartsA)})`);
    if (!chartsB.includes(hand.b)) throw new Error(`no chart ${JSON.stringify(hand.b)} in the second run (it has ${listNames(chartsB)})`);
    if (takenA.has(hand.a) || takenB.has(hand.b)) throw new Error(`chart pair ${hand.a}=${hand.b}: each chart can be in one pair only`);
    takenA.add(hand.a);
    takenB.add(hand.b);
    pairs.push({ key: `${hand.a}=${hand.b}`, a: hand.a, b: hand.b, by: 'hand' });
  }
  const keyOf = (name: string): string | null => (options.pattern ? patternChartKey(name, options.pattern) : defaultChartKey(name));
  const by: PairedBy = options.pattern ? 'pattern' : 'name';
  // Key → B's unpaired charts with that key, in B's order.
  const waiting = new Map<string, string[]>();
  for (const b of chartsB) {
    if (takenB.has(b)) continue;
    const key = keyOf(b);
    if (key === null) continue;
    const list = waiting.get(key);
    if (list) list.push(b);
    else waiting.set(key, [b]);
  }
  for (const a of chartsA) {
    if (takenA.has(a)) continue;
    const key = keyOf(a);
    const b = key === null ? undefined : waiting.get(key)?.shift();
    if (key === null || b === undefined) continue;
    takenA.add(a);
    takenB.add(b);
    pairs.push({ key, a, b, by });
  }
  return {
    pairs,
    onlyA: chartsA.filter((name) => !takenA.has(name)),
    onlyB: chartsB.filter((name) => !takenB.has(name)),
  };
}

function listNames(names: readonly string[]): string {
  if (names.length === 0) return 'no charts';
  const shown = names.slice(0, 8).join(', ');
  return names.length > 8 ? `${shown} … (${names.length})` : shown;
}
