import type { VaultIndex } from '../../../main/core/vault-index';

/** Everything observable about an index, in a canonical order, for "equals a fresh build" checks. */
export function indexSnapshot(index: VaultIndex) {
  const notes = index.notes().sort((a, b) => (a.path < b.path ? -1 : 1));
  const graph = index.graph();
  return {
    notes: notes.map((n) => ({ record: n, links: index.links(n.path), backlinks: [...index.backlinks(n.path)].sort() })),
    files: index.files().sort(),
    unresolved: [...index.unresolved()],
    nodes: graph.nodes.sort((a, b) => (a.id < b.id ? -1 : 1)),
    edges: graph.edges.sort((a, b) => (a.id < b.id ? -1 : 1)),
    stats: index.stats(),
    videos: index.videos().map((v) => [v, index.citing(v)]),
  };
}
