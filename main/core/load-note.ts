/**
 * One file on disk → one NoteRecord: read (with its problems), then the fast extractor. Used by the
 * parse workers, the watcher path and the CLI alike, so a note means the same thing everywhere.
 */
import { extractNote } from './extract';
import type { NoteRecord, VaultPath } from './model';
import { unparsedRecord } from './note-record';
import { readVaultFile, readVaultFileSync, type ReadResult } from './read-note';

export interface LoadedNote {
  record: NoteRecord;
  mtimeMs: number;
  /** The file's ctime when read: with mtime and size, what a warm open checks before trusting the snapshot. */
  ctimeMs: number;
  size: number;
}

/** Null when the file no longer exists. */
export async function loadNote(root: string, path: VaultPath): Promise<LoadedNote | null> {
  return fromRead(path, await readVaultFile(root, path));
}

/** `loadNote` with a blocking read, for parse workers. */
export function loadNoteSync(root: string, path: VaultPath): LoadedNote | null {
  return fromRead(path, readVaultFileSync(root, path));
}

function fromRead(path: VaultPath, read: ReadResult): LoadedNote | null {
  if (!read.exists) return null;
  return { record: parseNoteSource(path, read.source, read.problems), mtimeMs: read.mtimeMs, ctimeMs: read.ctimeMs, size: read.size };
}

/** The record of a note's text; a parser failure becomes a problem on a bare record, never a throw. */
export function parseNoteSource(path: VaultPath, source: string, readProblems: NoteRecord['problems'] = []): NoteRecord {
  let record: NoteRecord;
  try {
    record = extractNote(path, source);
  } catch (err) {
    record = unparsedRecord(path, err);
  }
  if (readProblems.length) record = { ...record, problems: [...readProblems, ...record.problems] };
  return record;
}
