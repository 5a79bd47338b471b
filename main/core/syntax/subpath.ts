/**
 * What a link's `#subpath` names in its target note: one function for the index, embeds, hover
 * previews and outline jumps, so they cannot disagree (RULES.md "Subpaths").
 */
import type { Block, Heading } from '../model';
import { headingKey } from './keys';

/**
 * The one lookup of a link's subpath, for the index (`subpathFound`, `subpathMisses`), embeds, hover
 * previews and outline jumps alike. `^id` names a block (ids compare case-insensitively); anything else
 * is a heading chain `A#B#C`: each part is the first heading after the previous part's whose
 * `headingKey` (Obsidian's `stripHeading`: special characters and runs of spaces shrunk, case folded)
 * equals the part's. A chain with nothing left once stripped (`#`, `?`) names no heading in particular.
 */
export type SubpathMatch = { kind: 'heading'; heading: Heading } | { kind: 'block'; block: Block } | { kind: 'none' };

export function findSubpath(
  subpath: string,
  headings: readonly Heading[],
  blocks: readonly Block[],
): SubpathMatch | null {
  if (subpath.startsWith('^')) {
    const id = subpath.slice(1).trim().toLowerCase();
    const block = blocks.find((b) => b.id.toLowerCase() === id);
    return block ? { kind: 'block', block } : null;
  }
  const chain = subpath.split('#').map(headingKey).filter(Boolean);
  if (chain.length === 0) return { kind: 'none' };
  let from = 0;
  let found: Heading | null = null;
  for (const part of chain) {
    const at = headings.findIndex((h, i) => i >= from && headingKey(h.text) === part);
    if (at < 0) return null;
    found = headings[at]!;
    from = at + 1;
  }
  return { kind: 'heading', heading: found! };
}

/** Whether `subpath` names a heading chain (`A#B`) or a `^block` of the target (see `findSubpath`). */
export function subpathExists(subpath: string, headings: readonly Heading[], blocks: readonly Block[]): boolean {
  return findSubpath(subpath, headings, blocks) !== null;
}

/** The heading a (non-block) subpath names, by `findSubpath`; null when it names none. */
export function findHeading(headings: readonly Heading[], subpath: string): Heading | null {
  const match = findSubpath(subpath, headings, []);
  return match?.kind === 'heading' ? match.heading : null;
}
