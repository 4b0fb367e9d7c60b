/**
 * The ` [+t] ` lines a node printed, as data: which chart made which
 * transition when. Both a Python miros-rabbitmq node and our examples print
 * every chart's trace lines they hear on the snoop trace network this way
 * (names coloured: the printing node's own blue, others purple).
 *
 * Written for this check alone, with a plain regular expression, and not
 * with the project's parsers: the check must not share a bug with what it
 * checks.
 */

/** SGR colour sequences (`ESC[34m`, `ESC[0m`, `ESC[30;1m`), all a snoop line carries. */
const SGR = /\x1b\[[0-9;]*m/g;
const TRACE = /^\[(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6})\] \[(.+?)\] e->([^(]*)\((.*)\) (\S+)->(\S+)$/;

export interface TraceLine {
  /** `[stamp] [chart] e->signal(payload) from->to`, colours removed: what both sides print. */
  text: string;
  stamp: string;
  /** The stamp read as UTC (every process of the run has TZ=UTC), epoch ms. */
  time: number;
  chart: string;
  signal: string;
  payload: string;
  from: string;
  to: string;
}

export function stripSgr(text: string): string {
  return text.replace(SGR, '');
}

/** Every transition line among the ` [+t] ` lines of `output`, in printed order. */
export function snoopTraceLines(output: string): TraceLine[] {
  const lines: TraceLine[] = [];
  for (const raw of output.split('\n')) {
    if (!raw.startsWith(' [+t] ')) continue;
    const text = stripSgr(raw.slice(6)).trimEnd();
    const m = TRACE.exec(text);
    if (!m) continue; // a scribble (`# …`) or a line of another shape
    const [, y, mo, d, h, mi, s, us] = m.map(Number) as number[];
    lines.push({
      text,
      stamp: text.slice(1, 27),
      time: Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) + us! / 1000,
      chart: m[8]!,
      signal: m[9]!,
      payload: m[10]!,
      from: m[11]!,
      to: m[12]!,
    });
  }
  return lines;
}

/** The chart a node printed as its own: the name inside `[ESC[34m…ESC[0m]` (blue). */
export function ownChartName(output: string): string | null {
  return /\[\x1b\[34m(.+?)\x1b\[0m\]/.exec(output)?.[1] ?? null;
}
