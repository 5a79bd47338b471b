/**
 * Cytoscape element definitions from the model. Everything the style needs (size, colour, label
 * size) is computed here into data fields, so the stylesheet only reads them and Cytoscape does
 * no per-element mapping work when tens of thousands of elements arrive in one batch.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../../main/core/model';
import type { VisibleGraph } from './visible-graph';

export interface NodeData {
  id: string;
  label: string;
  kind: GraphNode['kind'];
  path: string | null;
  /** Diameter in graph units. */
  size: number;
  /** Label size in graph units; grows with the node, so hubs are named first as you zoom in. */
  font: number;
  /** Group colour, or absent for the theme's neutral colour. */
  color?: string;
  /** Present while a search is lit and this node is not among its hits. */
  dim?: 1;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  kind: GraphEdge['kind'];
  width: number;
}

export function nodeSize(degree: number): number {
  return Math.round((8 + 4 * Math.sqrt(degree)) * 10) / 10;
}

export function nodeData(node: GraphNode, degree: number, color: string | null): NodeData {
  const size = Math.min(64, nodeSize(degree));
  const data: NodeData = {
    id: node.id,
    label: node.label,
    kind: node.kind,
    path: node.path,
    size,
    font: Math.round(Math.min(24, 7 + size / 4)),
  };
  if (color) data.color = color;
  return data;
}

export function edgeData(edge: GraphEdge): EdgeData {
  return { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind, width: edge.count > 1 ? Math.min(3, 1 + Math.log2(edge.count) / 2) : 1 };
}

export function edgeElement(edge: GraphEdge): ElementDefinition {
  return { group: 'edges', data: edgeData(edge), classes: edge.kind };
}

export interface VisibleDiff {
  nodesAdded: string[];
  nodesRemoved: string[];
  edgesAdded: string[];
  edgesRemoved: string[];
}

/** What to add to and remove from the drawing to go from `drawn` to `next`. */
export function diffVisible(drawn: Pick<VisibleGraph, 'nodes' | 'edges'>, next: Pick<VisibleGraph, 'nodes' | 'edges'>): VisibleDiff {
  const diff: VisibleDiff = { nodesAdded: [], nodesRemoved: [], edgesAdded: [], edgesRemoved: [] };
  // The same sets (an unchanged visible graph, see GraphView.visibleNow): nothing to walk.
  if (drawn.nodes === next.nodes && drawn.edges === next.edges) return diff;
  for (const id of next.nodes) if (!drawn.nodes.has(id)) diff.nodesAdded.push(id);
  for (const id of drawn.nodes) if (!next.nodes.has(id)) diff.nodesRemoved.push(id);
  for (const id of next.edges) if (!drawn.edges.has(id)) diff.edgesAdded.push(id);
  for (const id of drawn.edges) if (!next.edges.has(id)) diff.edgesRemoved.push(id);
  return diff;
}
