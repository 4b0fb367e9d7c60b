/**
 * Turns ELK's laid-out graph (root coordinates) into flat lists of boxes
 * and polylines that the view draws as SVG, outermost boxes first so inner
 * states paint over their parents.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { INITIAL_NODE } from './buildElkGraph.ts';

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  compound: boolean;
  depth: number;
  initial: boolean;
}

export interface Line {
  id: string;
  source: string;
  target: string;
  points: { x: number; y: number }[];
  label: { text: string; x: number; y: number } | null;
}

export interface FlatLayout {
  boxes: Box[];
  lines: Line[];
  width: number;
  height: number;
}

export function flattenLayout(root: ElkNode): FlatLayout {
  const boxes: Box[] = [];
  const visit = (node: ElkNode, depth: number) => {
    for (const child of node.children ?? []) {
      boxes.push({
        id: child.id,
        x: child.x ?? 0,
        y: child.y ?? 0,
        width: child.width ?? 0,
        height: child.height ?? 0,
        compound: (child.children?.length ?? 0) > 0,
        depth,
        initial: child.id === INITIAL_NODE,
      });
      visit(child, depth + 1);
    }
  };
  visit(root, 0);
  boxes.sort((a, b) => a.depth - b.depth);

  const lines: Line[] = [];
  const collect = (node: ElkNode) => {
    for (const edge of (node.edges ?? []) as ElkExtendedEdge[]) {
      const points: { x: number; y: number }[] = [];
      for (const s of edge.sections ?? []) {
        points.push(s.startPoint, ...(s.bendPoints ?? []), s.endPoint);
      }
      const l = edge.labels?.[0];
      lines.push({
        id: edge.id,
        source: edge.sources[0] ?? '',
        target: edge.targets[0] ?? '',
        points,
        label: l?.text ? { text: l.text, x: l.x ?? 0, y: l.y ?? 0 } : null,
      });
    }
    for (const child of node.children ?? []) collect(child);
  };
  collect(root);
  return { boxes, lines, width: root.width ?? 0, height: root.height ?? 0 };
}
