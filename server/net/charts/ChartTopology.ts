/**
 * The state hierarchy a networked chart announces (topologyHeader.ts):
 * each state with its parent, in the order they became known. Fed by the
 * runtime's `topology` observations (parents learned as the chart searches
 * its states) and, for a factory, by its `nest` table, which knows every
 * state before the chart starts.
 */
import type { TopologyState } from '../topologyHeader.ts';

export class ChartTopology {
  private readonly parents = new Map<string, string | null>();

  /** Records `state`'s parent (null = top); true when that changed what is known. */
  set(state: string, parent: string | null): boolean {
    if (this.parents.has(state) && this.parents.get(state) === parent) return false;
    this.parents.set(state, parent);
    return true;
  }

  get size(): number {
    return this.parents.size;
  }

  states(): TopologyState[] {
    return [...this.parents].map(([name, parent]) => ({ name, parent }));
  }
}
