/** A parse worker: reads and extracts the notes it is sent, in chunks; never resolves links (that needs the whole vault). */
import { parentPort, workerData } from 'node:worker_threads';
import { loadNote, type LoadedNote } from './load-note';
import type { VaultPath } from './model';

export interface ParseRequest {
  id: number;
  paths: VaultPath[];
}

export interface ParseResponse {
  id: number;
  /** Null for a file that vanished. */
  notes: (LoadedNote | null)[];
}

const root = (workerData as { root: string }).root;

parentPort?.on('message', async (request: ParseRequest) => {
  const notes = await Promise.all(request.paths.map((p) => loadNote(root, p)));
  parentPort?.postMessage({ id: request.id, notes } satisfies ParseResponse);
});
