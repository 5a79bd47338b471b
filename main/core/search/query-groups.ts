/**
 * Graph groups by query, as Obsidian has them: an ordered list of search queries, each note
 * taking the first group whose query it matches. Answered here, against the search index, so a
 * group's plain words match what notes say (not only their titles) exactly as the search box does.
 */
import type { VaultPath } from '../model';

export interface GroupMatches {
  /** Each matched note once, with the index of the first group it matches in `groups`. */
  paths: VaultPath[];
  groups: number[];
  /** Per query: why it could not be understood, or null. */
  errors: (string | null)[];
}

/** `match` gives every note matching one query (see `SearchEngine.matchAll`). Empty queries match nothing. */
export function firstMatchGroups(queries: readonly string[], match: (query: string) => { paths: readonly VaultPath[]; error: string | null }): GroupMatches {
  const taken = new Map<VaultPath, number>();
  const errors: (string | null)[] = [];
  queries.forEach((query, i) => {
    if (!query.trim()) {
      errors.push(null);
      return;
    }
    const result = match(query.trim());
    errors.push(result.error);
    for (const path of result.paths) if (!taken.has(path)) taken.set(path, i);
  });
  return { paths: [...taken.keys()], groups: [...taken.values()], errors };
}
