/**
 * What the search worker does, as a plain class: open the vault's search index (from its cache,
 * reconciled with the disk by mtime and size, or by a cold build that reads and extracts every
 * note), keep it current from vault deltas, answer queries, and save the cache after a build and
 * a while after updates. I/O lives here; `SearchEngine` stays a function of strings.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseNoteSource } from '../load-note';
import type { VaultPath } from '../model';
import { decodeNote, readNoteFile } from '../read-note';
import { readRegularFileSync } from '../regular-file';
import { ColumnBuilder } from './build-columns';
import { SearchEngine } from './engine';
import type { EngineHits } from './hits';
import type { NameEntry } from './name-match';
import { readCache, writeCache, type FileStat } from './search-cache';
import { firstMatchGroups, type GroupMatches } from './query-groups';
import { searchDocFrom, type SearchDoc } from './search-doc';

export type HostEvent =
  | { type: 'names'; entries: NameEntry[] }
  | { type: 'progress'; done: number; total: number }
  | { type: 'ready'; notes: number; ms: number; from: 'cache' | 'build' }
  | { type: 'saved'; bytes: number; ms: number }
  | { type: 'problem'; message: string };

/** Reads in flight while building: the measured sweet spot for `readFile` on this class of machine. */
const IN_FLIGHT = 64;
const NAMES_CHUNK = 500;
/** Past this many changed files a reopened vault is searchable first and caught up after. */
const RECONCILE_BEFORE_READY = 1000;

export interface HostOptions {
  root: string;
  cacheFile: string | null;
  /** How long after the last update the cache is saved. */
  saveDelayMs?: number;
  emit: (event: HostEvent) => void;
}

