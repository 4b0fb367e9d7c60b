/**
 * Field extraction of `sequence.rb` for one line (after the prefix removal):
 * which lines are transitions, and what their timestamp, chart, signal,
 * payload, source and target are. It is purely textual, and so are its
 * oddities, kept on purpose (see docs/sequence.md):
 *
 *     [2020-01-01 00:00:01] [c] e->go() A->B->C        target 'B->C'
 *     [2020-01-01 00:00:05] [c] e->back() e->top       target 'back() e->top'
 *     [2020-01-01 00:00:02] [c] note->see (manual) page->7   a transition
 *
 * Source and target keep their whitespace (a trailing CR included): widths
 * and the same-timestamp chaining use them untrimmed.
 *
 * Where `sequence.rb` would abort the whole run, this returns `abort` with a
 * reason and the caller decides (the compat export skips the line).
 */
import { compatTimeKey } from './compatTimeKey.ts';

export interface CompatTransition {
  kind: 'transition';
  /** The bracketed timestamp text. */
  stamp: string;
  /** Grouping key of the timestamp ({@link compatTimeKey}). */
  timeKey: string;
  chart: string;
  /** `name(payload)` as written, untrimmed. */
  signal: string;
  payload: string;
  source: string;
  target: string;
  /** Read in a way `sequence.rb` cannot (it aborts on this line). */
  lenient?: true;
}

export type CompatLineParse =
  | CompatTransition
  /** Not a trace line for `sequence.rb`: ignored silently. */
  | { kind: 'noise' }
  /** A line that makes `sequence.rb` stop with an exception. */
  | { kind: 'abort'; reason: string };

const STAMP = /^ *\[([^\]]+)\]/;
const CHART = /^ \[([A-Za-z0-9_.]+)\]/;

export function parseCompatLine(text: string): CompatLineParse {
  const stamp = STAMP.exec(text);
  if (!stamp) return { kind: 'noise' };
  const chart = CHART.exec(text.slice(stamp[0].length));
  if (!chart) return { kind: 'abort', reason: 'no [chart] of letters, digits, _ and . after the timestamp' };

  // The signal runs from the first `->` to the first `)` at least one
  // character later; a line without one is not a transition.
  const arrow = text.indexOf('->');
  if (arrow < 0) return { kind: 'noise' };
  const close = text.indexOf(')', arrow + 3);
  if (close < 0) return { kind: 'noise' };
  const signal = text.slice(arrow + 2, close + 1);
  const open = signal.indexOf('(');
  if (open < 1) return { kind: 'abort', reason: open < 0 ? 'the signal has no "("' : 'the signal has no name before "("' };
  const payload = signal.slice(open + 1, -1);
  // A `(` in the payload is always unbalanced here (the signal ends at the
  // first `)`), and `sequence.rb` dies compiling it into a pattern.
  if (payload.includes('(')) return parseBalanced(text, arrow + 2, open, stamp[1]!, chart[1]!);

  // `sequence.rb` finds the source by searching for the payload and `) `.
  const afterPayload = text.indexOf(`${payload}) `);
  if (afterPayload < 0) return { kind: 'abort', reason: 'no space between the signal and the source state' };
  const sourceStart = afterPayload + payload.length + 2;
  const sourceEnd = text.indexOf('->', sourceStart);
  if (sourceEnd < 0) return { kind: 'abort', reason: 'no "->" after the source state' };
  const source = text.slice(sourceStart, sourceEnd);
  // ... and the target by searching for the source and `->`: the first such
  // place in the line, which may be inside the event word.
  const target = text.slice(text.indexOf(`${source}->`) + source.length + 2);

  return transition(stamp[1]!, chart[1]!, signal, payload, source, target);
}

function transition(
  stamp: string,
  chart: string,
  signal: string,
  payload: string,
  source: string,
  target: string,
  lenient?: true,
): CompatLineParse {
  const timeKey = compatTimeKey(stamp);
  if (timeKey === null) return { kind: 'abort', reason: 'the timestamp has no date or time in it' };
  return { kind: 'transition', stamp, timeKey, chart, signal, payload, source, target, ...(lenient && { lenient }) };
}

/**
 * Our reading of a payload with parentheses of its own (`go(f(x)) A->B`),
 * where `sequence.rb` aborts: the signal ends at the `)` that balances its
 * `(`, and the states follow after one space.
 */
function parseBalanced(text: string, signalStart: number, open: number, stamp: string, chart: string): CompatLineParse {
  let depth = 0;
  let close = -1;
  for (let k = signalStart + open; k < text.length && close < 0; k += 1) {
    if (text[k] === '(') depth += 1;
    else if (text[k] === ')' && --depth === 0) close = k;
  }
  const sourceEnd = close < 0 || text[close + 1] !== ' ' ? -1 : text.indexOf('->', close + 2);
  if (sourceEnd < 0) return { kind: 'abort', reason: 'parentheses inside the payload' };
  const signal = text.slice(signalStart, close + 1);
  const source = text.slice(close + 2, sourceEnd);
  return transition(stamp, chart, signal, signal.slice(open + 1, -1), source, text.slice(sourceEnd + 2), true);
}
