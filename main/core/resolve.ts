/**
 * Link resolution, Obsidian's rules first (path, then file name preferring the linking note's
 * folder, then the shortest path), then aliases, then ours: a slug match (case, spaces, `_`, `-`
 * and punctuation ignored), recorded as such so the UI can show it differently.
 */
import type { LinkRef, ResolvedVia, VaultPath } from './model';
import type { NameIndex } from './name-index';
import { dirname, isMarkdownPath, joinRelative } from './paths';
import { nameKey, slugKey } from './syntax/keys';

// The subpath lookup lives with the syntax helpers so the renderer can share it (its tsconfig sees those).
export { findHeading, findSubpath, subpathExists, type SubpathMatch } from './syntax/subpath';

export interface Resolution {
  path: VaultPath;
  via: ResolvedVia;
}

/** The keys a link's resolution depends on (see `keysProvided`): when a file providing one changes, the link is resolved again. */
export function keysNeeded(link: Pick<LinkRef, 'target'>): string[] {
  const target = link.target.trim();
  if (!target) return [];
  const last = lastSegment(stripMd(target));
  const keys = [`n:${nameKey(lastSegment(target))}`, `n:${nameKey(last)}`, `a:${nameKey(target)}`, `s:${slugKey(last)}`];
  // A relative path ending in no name (`..`, `x/.`, `dir/`) or written with a backslash is found through the
  // linking note's folder, by a name that is not in it: any change of names may move it. Rare.
  if (NAMELESS_END.test(stripMd(target)) || target.includes('\\')) keys.push(ANY_NAME);
  return keys;
}

/** The key of links that any change of names may move (see `keysNeeded`); the index adds it to every batch that changes a name. */
export const ANY_NAME = '*';
const NAMELESS_END = /(?:^|\/)\.{0,2}$/;

/** Filled in by `resolveTarget` for callers that cache answers: whether the linking note's folder decided it. */
export interface ResolutionInfo {
  folderMatters: boolean;
}

export function resolveTarget(link: Pick<LinkRef, 'target' | 'kind'>, from: VaultPath, names: NameIndex, info?: ResolutionInfo): Resolution | null {
  const target = link.target.normalize('NFC').trim();
  if (!target) return { path: from, via: 'path' };

  // Markdown links are relative to the linking note; so are wikilinks written `./x` or `../x`.
  if (link.kind === 'markdown' || target.startsWith('./') || target.startsWith('../')) {
    if (info) info.folderMatters = true;
    const relative = joinRelative(from, target);
    const hit = relative && names.byExactPath(nameKey(relative));
    if (hit) return { path: hit, via: 'path' };
  }

  const exact = names.byExactPath(nameKey(target.replace(/^\/+/, '')));
  if (exact) return { path: exact, via: 'path' };

  const byName = pickByName(target, from, names, info);
  if (byName) return { path: byName, via: 'name' };

  const aliased = pick([...names.withAlias(nameKey(target))], from, info);
  if (aliased) return { path: aliased, via: 'alias' };

  const slug = slugKey(lastSegment(stripMd(target)));
  const slugged = slug ? pick([...names.withSlug(slug)], from, info) : undefined;
  if (slugged) return { path: slugged, via: 'slug' };
  return null;
}

/** Files whose path ends with `/target` (with or without `.md`). */
function pickByName(target: string, from: VaultPath, names: NameIndex, info?: ResolutionInfo): VaultPath | undefined {
  const key = nameKey(target.replace(/^\/+/, ''));
  const withoutMd = stripMd(key);
  const candidates = new Set<VaultPath>([...names.withName(lastSegment(key)), ...names.withName(lastSegment(withoutMd))]);
  const matching = [...candidates].filter((path) => {
    const pathKey = nameKey(path);
    const noteKey = isMarkdownPath(path) ? pathKey.slice(0, -3) : pathKey;
    return [pathKey, noteKey].some((k) => k === key || k === withoutMd || k.endsWith(`/${key}`) || k.endsWith(`/${withoutMd}`));
  });
  return pick(matching, from, info);
}

/** Same folder as the linking note first, then the shortest path, then alphabetical. */
function pick(candidates: VaultPath[], from: VaultPath, info?: ResolutionInfo): VaultPath | undefined {
  if (candidates.length <= 1) return candidates[0];
  if (info) info.folderMatters = true;
  const folder = dirname(from);
  return [...candidates].sort((a, b) => {
    const sameA = dirname(a) === folder ? 0 : 1;
    const sameB = dirname(b) === folder ? 0 : 1;
    if (sameA !== sameB) return sameA - sameB;
    if (a.length !== b.length) return a.length - b.length;
    return a < b ? -1 : a > b ? 1 : 0;
  })[0];
}

function stripMd(s: string): string {
  return s.toLowerCase().endsWith('.md') ? s.slice(0, -3) : s;
}

function lastSegment(s: string): string {
  return s.slice(s.lastIndexOf('/') + 1);
}
