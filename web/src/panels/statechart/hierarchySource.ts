/**
 * Whether the drawing's nesting is known. Our own charts announce their
 * hierarchy; spy lines walk it (TopologyInference). A chart known only
 * from trace lines is drawn with every state at the top level, because a
 * trace line names just the two leaves a transition leaves and enters —
 * the panel must say so rather than let siblings pass for the truth.
 */
import type { RecordLog } from '../../store/RecordLog.ts';
import { chartIndex } from '../../panelApi/recordIndexes.ts';

export type HierarchySource = 'announced' | 'spy' | 'unknown';

/** How many of a chart's spy records to look through for a structured line (scribbles have none). */
const SPY_LOOKAHEAD = 256;

export function hierarchySource(log: RecordLog, chart: string, announced: boolean): HierarchySource {
  if (announced) return 'announced';
  const entry = chartIndex(log).byName.get(chart);
  if (!entry) return 'unknown';
  const n = Math.min(entry.spies.length, SPY_LOOKAHEAD);
  for (let k = 0; k < n; k++) {
    const r = log.at(entry.spies.get(k));
    if (r.kind === 'spy' && r.state !== undefined) return 'spy';
  }
  return 'unknown';
}

export const HIERARCHY_UNKNOWN_NOTE =
  'hierarchy unknown: trace lines name only the states a transition leaves and enters, so nested states are drawn side by side; spy lines would show the nesting';
