/**
 * What is known about one chart's hierarchy: the states seen (in order of
 * first appearance), votes for each state's parent, and pairs of states known
 * to share a parent. `resolve()` turns that into one parent per state:
 *
 *   1. the parent with the most votes (ties: the one voted for first);
 *   2. a state with no vote takes the parent of a sibling that has one;
 *   3. a state still unplaced is top-level (parent null) — a state seen only
 *      in trace lines lands here until spy lines say more;
 *   4. cycles (only possible from contradictory input) are cut at the
 *      weakest link, so the result is always a tree.
 *
 * The list is in tree order: each state after its parent, siblings in order
 * of first appearance.
 */

export interface StateEntry {
  name: string;
  parent: string | null;
}

export class ChartEvidence {
  private readonly order = new Map<string, number>();
  private readonly votes = new Map<string, Map<string | null, number>>();
  private readonly siblingPairs: [string, string][] = [];
  private readonly siblingKeys = new Set<string>();
  /** Bumped on every change that can alter `resolve()`. */
  version = 0;

  seen(state: string): void {
    if (!this.order.has(state)) {
      this.order.set(state, this.order.size);
      this.version++;
    }
  }

  parent(child: string, parent: string | null): void {
    this.seen(child);
    if (parent !== null) this.seen(parent);
    let forChild = this.votes.get(child);
    if (!forChild) this.votes.set(child, (forChild = new Map()));
    forChild.set(parent, (forChild.get(parent) ?? 0) + 1);
    this.version++;
  }

  siblings(a: string, b: string): void {
    this.seen(a);
    this.seen(b);
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (this.siblingKeys.has(key)) return;
    this.siblingKeys.add(key);
    this.siblingPairs.push([a, b]);
    this.version++;
  }

  get empty(): boolean {
    return this.order.size === 0;
  }

  resolve(): StateEntry[] {
    const parent = new Map<string, string | null>();
    const strength = new Map<string, number>();
    for (const [child, candidates] of this.votes) {
      let best: string | null = null;
      let bestVotes = 0;
      for (const [candidate, n] of candidates) {
        if (n > bestVotes) {
          best = candidate;
          bestVotes = n;
        }
      }
      parent.set(child, best);
      strength.set(child, bestVotes);
    }
    // Siblings share what one of them knows; repeat until nothing changes.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [a, b] of this.siblingPairs) {
        if (parent.has(a) && !parent.has(b)) {
          parent.set(b, parent.get(a)!);
          strength.set(b, 0);
          changed = true;
        } else if (parent.has(b) && !parent.has(a)) {
          parent.set(a, parent.get(b)!);
          strength.set(a, 0);
          changed = true;
        }
      }
    }
    this.cutCycles(parent, strength);
    return this.treeOrder(parent);
  }

  private cutCycles(parent: Map<string, string | null>, strength: Map<string, number>): void {
    const done = new Set<string>();
    for (const start of this.order.keys()) {
      const path: string[] = [];
      const onPath = new Set<string>();
      let s: string | null = start;
      while (s !== null && !done.has(s)) {
        if (onPath.has(s)) {
          // The loop is path[from..]: drop its weakest parent link.
          const loop = path.slice(path.indexOf(s));
          let weakest = loop[0]!;
          for (const x of loop) if ((strength.get(x) ?? 0) < (strength.get(weakest) ?? 0)) weakest = x;
          parent.set(weakest, null);
          break;
        }
        onPath.add(s);
        path.push(s);
        s = parent.get(s) ?? null;
      }
      for (const x of path) done.add(x);
    }
  }

  private treeOrder(parent: Map<string, string | null>): StateEntry[] {
    const children = new Map<string | null, string[]>();
    for (const state of this.order.keys()) {
      const p = parent.get(state) ?? null;
      const list = children.get(p);
      if (list) list.push(state);
      else children.set(p, [state]);
    }
    const out: StateEntry[] = [];
    const visit = (p: string | null) => {
      for (const child of children.get(p) ?? []) {
        out.push({ name: child, parent: p });
        visit(child);
      }
    };
    visit(null);
    return out;
  }
}
