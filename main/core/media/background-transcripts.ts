/**
 * The transcript index on a worker, fed by a `CaptionSource`: the first load starts when the
 * caller says (the service waits for note search, so transcripts never slow a vault's open), and
 * every later change to the caption files is a sync that re-reads only what changed. Queries
 * asked before the first load has finished find nothing (search) or wait for it (a window).
 */
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../spawn-worker';
import type { CaptionSource } from './model';
import type { TranscriptWindow, WindowRequest } from './transcript-index';
import type { TranscriptMatch } from './transcript-search';
import type { TranscriptEvent, TranscriptRequest } from './transcript-worker';

export interface BackgroundTranscriptsOptions {
  /** After the first load, and after each later sync that changed something. */
  onLoaded?: (status: { videos: number; cues: number; ms: number; first: boolean }) => void;
  onProblem?: (message: string) => void;
  /** How long caption changes are gathered before a sync (default 100 ms). */
  settleMs?: number;
}

type Pending = { resolve: (value: never) => void; fallback: unknown };

export class BackgroundTranscripts {
  private worker: Worker | null = null;
  private loaded = false;
  private readonly loadWaiters: Array<() => void> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private unsubscribe: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(private readonly options: BackgroundTranscriptsOptions = {}) {}

  get isLoaded(): boolean {
    return this.loaded;
  }

  start(source: CaptionSource): void {
    if (this.worker || this.closed) return;
    const worker = spawnWorker(import.meta.url, 'transcript-worker', null);
    this.worker = worker;
    worker.on('message', (event: TranscriptEvent) => this.onEvent(event));
    worker.on('error', (err) => this.fail(`Transcripts stopped: ${err.message}`));
    worker.on('exit', (code) => {
      if (code !== 0 && !this.closed) this.fail(`Transcripts stopped (worker exit ${code}).`);
    });
    this.unsubscribe = source.onCaptionsChanged(() => this.schedule(source));
    this.post({ type: 'sync', files: source.captionFiles() });
  }

  /** Resolves once the first load has finished (at once if it has). */
  whenLoaded(): Promise<void> {
    if (this.loaded || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.loadWaiters.push(resolve));
  }

  /** Matches for `query`, or null while transcripts are not loaded yet. */
  search(query: string, limit: number): Promise<TranscriptMatch[] | null> {
    if (!this.loaded || !this.worker) return Promise.resolve(null);
    return this.ask<TranscriptMatch[] | null>((id) => ({ type: 'search', id, query, limit }), null);
  }

  async window(request: WindowRequest): Promise<TranscriptWindow> {
    const empty: TranscriptWindow = { videoId: request.videoId, lang: null, langs: [], cues: [], problem: null };
    if (!this.worker) return empty;
    await this.whenLoaded();
    return this.ask<TranscriptWindow>((id) => ({ type: 'window', id, request }), empty);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    for (const [, p] of this.pending) p.resolve(p.fallback as never);
    this.pending.clear();
    for (const wake of this.loadWaiters.splice(0)) wake();
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private schedule(source: CaptionSource): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.post({ type: 'sync', files: source.captionFiles() });
    }, this.options.settleMs ?? 100);
    this.timer.unref?.();
  }

  private ask<T>(request: (id: number) => TranscriptRequest, fallback: T): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, fallback });
      this.post(request(id));
    });
  }

  private post(request: TranscriptRequest): void {
    if (!this.closed) this.worker?.postMessage(request);
  }

  private settle(id: number, value: unknown): void {
    const p = this.pending.get(id);
    this.pending.delete(id);
    p?.resolve(value as never);
  }

  private onEvent(event: TranscriptEvent): void {
    switch (event.type) {
      case 'synced': {
        const first = !this.loaded;
        this.loaded = true;
        for (const wake of this.loadWaiters.splice(0)) wake();
        if (first || event.read > 0 || event.removed > 0) this.options.onLoaded?.({ videos: event.videos, cues: event.cues, ms: event.ms, first });
        break;
      }
      case 'matches':
        this.settle(event.id, event.matches);
        break;
      case 'window':
        this.settle(event.id, event.window);
        break;
      case 'failed':
        this.options.onProblem?.(event.message);
        if (event.id !== null) this.settle(event.id, this.pending.get(event.id)?.fallback);
        break;
      case 'closed':
        break;
    }
  }

  private fail(message: string): void {
    this.options.onProblem?.(message);
    for (const [, p] of this.pending) p.resolve(p.fallback as never);
    this.pending.clear();
    for (const wake of this.loadWaiters.splice(0)) wake();
  }
}
