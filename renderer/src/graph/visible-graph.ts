/**
 * Which nodes and edges the pane shows, given the model, the settings and the open note: the
 * local neighbourhood or the whole vault, then node kinds, filters and orphans. Pure and cheap
 * enough (a few ms at 10k notes) to recompute after every change and diff against what is drawn.
 */
import type { GraphNode, GraphNodeKind } from '../../../main/core/model';
import type { GraphModel } from './graph-model';
import type { GraphSettings } from './graph-settings';
import { inFolder, underTag } from './graph-settings';

export interface VisibleGraph {
  nodes: Set<string>;
  edges: Set<string>;
  /** The open note when it is drawn (local mode always draws it). */
  centre: string | null;
  counts: { notes: number; links: number; ghosts: number; tags: number; videos: number };
}

function kindShown(kind: GraphNodeKind, s: Pick<GraphSettings, 'showGhosts' | 'showTags' | 'showVideos'>): boolean {
  switch (kind) {
    case 'note':
      return true;
    case 'ghost':
      return s.showGhosts;
    case 'tag':
      return s.showTags;
    case 'video':
      return s.showVideos;
  }
}

/**
 * The open note and everything within `depth` links of it, following links in both directions.
 * The walk goes through notes and (when shown) ghosts, since two notes linking the same missing
 * note are related; tags and videos are attached as leaves of the notes found, never walked
 * through, or one popular tag would pull in half the vault.
 */
export function localNeighbourhood(
  model: GraphModel,
  centre: string,
  depth: number,
  s: Pick<GraphSettings, 'showGhosts' | 'showTags' | 'showVideos'>,
): Set<string> {
  const found = new Set<string>();
  if (!model.nodes.has(centre)) return found;
  found.add(centre);
  let frontier = [centre];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const edge of model.edgesOf(id)) {
        if (edge.kind !== 'link') continue;
        const other = edge.source === id ? edge.target : edge.source;
        if (found.has(other)) continue;
        const node = model.nodes.get(other);
        if (!node || (node.kind === 'ghost' && !s.showGhosts)) continue;
        found.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  if (s.showTags || s.showVideos) {
    for (const id of [...found]) {
      if (model.nodes.get(id)?.kind !== 'note') continue;
      for (const edge of model.edgesOf(id)) {
        if ((edge.kind === 'tag' && s.showTags) || (edge.kind === 'cites' && s.showVideos)) {
          if (model.nodes.has(edge.target)) found.add(edge.target);
        }
      }
    }
  }
  return found;
}

function textMatcher(text: string): ((node: GraphNode) => boolean) | null {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return (node) => {
    const hay = `${node.label}\n${node.path ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  };
}

export function visibleGraph(model: GraphModel, s: GraphSettings, openId: string | null): VisibleGraph {
  const local = s.mode === 'local';
  // Only a local graph has a centre, kept whatever the filters; the global graph filters the open note like any other.
  const centre = local && openId !== null && model.nodes.has(openId) ? openId : null;
  const scope: Iterable<string> = local
    ? centre
      ? localNeighbourhood(model, centre, s.depth, s)
      : []
    : model.nodes.keys();
  const matches = textMatcher(s.text);

  const notePasses = (node: GraphNode) =>
    (s.folders.length === 0 || s.folders.some((f) => inFolder(node.folder, f))) &&
    (s.tags.length === 0 || node.tags.some((t) => s.tags.some((f) => underTag(t, f)))) &&
    (!matches || matches(node));

  // Notes first; the other kinds exist only through notes, so they need a note left to hang on.
  const nodes = new Set<string>();
  const others: GraphNode[] = [];
  for (const id of scope) {
    const node = model.nodes.get(id)!;
    if (!kindShown(node.kind, s)) continue;
    if (node.kind === 'note') {
      if (id === centre || notePasses(node)) nodes.add(id);
    } else if (!matches || matches(node) || id === centre) others.push(node);
  }
  for (const node of others) {
    for (const edge of model.edgesOf(node.id)) {
      const other = edge.source === node.id ? edge.target : edge.source;
      if (nodes.has(other) && model.nodes.get(other)?.kind === 'note') {
        nodes.add(node.id);
        break;
      }
    }
  }

  const edges = new Set<string>();
  const hasEdge = new Set<string>();
  for (const id of nodes) {
    for (const edge of model.edgesOf(id)) {
      // Visit each edge from its source only.
      if (edge.source !== id || !nodes.has(edge.target) || edge.source === edge.target) continue;
      edges.add(edge.id);
      hasEdge.add(edge.source).add(edge.target);
    }
  }
  if (!s.showOrphans) {
    for (const id of nodes) if (!hasEdge.has(id) && id !== centre) nodes.delete(id);
  }

  return {
    nodes,
    edges,
    centre: centre && nodes.has(centre) ? centre : null,
    counts: countKinds(model, nodes, edges.size),
  };
}

/** The `Graph status` line: "N notes · M links", then the other kinds when any are drawn. */
export function statusText(counts: VisibleGraph['counts']): string {
  const parts = [`${counts.notes} notes`, `${counts.links} links`];
  if (counts.ghosts) parts.push(`${counts.ghosts} unresolved`);
  if (counts.tags) parts.push(`${counts.tags} tags`);
  if (counts.videos) parts.push(`${counts.videos} videos`);
  return parts.join(' · ');
}

/** What the status line reports of a drawing: its nodes by kind, and its links. */
export function countKinds(model: GraphModel, nodes: ReadonlySet<string>, links: number): VisibleGraph['counts'] {
  const counts = { notes: 0, links, ghosts: 0, tags: 0, videos: 0 };
  for (const id of nodes) {
    const kind = model.nodes.get(id)!.kind;
    if (kind === 'note') counts.notes++;
    else if (kind === 'ghost') counts.ghosts++;
    else if (kind === 'tag') counts.tags++;
    else counts.videos++;
  }
  return counts;
}
