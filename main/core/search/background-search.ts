/**
 * Full-text search for an open vault, built on a worker thread. Until the worker has its index
 * (a cold build of 10k notes takes seconds), titles and aliases answer, marked `indexing: true`:
 * first from file names, then from the names the worker sends as it reads the notes.
 */
import { performance } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import type { VaultPath } from '../model';
import { noteName } from '../paths';
import { spawnWorker } from '../spawn-worker';
import type { EngineHits } from './hits';
import { NameMatcher } from './name-match';
import { parseQuery } from './query';
import type { GroupMatches } from './query-groups';
import type { HostEvent } from './search-host';
import type { WorkerEvent, WorkerRequest } from './search-worker';

export interface BackgroundSearchOptions {
  /** How long after the last update the cache is saved (default 3 s). */
  saveDelayMs?: number;
  /** Problems worth telling the user about (a cache that could not be saved, ...). */
  onProblem?: (message: string) => void;
  /** Build progress, readiness (with where the index came from and how long the worker took) and cache saves. */
  onStatus?: (event: Extract<HostEvent, { type: 'progress' | 'ready' | 'saved' }>) => void;
}

export class BackgroundSearch {
  private worker: Worker | null = null;
  private ready = false;
  private failed: string | null = null;
  private readonly names = new NameMatcher();
  private readonly waiting = new Map<number, (hits: EngineHits) => void>();
  private readonly matching = new Map<number, (matches: GroupMatches | null) => void>();
  private readonly readyListeners: Array<() => void> = [];
  private nextId = 1;
  private closing: Promise<void> | null = null;

  constructor(private readonly options: BackgroundSearchOptions = {}) {}

  get isReady(): boolean {
    return this.ready;
  }

  start(root: string, paths: VaultPath[], cacheFile: string | null): void {
    if (this.worker) throw new Error('BackgroundSearch.start called twice');
    for (const path of paths) this.names.set({ path, title: noteName(path), aliases: [] });
    // From sources (tsx) or as the build's sibling bundle out/main/search-worker.js.
    const worker = spawnWorker(import.meta.url, 'search-worker', null);
    this.worker = worker;
    worker.on('message', (event: WorkerEvent) => this.onEvent(event));
    worker.on('error', (err) => this.fail(`Full-text search stopped: ${err.message}`));
    worker.on('exit', (code) => {
      if (code !== 0 && !this.closing) this.fail(`Full-text search stopped (worker exit ${code}).`);
    });
    this.post({ type: 'start', root, paths, cacheFile, saveDelayMs: this.options.saveDelayMs });
  }

  update(upserted: VaultPath[], removed: VaultPath[]): void {
    if (!upserted.length && !removed.length) return;
    if (!this.ready) {
      for (const path of removed) this.names.delete(path);
      for (const path of upserted) if (!this.names.get(path)) this.names.set({ path, title: noteName(path), aliases: [] });
    }
    this.post({ type: 'update', upserted, removed });
  }

  search(query: string, limit: number): Promise<EngineHits> {
    if (!this.ready || !this.worker) return Promise.resolve(this.byName(query, limit));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post({ type: 'search', id, query, limit });
    });
  }

  /** The first group each note matches; null until the index is built (names alone cannot answer it). */
  matchGroups(queries: string[]): Promise<GroupMatches | null> {
    if (!this.ready || !this.worker) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.matching.set(id, resolve);
      this.post({ type: 'match', id, queries });
    });
  }

  /** Calls `cb` once full-text search is ready (at once if it already is). */
  onReady(cb: () => void): void {
    if (this.ready) queueMicrotask(cb);
    else this.readyListeners.push(cb);
  }

  /** Saves the cache if it changed, then stops the worker. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    this.closing = new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        void worker.terminate().then(() => resolve());
      };
      // A save of a huge index can take a while; a stuck worker must not hold the app open.
      const timer = setTimeout(finish, 15_000);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.on('message', (event: WorkerEvent) => {
        if (event.type === 'closed') finish();
      });
      worker.postMessage({ type: 'close' } satisfies WorkerRequest);
    });
    for (const [, resolve] of this.waiting) resolve({ hits: [], ms: 0, indexing: false, error: 'The vault was closed.', total: 0 });
    this.waiting.clear();
    for (const [, resolve] of this.matching) resolve(null);
    this.matching.clear();
    return this.closing;
  }

  private post(request: WorkerRequest): void {
    if (!this.closing) this.worker?.postMessage(request);
  }

  private onEvent(event: WorkerEvent): void {
    switch (event.type) {
      case 'names':
        for (const entry of event.entries) this.names.set(entry);
        break;
      case 'ready':
        this.options.onStatus?.(event);
        if (this.ready) break;
        this.ready = true;
        for (const cb of this.readyListeners.splice(0)) cb();
        break;
      case 'result': {
        const resolve = this.waiting.get(event.id);
        this.waiting.delete(event.id);
        resolve?.(event.hits);
        break;
      }
      case 'matched': {
        const resolve = this.matching.get(event.id);
        this.matching.delete(event.id);
        if (event.error) this.options.onProblem?.(event.error);
        resolve?.(event.matches);
        break;
      }
      case 'problem':
        this.options.onProblem?.(event.message);
        break;
      case 'failed':
        this.fail(`Full-text search failed: ${event.message.split('\n')[0]}`);
        break;
      case 'progress':
      case 'saved':
        this.options.onStatus?.(event);
        break;
      case 'closed':
        break;
    }
  }

  private fail(message: string): void {
    this.failed = message;
    this.ready = false;
    this.options.onProblem?.(message);
    for (const [, resolve] of this.waiting) resolve({ ...this.byName('', 1), error: message });
    this.waiting.clear();
    for (const [, resolve] of this.matching) resolve(null);
    this.matching.clear();
  }

  /** Titles and aliases only, while the index is being built (or if building failed). */
  private byName(query: string, limit: number): EngineHits {
    const started = performance.now();
    const parsed = parseQuery(query);
    if (!parsed.ok) return { hits: [], ms: performance.now() - started, indexing: true, error: parsed.error, total: 0 };
    const words: string[] = [];
    for (const clause of parsed.query.clauses) {
      for (const alt of clause.alternatives) if (alt.kind !== 'filter') words.push(alt.text);
    }
    const text = words.join(' ');
    const matches = text ? this.names.match(text, [], limit) : [];
    return {
      hits: matches.map((m) => ({
        path: m.path as VaultPath,
        title: m.title,
        score: Math.round(m.score) / 100,
        snippet: m.kind === 'alias' ? m.name : '',
        line: null,
        terms: words.map((w) => w.toLowerCase()),
        snippets: [],
        matches: 0,
      })),
      ms: performance.now() - started,
      indexing: !this.failed,
      error: this.failed,
      total: matches.length,
    };
  }
}
