/**
 * The heading shown above one drawn diagram, read from the comment the
 * shared renderer puts on a part's first line (`%% [Statechart: ao1] (A)`,
 * `%% [Statechart: ao1] (A) part 2 of 3`, `%% system view`). A chart's own
 * diagram has its states as lifelines, so without the heading nothing on
 * it says which chart it is.
 */
export interface DiagramCaption {
  /** The chart a per-chart diagram belongs to; null for the system view. */
  chart: string | null;
  text: string;
}

const CHART = /^\[Statechart: (.*)\] \(([^)]*)\)(?: (part \d+ of \d+))?$/;

export function diagramCaption(mermaidText: string): DiagramCaption | null {
  const firstLine = mermaidText.split('\n', 1)[0]!;
  if (!firstLine.startsWith('%% ')) return null;
  const comment = firstLine.slice(3);
  const chart = CHART.exec(comment);
  if (!chart) return { chart: null, text: comment };
  return { chart: chart[1]!, text: [`${chart[1]} (${chart[2]})`, chart[3]].filter(Boolean).join(' · ') };
}
