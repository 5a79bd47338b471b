/**
 * Lookup tables for link resolution: every vault file by path, by file name, by alias and by slug.
 * Kept separate from resolution (Foam's lesson): the tables are updated per batch, and resolving a
 * link is a pure function of them.
 */
import type { VaultPath } from './model';
import { basename, isMarkdownPath, noteName } from './paths';
import { nameKey, slugKey } from './syntax/keys';

export interface NamedFile {
  path: VaultPath;
  /** Null for files that are not notes (images, media, PDFs). */
  title: string | null;
  aliases: readonly string[];
}

/** The keys a file can be found by; also what a link depends on, so the index knows what to re-resolve. */
export function keysProvided(file: NamedFile): string[] {
  const keys = new Set<string>([`n:${nameKey(fileLookupName(file.path))}`]);
  if (isMarkdownPath(file.path)) {
    keys.add(`s:${slugKey(noteName(file.path))}`);
    if (file.title) keys.add(`s:${slugKey(file.title)}`);
    for (const alias of file.aliases) keys.add(`a:${nameKey(alias)}`);
  }
  return [...keys];
}

/** The name a target's last segment is compared with: notes without `.md`, other files with their extension. */
export function fileLookupName(path: string): string {
  return isMarkdownPath(path) ? noteName(path) : basename(path);
}

export class NameIndex {
  private readonly byPath = new Map<string, VaultPath>();
  /**
   * Keys that more than one file has (`Hub.md` and `hub.md` side by side on a case-sensitive disk):
   * all of them, so that the answer is the same whatever order they came in and one can take over
   * when the other goes.
   */
  private readonly sharedPaths = new Map<string, Set<VaultPath>>();
  private readonly byName = new Map<string, Set<VaultPath>>();
  private readonly byAlias = new Map<string, Set<VaultPath>>();
  private readonly bySlug = new Map<string, Set<VaultPath>>();
  private readonly files = new Map<VaultPath, NamedFile>();

  has(path: VaultPath): boolean {
    return this.files.has(path);
  }

  get(path: VaultPath): NamedFile | undefined {
    return this.files.get(path);
  }

  set(file: NamedFile): void {
    this.delete(file.path);
    this.files.set(file.path, file);
    const pathKey = nameKey(file.path);
    this.addPath(pathKey, file.path);
    if (isMarkdownPath(file.path)) this.addPath(pathKey.slice(0, -3), file.path);
    addTo(this.byName, nameKey(fileLookupName(file.path)), file.path);
    if (isMarkdownPath(file.path)) {
      for (const alias of file.aliases) addTo(this.byAlias, nameKey(alias), file.path);
      addTo(this.bySlug, slugKey(noteName(file.path)), file.path);
      if (file.title) addTo(this.bySlug, slugKey(file.title), file.path);
    }
  }

  delete(path: VaultPath): void {
    const file = this.files.get(path);
    if (!file) return;
    this.files.delete(path);
    const pathKey = nameKey(path);
    this.deletePath(pathKey, path);
    if (isMarkdownPath(path)) this.deletePath(pathKey.slice(0, -3), path);
    removeFrom(this.byName, nameKey(fileLookupName(path)), path);
    for (const alias of file.aliases) removeFrom(this.byAlias, nameKey(alias), path);
    removeFrom(this.bySlug, slugKey(noteName(path)), path);
    if (file.title) removeFrom(this.bySlug, slugKey(file.title), path);
  }

  private addPath(key: string, path: VaultPath): void {
    const held = this.byPath.get(key);
    if (held === undefined || held === path) {
      this.byPath.set(key, path);
      return;
    }
    let all = this.sharedPaths.get(key);
    if (!all) this.sharedPaths.set(key, (all = new Set([held])));
    all.add(path);
    this.byPath.set(key, first(all));
  }

  private deletePath(key: string, path: VaultPath): void {
    const all = this.sharedPaths.get(key);
    if (all?.delete(path)) {
      this.byPath.set(key, first(all));
      if (all.size === 1) this.sharedPaths.delete(key);
    } else if (this.byPath.get(key) === path) this.byPath.delete(key);
  }

  /** Exact vault path, case-insensitive, `.md` optional for notes; of files differing only in case, the first in code-unit order. */
  byExactPath(key: string): VaultPath | undefined {
    return this.byPath.get(key);
  }

  withName(key: string): ReadonlySet<VaultPath> {
    return this.byName.get(key) ?? EMPTY;
  }

  withAlias(key: string): ReadonlySet<VaultPath> {
    return this.byAlias.get(key) ?? EMPTY;
  }

  withSlug(key: string): ReadonlySet<VaultPath> {
    return this.bySlug.get(key) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<VaultPath> = new Set();

function first(paths: ReadonlySet<VaultPath>): VaultPath {
  let min: VaultPath | undefined;
  for (const p of paths) if (min === undefined || p < min) min = p;
  return min!;
}

function addTo(map: Map<string, Set<VaultPath>>, key: string, path: VaultPath): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(path);
}

function removeFrom(map: Map<string, Set<VaultPath>>, key: string, path: VaultPath): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(path);
  if (set.size === 0) map.delete(key);
}
