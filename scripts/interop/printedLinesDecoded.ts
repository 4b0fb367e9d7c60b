/**
 * Did Python decode what our examples printed? Each example prints the
 * ` [+t] ` / ` [+s] ` lines it hears back from the snoop networks
 * (uncoloured with --no-color); every line it printed for its own chart
 * must be accounted for by one item the Python listener decoded: a trace
 * item is the line (the live trace frames it in newlines, which the
 * printers drop), a spy item is `<chart> <line>`. Counted as a multiset:
 * spy lines repeat (`ENTRY_SIGNAL:inner` on every entry), and each decoded
 * item accounts for one printed line only.
 */
export interface PrintedBy {
  /** The example's chart (undefined when it never said). */
  chart: string | undefined;
  stdout: string;
}

export function printedLinesDecoded(examples: readonly PrintedBy[], items: readonly Record<string, unknown>[]): { checked: number; missing: string[] } {
  const decoded = new Map<string, number>();
  const add = (line: string) => decoded.set(line, (decoded.get(line) ?? 0) + 1);
  for (const r of items) {
    if (r.kind === 'trace') add(' [+t] ' + String(r.item).replace(/\n/g, ''));
    else if (r.kind === 'spy') add(' [+s] ' + String(r.item));
  }
  let checked = 0;
  const missing: string[] = [];
  for (const { chart, stdout } of examples) {
    if (chart === undefined) continue;
    for (const line of stdout.split('\n')) {
      const own = line.startsWith(' [+t] ') ? line.includes(`] [${chart}] `) : line.startsWith(` [+s] ${chart} `);
      if (!own) continue;
      checked++;
      const left = decoded.get(line) ?? 0;
      if (left === 0) missing.push(line);
      else decoded.set(line, left - 1);
    }
  }
  return { checked, missing };
}
