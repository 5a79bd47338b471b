/**
 * Cold open reads and extracts notes on worker threads (one per core), in chunks, reporting
 * progress as chunks come back. Small batches stay on this thread: a worker costs more to start
 * than a few hundred notes cost to parse.
 */
import { availableParallelism } from 'node:os';
import { loadNote, type LoadedNote } from './load-note';
import type { VaultPath } from './model';
import { unpackNotes } from './note-codec';
import type { ParseRequest, ParseResponse } from './parse-worker';
import { runsFromSources, spawnWorker } from './spawn-worker';

/**
 * Up to this many notes parse on this thread. A worker started from the TypeScript sources (web
 * host, CLI) first has its bundle made (~80 ms, once per process) and then starts in ~40 ms, like a
 * built one (Electron); measured on 2 cores from sources, 1k notes took 0.53–0.64 s in-process and
 * 0.56 s in workers.
 */
export const IN_PROCESS_LIMIT = runsFromSources(import.meta.url) ? 1000 : 400;
const CHUNK = 64;
/** Reads in flight on this thread: the measured sweet spot for callback `readFile` here. */
const IN_FLIGHT = 64;
/**
 * A parse worker allocates ~100 MB of short- and long-lived objects per 10k notes; a young
 * generation larger than V8's 16 MB default saves most of the scavenges that would copy them
 * (measured with the cold-open bench: about a tenth of the open time).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 64 };

export type Progress = (done: number, total: number) => void;

export async function loadNotes(root: string, paths: readonly VaultPath[], onProgress: Progress = () => {}, options: { workers?: number } = {}): Promise<Map<VaultPath, LoadedNote>> {
  const workers = options.workers ?? (paths.length <= IN_PROCESS_LIMIT ? 0 : Math.max(1, Math.min(availableParallelism(), 4)));
  return workers === 0 ? loadInProcess(root, paths, onProgress) : loadInWorkers(root, paths, workers, onProgress);
}

async function loadInProcess(root: string, paths: readonly VaultPath[], onProgress: Progress): Promise<Map<VaultPath, LoadedNote>> {
  const out = new Map<VaultPath, LoadedNote>();
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const note = await loadNote(root, path);
      if (note) out.set(path, note);
      if (++done % CHUNK === 0 || done === paths.length) onProgress(done, paths.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, paths.length) }, lane));
  return sortedByPath(out, paths);
}

async function loadInWorkers(root: string, paths: readonly VaultPath[], count: number, onProgress: Progress): Promise<Map<VaultPath, LoadedNote>> {
  const chunks: VaultPath[][] = [];
  for (let i = 0; i < paths.length; i += CHUNK) chunks.push(paths.slice(i, i + CHUNK));
  const out = new Map<VaultPath, LoadedNote>();
  let done = 0;
  let nextChunk = 0;
  const pool = Array.from({ length: Math.min(count, chunks.length) }, () => spawnWorker(import.meta.url, 'parse-worker', { root }, WORKER_LIMITS));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            // Two chunks in flight per worker keeps it busy while we take in the last answer.
            let inFlight = 0;
            const send = () => {
              while (inFlight < 2 && nextChunk < chunks.length) {
                const id = nextChunk++;
                inFlight++;
                worker.postMessage({ id, paths: chunks[id]! } satisfies ParseRequest);
              }
              if (inFlight === 0) resolve();
            };
            worker.on('message', (response: ParseResponse) => {
              inFlight--;
              for (const note of unpackNotes(response.notes)) if (note) out.set(note.record.path, note);
              done += chunks[response.id]!.length;
              onProgress(done, paths.length);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`parse worker exited with ${code}`))));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return sortedByPath(out, paths);
}

/** Results in listing order, so a build does not depend on which worker answered first. */
function sortedByPath(map: Map<VaultPath, LoadedNote>, order: readonly VaultPath[]): Map<VaultPath, LoadedNote> {
  const sorted = new Map<VaultPath, LoadedNote>();
  for (const p of order) {
    const note = map.get(p);
    if (note) sorted.set(p, note);
  }
  return sorted;
}
