/**
 * The ELK graph for a chart: states as (compound) nodes, observed
 * transitions as edges, laid out layered top-down with hierarchy handled
 * across levels so arrows may enter nested states. Coordinates come back in
 * root space (shapeCoords/edgeCoords ROOT) so drawing needs no offsets.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { TOP, type StateNode } from './stateHierarchy.ts';
import type { ObservedTransition } from './transitionIndex.ts';
import { LOOP_LABEL_GAP, LOOP_REACH } from './selfLoop.ts';

export const INITIAL_NODE = '__initial__';
/** Width of a character of the drawing's 12 px monospace labels. */
const CHAR_WIDTH = 7.3;
const LEAF_HEIGHT = 32;
const LABEL_HEIGHT = 16;

export const ROOT_LAYOUT = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '44',
  'elk.layered.spacing.edgeNodeBetweenLayers': '18',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '14',
  'elk.spacing.nodeNode': '36',
  'elk.spacing.edgeEdge': '16',
  'elk.spacing.edgeNode': '16',
  'elk.spacing.edgeLabel': '4',
  'elk.layered.edgeLabels.sideSelection': 'ALWAYS_UP',
};

function labelWidth(text: string): number {
  return Math.ceil(text.length * CHAR_WIDTH) + 20;
}

function toElkNode(node: StateNode): ElkNode {
  if (node.children.length === 0) {
    return { id: node.name, width: Math.max(84, labelWidth(node.name)), height: LEAF_HEIGHT, labels: [{ text: node.name }] };
  }
  return {
    id: node.name,
    labels: [{ text: node.name, width: labelWidth(node.name), height: 16 }],
    layoutOptions: { 'elk.padding': '[top=30,left=14,bottom=14,right=14]', 'elk.nodeLabels.placement': 'INSIDE V_TOP H_LEFT' },
    children: node.children.map(toElkNode),
  };
}

export function edgeId(t: Pick<ObservedTransition, 'from' | 'to'>): string {
  return `${t.from}→${t.to}`;
}

export function buildElkGraph(roots: readonly StateNode[], transitions: readonly ObservedTransition[]): ElkNode {
  const children = roots.map(toElkNode);
  const edges: ElkExtendedEdge[] = [];
  let hasInitial = false;
  for (const t of transitions) {
    const source = t.from === TOP ? INITIAL_NODE : t.from;
    if (t.to === TOP) continue;
    if (source === INITIAL_NODE) hasInitial = true;
    const text = t.signals.length > 3 ? `${t.signals.slice(0, 3).join(', ')} …` : t.signals.join(', ');
    // ELK keeps room beside the state for a self-loop's label; widened, it holds the loop too (selfLoop.ts).
    const loopRoom = source === t.to ? LOOP_REACH + LOOP_LABEL_GAP : 0;
    edges.push({
      id: edgeId(t),
      sources: [source],
      targets: [t.to],
      labels: source === INITIAL_NODE ? [] : [{ text, width: labelWidth(text) - 14 + loopRoom, height: LABEL_HEIGHT }],
    });
  }
  if (hasInitial) children.unshift({ id: INITIAL_NODE, width: 12, height: 12 });
  return { id: 'root', layoutOptions: ROOT_LAYOUT, children, edges };
}
