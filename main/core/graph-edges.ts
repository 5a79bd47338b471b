/**
 * The graph's edges as the index keeps them: per source note, one edge per (kind, target) with a
 * count of the links behind it, plus reference counts for ghost, tag and video nodes (they go when
 * no edge points at them). Changes are written into the batch's delta as they are made.
 */
import type { GraphEdge, GraphNode, VaultDelta } from './model';

/** Edge kinds as stored: links to notes apart from links to ghosts, since only ghosts, tags and videos are reference-counted. */
export type EdgeKind = 0 | 1 | 2 | 3;
export const LINK = 0;
export const GHOST_LINK = 1;
export const TAG = 2;
export const CITES = 3;
const KIND_NAMES: readonly GraphEdge['kind'][] = ['link', 'link', 'tag', 'cites'];

/** One note's edges as parallel lists (a 10k-note vault has about 250k edges; objects each would be most of the build's garbage). */
export interface OutEdges {
  targets: string[];
  kinds: EdgeKind[];
  counts: number[];
}

export const NO_EDGES: OutEdges = { targets: [], kinds: [], counts: [] };

/** What one batch's edge changes feed: the delta (null in a fresh build), nodes made, and nodes that may have lost their last edge. */
export interface EdgeBatch {
  delta: VaultDelta | null;
  upserts: Map<string, GraphNode>;
  maybeOrphaned: Set<string>;
}

/** A change in how many links of one note go to one (kind, target). */
export interface EdgeChange {
  kind: EdgeKind;
  target: string;
  by: number;
}

export class EdgeTable {
  /** source → its edges: edge ids are spelled out only when someone asks. */
  private readonly out = new Map<string, OutEdges>();
  /** How many edges point at each ghost, tag and video node. */
  private readonly refs = new Map<string, number>();

  /** `nodes` is the index's node table: ghost, tag and video nodes are made and counted here. */
  constructor(private readonly nodes: Map<string, GraphNode>) {}

  has(source: string): boolean {
    return this.out.has(source);
  }

  hasEdge(source: string, kind: EdgeKind, target: string): boolean {
    const out = this.out.get(source);
    return out !== undefined && slotOf(out, kind, target) >= 0;
  }

  refsTo(id: string): number {
    return this.refs.get(id) ?? 0;
  }

  edges(): GraphEdge[] {
    const edges: GraphEdge[] = [];
    for (const [source, out] of this.out) for (let i = 0; i < out.targets.length; i++) edges.push(graphEdge(source, out, i));
    return edges;
  }

  /** Sets a note's edges to `next`, reporting the difference from what it had. */
  replace(source: string, next: OutEdges, batch: EdgeBatch): void {
    const prev = this.out.get(source);
    // Earlier edges by kind and target; what is left once the new ones are matched was dropped (a fresh build has none).
    let before: Map<string, number> | null = null;
    if (prev) {
      before = new Map();
      for (let i = 0; i < prev.targets.length; i++) before.set(edgeKey(prev.kinds[i]!, prev.targets[i]!), i);
    }
    for (let i = 0; i < next.targets.length; i++) {
      const target = next.targets[i]!;
      const key = before ? edgeKey(next.kinds[i]!, target) : '';
      const old = before?.get(key);
      if (old === undefined) this.refer(next.kinds[i]!, target, batch);
      else before!.delete(key);
      if (batch.delta && (old === undefined || prev!.counts[old] !== next.counts[i])) batch.delta.edgesUpserted.push(graphEdge(source, next, i));
    }
    if (prev && before) for (const i of before.values()) this.dropped(source, prev, i, batch);
    if (next.targets.length) this.out.set(source, next);
    else this.out.delete(source);
  }

  /**
   * Changes a few of a note's edge counts in place: when a name changes, a note linking to it has
   * one or two links resolved again, and rebuilding all its edges would cost every link it has.
   */
  adjust(source: string, changes: readonly EdgeChange[], batch: EdgeBatch): void {
    let out = this.out.get(source);
    if (!out) this.out.set(source, (out = { targets: [], kinds: [], counts: [] }));
    for (const { kind, target, by } of changes) {
      if (by === 0) continue;
      const i = slotOf(out, kind, target);
      if (i < 0) {
        // A link to a file that is not a note has no edge to take away.
        if (by < 0) continue;
        out.targets.push(target);
        out.kinds.push(kind);
        out.counts.push(by);
        this.refer(kind, target, batch);
        batch.delta?.edgesUpserted.push(graphEdge(source, out, out.targets.length - 1));
      } else if (out.counts[i]! + by > 0) {
        out.counts[i]! += by;
        batch.delta?.edgesUpserted.push(graphEdge(source, out, i));
      } else {
        this.dropped(source, out, i, batch);
        out.targets.splice(i, 1);
        out.kinds.splice(i, 1);
        out.counts.splice(i, 1);
      }
    }
    if (out.targets.length === 0) this.out.delete(source);
  }

  /** A new edge: a link to a note finds the note's node (nodes are made first); the others may need theirs made. */
  private refer(kind: EdgeKind, target: string, batch: EdgeBatch): void {
    if (kind === LINK) return;
    this.refs.set(target, (this.refs.get(target) ?? 0) + 1);
    if (!this.nodes.has(target)) {
      const node = syntheticNode(target);
      this.nodes.set(node.id, node);
      batch.upserts.set(node.id, node);
    }
  }

  private dropped(source: string, edges: OutEdges, i: number, batch: EdgeBatch): void {
    const target = edges.targets[i]!;
    batch.delta?.edgesRemoved.push(edgeId(source, edges, i));
    if (edges.kinds[i] !== LINK) this.refs.set(target, (this.refs.get(target) ?? 1) - 1);
    batch.maybeOrphaned.add(target);
  }
}

/** Linear: a note has a few dozen edges, and this runs for a handful of its links. */
function slotOf(out: OutEdges, kind: EdgeKind, target: string): number {
  for (let i = 0; i < out.targets.length; i++) if (out.targets[i] === target && out.kinds[i] === kind) return i;
  return -1;
}

/** Tells a note's edges apart: by target, and by kind should a file name mimic another kind's id. */
export function edgeKey(kind: EdgeKind, target: string): string {
  return kind === LINK ? target : `${kind}\u0000${target}`;
}

function edgeId(source: string, edges: OutEdges, i: number): string {
  return `${KIND_NAMES[edges.kinds[i]!]}:${source}->${edges.targets[i]}`;
}

function graphEdge(source: string, edges: OutEdges, i: number): GraphEdge {
  return { id: edgeId(source, edges, i), source, target: edges.targets[i]!, kind: KIND_NAMES[edges.kinds[i]!]!, count: edges.counts[i]! };
}

/** From a target's case-folded key (`nameKey`). */
export function ghostId(key: string): string {
  return `ghost:${key}`;
}

function syntheticNode(id: string): GraphNode {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon) as 'ghost' | 'tag' | 'video';
  const label = kind === 'tag' ? `#${id.slice(colon + 1)}` : id.slice(colon + 1);
  return { id, kind, label, path: null, folder: '', tags: [] };
}
