/**
 * The renderer's copy of the vault graph: nodes and edges by id with an incidence index, kept
 * current by applying `VaultDelta`s. Everything the pane draws is derived from it (what is
 * visible, sizes, colours, local neighbourhoods), so it is plain data with no Cytoscape in it.
 */
import type { GraphData } from '../../../main/api';
import type { GraphEdge, GraphNode, VaultDelta } from '../../../main/core/model';

/** What an applied delta changed, by id. */
export interface ModelChange {
  nodesAdded: string[];
  nodesRemoved: string[];
  /** Nodes still present whose data (label, folder, tags) or degree changed. */
  nodesChanged: string[];
  edgesAdded: string[];
  edgesRemoved: string[];
  /** Edges still present whose count changed. */
  edgesChanged: string[];
}

export class GraphModel {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  /**
   * Node id → the edges touching it, in either direction. Arrays, not Sets: at 100k notes and
   * 1.6 M links the Sets were the model's biggest cost in time and heap, and removal (a scan of
   * one node's edges) is rare and linear in its degree.
   */
  private readonly incident = new Map<string, GraphEdge[]>();
  /** Bumped by every change, so what is derived from the model can tell it is current. */
  version = 0;
  private degrees: { degrees: Map<string, number>; citations: Map<string, number> } | null = null;

  constructor(data?: GraphData) {
    if (data) this.load(data);
  }

  load(data: GraphData): void {
    this.version++;
    this.nodes.clear();
    this.edges.clear();
    this.incident.clear();
    this.degrees = null;
    for (const node of data.nodes) this.nodes.set(node.id, node);
    for (const edge of data.edges) this.putEdge(edge);
  }

  /** Edges touching `id` (both directions), including ones whose other end is missing. */
  edgesOf(id: string): readonly GraphEdge[] {
    return this.incident.get(id) ?? NO_EDGES;
  }

  /**
   * How big a node is drawn: for notes and ghosts the links in (from notes present), for tags
   * and videos the notes that carry or cite them.
   */
  degree(id: string): number {
    return this.counts().degrees.get(id) ?? 0;
  }

  /** How many times notes cite a video (every timestamp counts), for sizing video nodes by citations. */
  citations(id: string): number {
    return this.counts().citations.get(id) ?? 0;
  }

  private counts(): { degrees: Map<string, number>; citations: Map<string, number> } {
    if (!this.degrees) {
      // One pass over all edges, kept until the next change.
      const degrees = new Map<string, number>();
      const citations = new Map<string, number>();
      for (const edge of this.edges.values()) {
        const s = this.nodes.get(edge.source);
        const t = this.nodes.get(edge.target);
        if (!s || !t) continue;
        if (edge.kind === 'link' || (t.kind !== 'note' && t.kind !== 'ghost')) degrees.set(edge.target, (degrees.get(edge.target) ?? 0) + 1);
        if (edge.kind === 'cites') citations.set(edge.target, (citations.get(edge.target) ?? 0) + edge.count);
      }
      this.degrees = { degrees, citations };
    }
    return this.degrees;
  }

  apply(delta: VaultDelta): ModelChange {
    const change: ModelChange = { nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: [], edgesChanged: [] };
    this.version++;
    const touched = new Set<string>();
    this.degrees = null;
    for (const id of delta.edgesRemoved) {
      const edge = this.edges.get(id);
      if (!edge) continue;
      this.dropEdge(edge);
      change.edgesRemoved.push(id);
      touched.add(edge.source).add(edge.target);
    }
    for (const id of delta.nodesRemoved) {
      if (!this.nodes.delete(id)) continue;
      change.nodesRemoved.push(id);
      // An edge cannot outlive an end; Cytoscape removes them too, so both sides agree.
      for (const edge of [...this.edgesOf(id)]) {
        this.dropEdge(edge);
        change.edgesRemoved.push(edge.id);
        touched.add(edge.source).add(edge.target);
      }
      this.incident.delete(id);
    }
    for (const node of delta.nodesUpserted) {
      const old = this.nodes.get(node.id);
      this.nodes.set(node.id, node);
      if (!old) change.nodesAdded.push(node.id);
      else if (!sameNode(old, node)) change.nodesChanged.push(node.id);
    }
    for (const edge of delta.edgesUpserted) {
      const old = this.edges.get(edge.id);
      if (old) {
        this.dropEdge(old);
        this.putEdge(edge);
        if (old.count !== edge.count) change.edgesChanged.push(edge.id);
        continue;
      }
      this.putEdge(edge);
      change.edgesAdded.push(edge.id);
      touched.add(edge.source).add(edge.target);
    }
    const added = new Set(change.nodesAdded);
    const changed = new Set(change.nodesChanged);
    for (const id of touched) {
      if (this.nodes.has(id) && !added.has(id) && !changed.has(id)) change.nodesChanged.push(id);
    }
    return change;
  }

  private putEdge(edge: GraphEdge): void {
    const old = this.edges.get(edge.id);
    if (old) this.dropEdge(old);
    this.edges.set(edge.id, edge);
    for (const end of [edge.source, edge.target]) {
      const list = this.incident.get(end);
      if (list) list.push(edge);
      else this.incident.set(end, [edge]);
      // A self-link is listed once.
      if (edge.source === edge.target) break;
    }
  }

  private dropEdge(edge: GraphEdge): void {
    this.edges.delete(edge.id);
    unlist(this.incident.get(edge.source), edge);
    if (edge.target !== edge.source) unlist(this.incident.get(edge.target), edge);
  }
}

const NO_EDGES: readonly GraphEdge[] = [];

function unlist(list: GraphEdge[] | undefined, edge: GraphEdge): void {
  if (!list) return;
  const i = list.indexOf(edge);
  if (i === -1) return;
  list[i] = list[list.length - 1]!;
  list.pop();
}

function sameNode(a: GraphNode, b: GraphNode): boolean {
  return a.kind === b.kind && a.label === b.label && a.path === b.path && a.folder === b.folder && a.tags.length === b.tags.length && a.tags.every((t, i) => t === b.tags[i]);
}
