/**
 * What is drawn right now, shared by the view and its canvas layers: one record per drawn node
 * (position, radius, label) and per drawn edge (its two node records, so moving a node moves its
 * edges with no lookup).
 */
import type { GraphNodeKind } from '../../../main/core/model';

export interface NodeRec {
  id: string;
  x: number;
  y: number;
  /** Radius in graph units. */
  r: number;
  /** Label size in graph units. */
  font: number;
  label: string;
  kind: GraphNodeKind;
  /** Group colour, or null for the theme's neutral node colour. */
  color: string | null;
  /** Dimmed: a search is lit and this node is not among its hits. */
  dim?: boolean;
}

export const EDGE_LINK = 0;
export const EDGE_TAG = 1;

export interface EdgeRec {
  id: string;
  s: NodeRec;
  t: NodeRec;
  /** EDGE_LINK for links, EDGE_TAG for tag and citation edges. */
  kind: number;
  /** A stable pseudo-random number in [0, 1) from the id: a dense view draws the edges below its share. */
  rank: number;
}

/** FNV-1a of the id, scaled to [0, 1). */
export function edgeRank(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4294967296;
}

export interface Scene {
  nodes: NodeRec[];
  edges: EdgeRec[];
  /** Indices of `edges` by increasing rank (see edge-budget.ts), rebuilt with them. */
  edgeOrder: Uint32Array;
  /** The open note's drawn edges, always drawn, and in the accent colour. */
  openEdges: EdgeRec[];
  byId: Map<string, NodeRec>;
  /** The open note, when drawn. */
  open: NodeRec | null;
  /** The node under the pointer and its neighbourhood (itself included). */
  hovered: NodeRec | null;
  hoverNear: Set<NodeRec>;
  /** The node with keyboard focus (or picked for preview) and its neighbourhood: lit like a hover when nothing is hovered. */
  focused: NodeRec | null;
  focusNear: Set<NodeRec>;
  arrows: boolean;
  /** Whether the node layer draws the nodes (large graphs without a GPU) instead of Cytoscape. */
  fastNodes: boolean;
  /**
   * The node being dragged: the edge and node layers leave it (and its edges) out, and the
   * overlay draws them, so a drag redraws a handful of items rather than the whole picture.
   */
  dragging: NodeRec | null;
}

export function emptyScene(): Scene {
  return { nodes: [], edges: [], edgeOrder: new Uint32Array(0), openEdges: [], byId: new Map(), open: null, hovered: null, hoverNear: new Set(), focused: null, focusNear: new Set(), arrows: false, fastNodes: false, dragging: null };
}
