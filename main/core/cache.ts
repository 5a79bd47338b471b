/**
 * The warm-start snapshot: every note's record with the mtime and size it was read at. A reopened
 * vault shows this at once, then re-reads only files whose mtime or size differ. Versioned: a
 * snapshot from another format (or another parser) is ignored, never trusted.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LoadedNote } from './load-note';
import type { VaultPath } from './model';
import { packNotes, unpackNotes, type PackedNote } from './note-codec';
import { readRegularFile } from './regular-file';

/** Bump when NoteRecord or the extractor's output changes meaning. */
export const CACHE_VERSION = 3;

interface Snapshot {
  version: number;
  root: string;
  notes: (PackedNote | null)[];
}

/** Where Cairn keeps per-vault caches when the host names no folder. */
export function defaultCacheDir(): string {
  return process.env.CAIRN_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'cairn');
}

/** One file per vault (and per purpose), named by a hash of the vault's real path. */
export function vaultCacheFile(cacheDir: string, root: string, purpose: string): string {
  const id = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return join(cacheDir, `${id}.${purpose}`);
}

export async function readSnapshot(file: string, root: string): Promise<Map<VaultPath, LoadedNote> | null> {
  let text: string;
  try {
    // Only a regular file: a FIFO left in the cache folder must not hang the open.
    text = (await readRegularFile(file)).toString('utf8');
  } catch {
    return null;
  }
  try {
    const snapshot = JSON.parse(text) as Snapshot;
    if (snapshot.version !== CACHE_VERSION || snapshot.root !== root || !Array.isArray(snapshot.notes)) return null;
    const notes = new Map<VaultPath, LoadedNote>();
    for (const note of unpackNotes(snapshot.notes)) if (note) notes.set(note.record.path, note);
    return notes;
  } catch {
    return null; // a torn or foreign file: rebuild
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves a torn snapshot. */
export async function writeSnapshot(file: string, root: string, notes: Iterable<LoadedNote>): Promise<void> {
  const snapshot: Snapshot = { version: CACHE_VERSION, root, notes: packNotes([...notes]) };
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(snapshot));
  await rename(tmp, file);
}
