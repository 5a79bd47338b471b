/**
 * The warm-start snapshot: every note's record with the mtime, ctime and size it was read at. A
 * reopened vault shows this at once, then re-reads only files whose mtime, ctime or size differ. Versioned and
 * checksummed (see `snapshot-codec.ts`): a snapshot from another format, another parser or another
 * vault, or one torn or altered, is ignored, never trusted.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LoadedNote } from './load-note';
import type { VaultPath } from './model';
import { readRegularFile } from './regular-file';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec';

/** Bump when NoteRecord or the extractor's output changes meaning. */
export const CACHE_VERSION = 5;

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
  let bytes: Buffer;
  try {
    // Only a regular file: a FIFO left in the cache folder must not hang the open.
    bytes = await readRegularFile(file);
  } catch {
    return null;
  }
  try {
    const decoded = decodeSnapshot(bytes, CACHE_VERSION, root);
    if (!decoded) return null;
    const notes = new Map<VaultPath, LoadedNote>();
    for (const note of decoded) notes.set(note.record.path, note);
    return notes;
  } catch {
    return null; // a torn or altered file: rebuild
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves a torn snapshot. */
export async function writeSnapshot(file: string, root: string, notes: Iterable<LoadedNote>): Promise<void> {
  const bytes = encodeSnapshot(CACHE_VERSION, root, notes);
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}
