/**
 * The library's view of one media root: the files whose names it understands, the ids inside
 * `.info.json` sidecars whose names carry none (read once, kept by mtime and size), and the sizes
 * and mtimes it has needed so far. It holds names only; `RootFiles` never lists a folder itself:
 * the vault's index or the root's own scan and watcher feed it.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readInfoJson } from './info-json';
import { idFromName, parseMediaName, type ParsedName } from './names';

export interface FileStat {
  bytes: number;
  mtimeMs: number;
}

/** What a sidecar's id was read as, with the file state it was read at. */
export interface KnownInfoId extends FileStat {
  id: string | null;
}

const NO_IDS: ReadonlySet<string> = new Set();

export class RootFiles {
  readonly files = new Map<string, ParsedName>();
  /** `.info.json` files whose names carry no id → the id inside (null when unreadable). */
  readonly infoIds = new Map<string, KnownInfoId>();
  private readonly stats = new Map<string, FileStat>();
  /** Ids read before (from the cache), reused while the file's mtime and size match. */
  private readonly remembered: Map<string, KnownInfoId>;
  version = 0;

  constructor(
    readonly id: number,
    /** Real absolute path: every file here lies inside it (the scan follows symlinks only inside). */
    readonly abs: string,
    remembered: Map<string, KnownInfoId> = new Map(),
  ) {
    this.remembered = remembered;
  }

  absOf(rel: string): string {
    return join(this.abs, ...rel.split('/'));
  }

  /** Adds or refreshes a file; resolves true when it is one the library cares about. */
  async upsert(rel: string): Promise<boolean> {
    const parsed = parseMediaName(rel.slice(rel.lastIndexOf('/') + 1));
    this.stats.delete(rel);
    if (!parsed) return this.remove(rel);
    this.files.set(rel, parsed);
    this.version++;
    if (parsed.kind === 'info' && idFromName(parsed, NO_IDS) === null) await this.readInfoId(rel);
    else if (parsed.kind === 'caption') await this.stat(rel);
    return true;
  }

  /** Adds many files at once, reading at most `parallel` sidecars at a time. */
  async upsertAll(rels: Iterable<string>, parallel = 16): Promise<void> {
    const slow: string[] = [];
    for (const rel of rels) {
      const parsed = parseMediaName(rel.slice(rel.lastIndexOf('/') + 1));
      if (!parsed) continue;
      this.files.set(rel, parsed);
      if ((parsed.kind === 'info' && idFromName(parsed, NO_IDS) === null) || parsed.kind === 'caption') slow.push(rel);
    }
    this.version++;
    let next = 0;
    const worker = async () => {
      while (next < slow.length) {
        const rel = slow[next++]!;
        if (this.files.get(rel)?.kind === 'info') await this.readInfoId(rel);
        else await this.stat(rel);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, slow.length) }, worker));
    this.version++;
  }

  remove(rel: string): boolean {
    this.stats.delete(rel);
    this.infoIds.delete(rel);
    if (!this.files.delete(rel)) return false;
    this.version++;
    return true;
  }

  /** Forgets everything under a folder that went away; true when something was known there. */
  removeDir(rel: string): boolean {
    const prefix = `${rel}/`;
    let any = false;
    for (const path of [...this.files.keys()]) if (path.startsWith(prefix)) any = this.remove(path) || any;
    return any;
  }

  clear(): void {
    this.files.clear();
    this.infoIds.clear();
    this.stats.clear();
    this.version++;
  }

  /** The file's size and mtime (cached until it changes); null when it is gone or not a regular file. */
  async stat(rel: string): Promise<FileStat | null> {
    const known = this.stats.get(rel);
    if (known) return known;
    const info = await stat(this.absOf(rel)).catch(() => null);
    if (!info?.isFile()) return null;
    const fresh = { bytes: info.size, mtimeMs: info.mtimeMs };
    this.stats.set(rel, fresh);
    return fresh;
  }

  /** A stat taken earlier, without touching the disk. */
  knownStat(rel: string): FileStat | undefined {
    return this.stats.get(rel);
  }

  private async readInfoId(rel: string): Promise<void> {
    const now = await this.stat(rel);
    if (!now) return;
    const before = this.remembered.get(rel) ?? this.infoIds.get(rel);
    if (before && before.mtimeMs === now.mtimeMs && before.bytes === now.bytes) {
      this.infoIds.set(rel, before);
      return;
    }
    const read = await readInfoJson(this.absOf(rel), rel);
    this.infoIds.set(rel, { ...now, id: read.ok ? read.info.id : null });
    this.version++;
  }
}
