/**
 * Colour groups: notes coloured by top-level folder or by tag, the largest groups first, each
 * with a colour from a palette that reads on light and dark backgrounds; the rest stay neutral.
 */
import type { GraphNode } from '../../../main/core/model';
import type { GroupBy } from './graph-settings';

/** Tableau 10, reordered so the first few groups differ most; mid-lightness, legible on white and on near-black. */
export const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#8cd17d'];

export interface ColourGroup {
  key: string;
  label: string;
  color: string;
  count: number;
}

export interface Grouping {
  groups: ColourGroup[];
  /** Notes outside every group (drawn neutral), when there are any. */
  other: number;
  colorOf(node: GraphNode): string | null;
}

const none: Grouping = { groups: [], other: 0, colorOf: () => null };

function topFolder(folder: string): string {
  const slash = folder.indexOf('/');
  return slash === -1 ? folder : folder.slice(0, slash);
}

/** Groups over `notes` (usually every note of the vault, so colours stay put while filtering). */
export function colourGroups(notes: Iterable<GraphNode>, by: GroupBy, limit = PALETTE.length): Grouping {
  if (by === 'none') return none;
  const list = [...notes].filter((n) => n.kind === 'note');
  const counts = new Map<string, number>();
  for (const note of list) {
    if (by === 'folder') bump(counts, topFolder(note.folder));
    else for (const tag of new Set(note.tags)) bump(counts, tag);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, Math.min(limit, PALETTE.length));
  const colour = new Map(ranked.map(([key], i) => [key, PALETTE[i]!]));
  const rank = new Map(ranked.map(([key], i) => [key, i]));
  const keyOf = (node: GraphNode): string | null => {
    if (node.kind !== 'note') return null;
    if (by === 'folder') {
      const key = topFolder(node.folder);
      return colour.has(key) ? key : null;
    }
    // A note with several grouped tags takes the largest group's colour.
    let best: string | null = null;
    for (const tag of node.tags) {
      const r = rank.get(tag);
      if (r !== undefined && (best === null || r < rank.get(best)!)) best = tag;
    }
    return best;
  };
  const sizes = new Map<string, number>();
  let other = 0;
  for (const note of list) {
    const key = keyOf(note);
    if (key === null) other++;
    else bump(sizes, key);
  }
  const groups = ranked.map(([key]) => ({
    key,
    label: by === 'folder' ? key || '(top level)' : `#${key}`,
    color: colour.get(key)!,
    count: sizes.get(key) ?? 0,
  }));
  return {
    groups: groups.filter((g) => g.count > 0),
    other,
    colorOf: (node) => {
      const key = keyOf(node);
      return key === null ? null : colour.get(key)!;
    },
  };
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
