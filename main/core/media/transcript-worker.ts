/**
 * The transcript worker: owns a `TranscriptIndex` off the main thread, so reading and indexing
 * thousands of caption files never delays a request, the reader or note search.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { CaptionFile } from './model';
import { TranscriptIndex, type TranscriptWindow, type WindowRequest } from './transcript-index';
import type { TranscriptMatch } from './transcript-search';

export type TranscriptRequest =
  | { type: 'sync'; files: CaptionFile[] }
  | { type: 'search'; id: number; query: string; limit: number }
  | { type: 'window'; id: number; request: WindowRequest }
  | { type: 'close' };

export type TranscriptEvent =
  | { type: 'synced'; videos: number; cues: number; read: number; removed: number; ms: number }
  | { type: 'matches'; id: number; matches: TranscriptMatch[] }
  | { type: 'window'; id: number; window: TranscriptWindow }
  | { type: 'failed'; id: number | null; message: string }
  | { type: 'closed' };

const port = parentPort;
if (!port) throw new Error('transcript-worker runs as a worker thread');
const post = (event: TranscriptEvent) => port.postMessage(event);
const index = new TranscriptIndex();

port.on('message', (request: TranscriptRequest) => {
  switch (request.type) {
    case 'sync': {
      const started = performance.now();
      index.sync(request.files).then(
        ({ read, removed }) => post({ type: 'synced', videos: index.videos, cues: index.cues, read, removed, ms: performance.now() - started }),
        (err: unknown) => post({ type: 'failed', id: null, message: `Transcripts could not be loaded: ${String((err as Error)?.message ?? err)}` }),
      );
      break;
    }
    case 'search':
      try {
        post({ type: 'matches', id: request.id, matches: index.search(request.query, request.limit) });
      } catch (err) {
        post({ type: 'failed', id: request.id, message: `Transcript search failed: ${String((err as Error)?.message ?? err)}` });
      }
      break;
    case 'window':
      try {
        post({ type: 'window', id: request.id, window: index.window(request.request) });
      } catch (err) {
        post({ type: 'failed', id: request.id, message: `The transcript could not be read: ${String((err as Error)?.message ?? err)}` });
      }
      break;
    case 'close':
      post({ type: 'closed' });
      break;
  }
});
