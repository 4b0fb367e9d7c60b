/**
 * The tree of states to draw for one chart: the announced or inferred
 * hierarchy, plus any state the transitions mention that it lacks (drawn at
 * the top level rather than lost). miros's `top` is the root itself, not a
 * box: transitions out of it are the chart's initial transitions.
 */
import type { ObservedTransition } from './transitionIndex.ts';

export interface StateNode {
  name: string;
  children: StateNode[];
}

export interface StateParent {
  name: string;
  parent: string | null;
}

export const TOP = 'top';

export function stateHierarchy(states: readonly StateParent[], transitions: Iterable<ObservedTransition>): StateNode[] {
  const parentOf = new Map<string, string | null>();
  for (const s of states) if (s.name !== TOP) parentOf.set(s.name, s.parent === TOP ? null : s.parent);
  for (const t of transitions) {
    for (const name of [t.from, t.to]) if (name !== TOP && !parentOf.has(name)) parentOf.set(name, null);
  }
  const nodes = new Map<string, StateNode>();
  for (const name of parentOf.keys()) nodes.set(name, { name, children: [] });
  const roots: StateNode[] = [];
  for (const [name, parent] of parentOf) {
    const node = nodes.get(name)!;
    const parentNode = parent === null ? undefined : nodes.get(parent);
    // A parent we never heard of, or a cycle, puts the state at the top level.
    if (parentNode && !isAncestor(name, parent!, parentOf)) parentNode.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** True if `candidate` is `of` or one of its ancestors. */
function isAncestor(candidate: string, of: string, parentOf: Map<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let s: string | null | undefined = of; s != null && !seen.has(s); s = parentOf.get(s)) {
    if (s === candidate) return true;
    seen.add(s);
  }
  return false;
}

/** `state` and its ancestors, innermost first. */
export function activePath(roots: readonly StateNode[], state: string | null): string[] {
  if (state === null) return [];
  const path: string[] = [];
  const walk = (nodes: readonly StateNode[]): boolean => {
    for (const n of nodes) {
      if (n.name === state || walk(n.children)) {
        path.push(n.name);
        return true;
      }
    }
    return false;
  };
  walk(roots);
  return path;
}
