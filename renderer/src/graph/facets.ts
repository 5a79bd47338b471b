/**
 * The folders and tags a vault's notes fall into, with how many notes each holds, for the
 * graph's folder and tag filters.
 */
import type { GraphNode } from '../../../main/core/model';
import { ROOT_FOLDER } from './graph-settings';

export interface Facet {
  key: string;
  label: string;
  count: number;
}

export function graphFacets(nodes: Iterable<GraphNode>): { folders: Facet[]; tags: Facet[] } {
  const folders = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const node of nodes) {
    if (node.kind !== 'note') continue;
    // A note counts towards its folder and every folder above it, as the filter matches subfolders.
    if (node.folder === '') folders.set(ROOT_FOLDER, (folders.get(ROOT_FOLDER) ?? 0) + 1);
    let at = node.folder;
    while (at) {
      folders.set(at, (folders.get(at) ?? 0) + 1);
      const slash = at.lastIndexOf('/');
      at = slash === -1 ? '' : at.slice(0, slash);
    }
    for (const tag of new Set(node.tags)) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  const byKey = (a: Facet, b: Facet) => (a.key === ROOT_FOLDER ? -1 : b.key === ROOT_FOLDER ? 1 : a.key.localeCompare(b.key));
  return {
    folders: [...folders].map(([key, count]) => ({ key, label: key === ROOT_FOLDER ? '(top level)' : key, count })).sort(byKey),
    tags: [...tags].map(([key, count]) => ({ key, label: `#${key}`, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
  };
}
