/**
 * The service's view of full-text search: the background engine (built on a worker, cached per
 * vault) fed from vault deltas, and unlinked mentions, which are a phrase search for a note's
 * names minus the notes that already link to it.
 */
import { CONTEXTS_PER_NOTE, type BacklinkGroup, type SearchHits } from './api';
import { vaultCacheFile } from './core/cache';
import type { NoteRecord, VaultDelta, VaultPath } from './core/model';
import { BackgroundSearch } from './core/search/background-search';
import type { GroupMatches } from './core/search/query-groups';
import { isMarkdownPath } from './core/paths';
import { LineTable } from './core/line-table';
import type { VaultIndex } from './core/vault-index';

export class NoteSearch {
  private engine: BackgroundSearch | null = null;
  private readyPromise: Promise<void>;
  private markReady!: () => void;
  ready = false;

  constructor(
    private readonly cacheDir: string | null,
    private readonly onReady: () => void,
  ) {
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
  }

  start(root: string, index: VaultIndex): void {
    this.engine = new BackgroundSearch();
    this.engine.onReady(() => {
      this.ready = true;
      this.markReady();
      this.onReady();
    });
    const paths = index.notes().map((r) => r.path);
    this.engine.start(root, paths, this.cacheDir ? vaultCacheFile(this.cacheDir, root, 'search.bin') : null);
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  apply(delta: VaultDelta): void {
    this.engine?.update(delta.notesUpserted.filter(isMarkdownPath), delta.notesRemoved.filter(isMarkdownPath));
  }

  search(query: string, limit: number): Promise<SearchHits> {
    if (!this.engine) return Promise.resolve({ hits: [], ms: 0, indexing: true, error: null });
    return this.engine.search(query, limit);
  }

  /** The first query group each note matches; null while the index is being built. */
  matchGroups(queries: string[]): Promise<GroupMatches | null> {
    return this.engine ? this.engine.matchGroups(queries) : Promise.resolve(null);
  }

  /** Notes that mention `record`'s title or an alias in plain text without linking to it. */
  async unlinkedMentions(record: NoteRecord, linkers: ReadonlySet<VaultPath>, readSource: (p: VaultPath) => Promise<string>, titleOf: (p: VaultPath) => string): Promise<BacklinkGroup[]> {
    if (!this.engine || !this.ready) return [];
    const names = [record.title, ...record.aliases].filter((n) => n.trim().length >= 3);
    const candidates = new Set<VaultPath>();
    for (const name of names) {
      const result = await this.engine.search(`"${name.replace(/"/g, ' ')}"`, 50);
      for (const hit of result.hits) if (hit.path !== record.path && !linkers.has(hit.path)) candidates.add(hit.path);
    }
    const groups: BacklinkGroup[] = [];
    const patterns = names.map((n) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(n)}($|[^\\p{L}\\p{N}])`, 'iu'));
    for (const path of [...candidates].sort()) {
      const table = new LineTable(await readSource(path));
      const contexts = [];
      let more = 0;
      for (let line = 1; line <= table.lines; line++) {
        const plain = table.context(line);
        if (!patterns.some((p) => p.test(plain))) continue;
        if (contexts.length < CONTEXTS_PER_NOTE) contexts.push({ line, text: plain });
        else more++;
      }
      if (contexts.length) groups.push({ from: path, title: titleOf(path), contexts, moreContexts: more });
    }
    return groups;
  }

  async close(): Promise<void> {
    await this.engine?.close();
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