export class SearchHost {
  private engine: SearchEngine | null = null;
  private readonly stats = new Map<string, FileStat>();
  private queued: Array<{ upserted: VaultPath[]; removed: VaultPath[] }> = [];
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: HostOptions) {}

  get isReady(): boolean {
    return this.engine !== null;
  }

  start(paths: readonly VaultPath[]): Promise<void> {
    // Everything that touches the engine or the cache file runs on one chain, so closing waits for
    // a save in flight instead of cutting its write short.
    this.chain = this.open(paths);
    return this.chain;
  }

  private async open(paths: readonly VaultPath[]): Promise<void> {
    const started = performance.now();
    const fromCache = this.options.cacheFile ? await this.openCache(paths) : false;
    if (!fromCache) {
      this.engine = await this.build(paths);
      this.options.emit({ type: 'ready', notes: this.engine.size, ms: performance.now() - started, from: 'build' });
      this.dirty = true;
      await this.save();
    }
    // Updates that came in while opening, in order.
    while (this.queued.length) {
      const u = this.queued.shift()!;
      await this.apply(u.upserted, u.removed);
    }
  }

  update(upserted: VaultPath[], removed: VaultPath[]): Promise<void> {
    if (!this.engine) {
      this.queued.push({ upserted, removed });
      return Promise.resolve();
    }
    // Serialised, so a slow read cannot land after a later update of the same note.
    this.chain = this.chain.then(() => this.apply(upserted, removed));
    return this.chain;
  }

  search(query: string, limit: number): EngineHits {
    if (!this.engine) return { hits: [], ms: 0, indexing: true, error: null, total: 0 };
    return this.engine.search(query, { limit });
  }

  /** The first group each note matches (see `query-groups.ts`); null until the index is open. */
  matchGroups(queries: readonly string[]): GroupMatches | null {
    const engine = this.engine;
    if (!engine) return null;
    return firstMatchGroups(queries, (query) => engine.matchAll(query));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    await this.chain.catch(() => {});
    if (this.dirty) await this.save();
  }

  private readSource = (path: VaultPath): string | null => {
    try {
      return decodeNote(readRegularFileSync(join(this.options.root, path))).source;
    } catch {
      return null;
    }
  };

  private async openCache(paths: readonly VaultPath[]): Promise<boolean> {
    const started = performance.now();
    const cache = await readCache(this.options.cacheFile!, this.options.root);
    if (!cache) return false;
    let engine: SearchEngine;
    try {
      engine = SearchEngine.deserialize(cache.engine, { readSource: this.readSource });
    } catch (err) {
      this.options.emit({ type: 'problem', message: `The search cache could not be read, rebuilding: ${String((err as Error).message ?? err)}` });
      return false;
    }
    for (const [p, s] of cache.stats) this.stats.set(p, s);
    const wanted = new Set<string>(paths);
    const gone = engine.paths().filter((p) => !wanted.has(p));
    engine.remove(gone);
    for (const p of gone) this.stats.delete(p);
    this.options.emit({ type: 'names', entries: engine.paths().map((p) => this.nameOf(engine, p)) });

    const changed: VaultPath[] = [];
    await eachLimited(paths, IN_FLIGHT, async (p) => {
      const known = this.stats.get(p);
      if (!known || !engine.has(p)) return void changed.push(p);
      try {
        const s = await stat(join(this.options.root, p));
        if (s.mtimeMs !== known.mtimeMs || s.size !== known.size) changed.push(p);
      } catch {
        changed.push(p); // vanished since the listing: reading it turns it into a removal
      }
    });
    this.dirty = gone.length > 0 || changed.length > 0;
    if (changed.length <= RECONCILE_BEFORE_READY) {
      await this.readInto(engine, changed);
      this.engine = engine;
      this.options.emit({ type: 'ready', notes: engine.size, ms: performance.now() - started, from: 'cache' });
    } else {
      this.engine = engine;
      this.options.emit({ type: 'ready', notes: engine.size, ms: performance.now() - started, from: 'cache' });
      await this.readInto(engine, changed);
    }
    if (this.dirty) this.scheduleSave();
    return true;
  }

  private async build(paths: readonly VaultPath[]): Promise<SearchEngine> {
    const builder = new ColumnBuilder();
    let names: NameEntry[] = [];
    let done = 0;
    await eachLimited(paths, IN_FLIGHT, async (p) => {
      const doc = await this.load(p);
      done++;
      if (doc) {
        builder.add(doc);
        names.push({ path: doc.path, title: doc.title, aliases: doc.aliases });
      }
      if (names.length >= NAMES_CHUNK || done === paths.length) {
        this.options.emit({ type: 'names', entries: names });
        this.options.emit({ type: 'progress', done, total: paths.length });
        names = [];
      }
    });
    return SearchEngine.fromBuilder(builder, { readSource: this.readSource });
  }

  /** One note from disk to a search document; null when it is gone. */
  private async load(path: VaultPath): Promise<SearchDoc | null> {
    const read = await readNoteFile(join(this.options.root, path));
    if (!read.exists) {
      this.stats.delete(path);
      return null;
    }
    this.stats.set(path, { mtimeMs: read.mtimeMs, size: read.size });
    return searchDocFrom(parseNoteSource(path, read.source, read.problems), read.source);
  }

  private async readInto(engine: SearchEngine, paths: readonly VaultPath[]): Promise<void> {
    const docs: SearchDoc[] = [];
    const gone: VaultPath[] = [];
    await eachLimited(paths, IN_FLIGHT, async (p) => {
      const doc = await this.load(p);
      if (doc) docs.push(doc);
      else gone.push(p);
    });
    engine.upsert(docs);
    engine.remove(gone);
    if (docs.length || gone.length) this.options.emit({ type: 'names', entries: docs.map((d) => ({ path: d.path, title: d.title, aliases: d.aliases })) });
  }

  private async apply(upserted: VaultPath[], removed: VaultPath[]): Promise<void> {
    const engine = this.engine!;
    engine.remove(removed);
    for (const p of removed) this.stats.delete(p);
    await this.readInto(engine, upserted);
    this.dirty = true;
    this.scheduleSave();
  }

  private nameOf(engine: SearchEngine, path: VaultPath): NameEntry {
    return engine.nameOf(path) ?? { path, title: path, aliases: [] };
  }

  private scheduleSave(): void {
    if (!this.options.cacheFile || this.closed) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.chain = this.chain.then(() => this.save());
    }, this.options.saveDelayMs ?? 3000);
    this.saveTimer.unref?.();
  }

  private async save(): Promise<void> {
    if (!this.options.cacheFile || !this.engine || !this.dirty) return;
    const started = performance.now();
    this.dirty = false;
    try {
      const live = new Set<string>(this.engine.paths());
      const stats = new Map([...this.stats].filter(([p]) => live.has(p)));
      const bytes = await writeCache(this.options.cacheFile, { root: this.options.root, engine: this.engine.serialize(), stats });
      this.options.emit({ type: 'saved', bytes, ms: performance.now() - started });
    } catch (err) {
      this.dirty = true;
      this.options.emit({ type: 'problem', message: `The search cache could not be saved: ${String((err as Error).message ?? err)}` });
    }
  }
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
