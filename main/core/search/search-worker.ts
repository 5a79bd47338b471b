/**
 * The search worker: owns a `SearchHost` (and so the engine) off the main thread, so opening a
 * vault, reading the reader and drawing the graph never wait on full-text indexing.
 */
import { parentPort } from 'node:worker_threads';
import type { VaultPath } from '../model';
import type { EngineHits } from './hits';
import type { GroupMatches } from './query-groups';
import { SearchHost, type HostEvent } from './search-host';

export type WorkerRequest =
  | { type: 'start'; root: string; paths: VaultPath[]; cacheFile: string | null; saveDelayMs?: number }
  | { type: 'update'; upserted: VaultPath[]; removed: VaultPath[] }
  | { type: 'search'; id: number; query: string; limit: number }
  | { type: 'match'; id: number; queries: string[] }
  | { type: 'close' };

export type WorkerEvent =
  | HostEvent
  | { type: 'result'; id: number; hits: EngineHits }
  | { type: 'matched'; id: number; matches: GroupMatches | null; error: string | null } | { type: 'failed'; message: string } | { type: 'closed' };

const port = parentPort;
if (!port) throw new Error('search-worker runs as a worker thread');
const post = (event: WorkerEvent) => port.postMessage(event);
let host: SearchHost | null = null;

port.on('message', (request: WorkerRequest) => {
  switch (request.type) {
    case 'start':
      host = new SearchHost({ root: request.root, cacheFile: request.cacheFile, saveDelayMs: request.saveDelayMs, emit: post });
      host.start(request.paths).catch((err: unknown) => post({ type: 'failed', message: String((err as Error)?.stack ?? err) }));
      break;
    case 'update':
      host?.update(request.upserted, request.removed).catch((err: unknown) => post({ type: 'problem', message: `Search could not apply a change: ${String((err as Error)?.message ?? err)}` }));
      break;
    case 'search': {
      let hits: EngineHits;
      try {
        hits = host ? host.search(request.query, request.limit) : { hits: [], ms: 0, indexing: true, error: null, total: 0 };
      } catch (err) {
        hits = { hits: [], ms: 0, indexing: false, error: `Search failed: ${String((err as Error)?.message ?? err)}`, total: 0 };
      }
      post({ type: 'result', id: request.id, hits });
      break;
    }
    case 'match': {
      try {
        post({ type: 'matched', id: request.id, matches: host ? host.matchGroups(request.queries) : null, error: null });
      } catch (err) {
        post({ type: 'matched', id: request.id, matches: null, error: `Search failed: ${String((err as Error)?.message ?? err)}` });
      }
      break;
    }
    case 'close':
      void (host?.close() ?? Promise.resolve()).finally(() => post({ type: 'closed' }));
      break;
  }
});
