/**
 * Colour groups from search queries: the host says which group each note matches first (see
 * `matchGroups`), and this turns that into the `Grouping` the view and legend use. Also the
 * presets that turn the automatic folder or tag colouring into query groups to edit.
 */
import type { GraphNode } from '../../../main/core/model';
import type { GroupMatches } from '../../../main/api';
import { colourGroups } from './colour-groups';
import type { Grouping } from './colour-groups';
import type { QueryGroup } from './graph-settings';

/** The colouring of `groups` given the host's matches; notes are keyed by path (their graph id). */
export function queryGrouping(groups: readonly QueryGroup[], matches: GroupMatches, notes: Iterable<GraphNode>): Grouping {
  const byPath = new Map<string, number>();
  matches.paths.forEach((path, i) => {
    const g = matches.groups[i]!;
    if (g < groups.length) byPath.set(path, g);
  });
  const colorOf = (node: GraphNode): string | null => {
    if (node.kind !== 'note' || !node.path) return null;
    const g = byPath.get(node.path);
    return g === undefined ? null : groups[g]!.color;
  };
  const counts = new Array<number>(groups.length).fill(0);
  let other = 0;
  for (const node of notes) {
    if (node.kind !== 'note' || !node.path) continue;
    const g = byPath.get(node.path);
    if (g === undefined) other++;
    else counts[g]!++;
  }
  return {
    // The key carries the colour too, so changing only a colour still recolours the drawing.
    groups: groups.map((g, i) => ({ key: `${i}:${g.color}:${g.query}`, label: g.query.trim() || '(empty query)', color: g.color, count: counts[i]! })).filter((g) => g.count > 0),
    other,
    colorOf,
  };
}

/** A query value, quoted when it has spaces; null when it cannot be written (a `"` inside). */
function quoted(value: string): string | null {
  if (value.includes('"')) return null;
  return /\s/.test(value) ? `"${value}"` : value;
}

/** The automatic colouring's groups (largest first, its colours) as query groups: `path:"Folder/"` or `tag:#name`. */
export function presetGroups(notes: Iterable<GraphNode>, by: 'folder' | 'tag'): QueryGroup[] {
  const out: QueryGroup[] = [];
  for (const g of colourGroups(notes, by).groups) {
    // Notes at the top level have no folder a path query could name.
    if (by === 'folder' && !g.key) continue;
    const value = quoted(by === 'folder' ? `${g.key}/` : `#${g.key}`);
    if (value) out.push({ query: `${by === 'folder' ? 'path' : 'tag'}:${value}`, color: g.color });
  }
  return out;
}
