/**
 * Reading one vault file into text, with every way that can go wrong turned into a Problem:
 * binary content, bad encodings, huge files, files that vanish between listing and reading.
 */
import { closeSync, existsSync, realpathSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Problem } from './model';
import { isNotRegularFile, openRegularFile, openRegularFileSync, readOpenFileSync } from './regular-file';
import { binaryShare, SNIFF_BYTES } from './sniff-binary';

/** Past this a note is still indexed, but search sees only its first `SEARCH_TEXT_LIMIT` characters. */
export const SEARCH_TEXT_LIMIT = 4 * 1024 * 1024;
/** Past this a file is not read at all: no real note is this large, and reading it would stall the vault. */
export const MAX_NOTE_BYTES = 64 * 1024 * 1024;

export interface ReadResult {
  /** The text, or '' when it could not be read or is binary. */
  source: string;
  mtimeMs: number;
  /** When the file itself last changed (a write, a rename, a utimes): what a sync tool that puts back an mtime cannot hide. */
  ctimeMs: number;
  size: number;
  problems: Problem[];
  /** False when the file vanished: the caller treats it as removed. */
  exists: boolean;
}

/**
 * Where a vault path lives on disk. Paths are NFC inside Cairn, but Linux keeps names as bytes, so a
 * note saved by macOS-era tools may be stored in NFD: try the path as given, then its NFD form.
 */
export async function diskPath(root: string, path: string): Promise<string> {
  const [nfc, nfd] = nameForms(root, path);
  if (nfd === nfc) return nfc;
  return access(nfc).then(
    () => nfc,
    () => access(nfd).then(() => nfd, () => nfc),
  );
}

/**
 * Reads a vault file by its vault path, confined to the vault: a symlink that leads outside it
 * reads as missing, whichever way the file arrived (scan, watcher event, API request).
 * `root` must be the vault's real path.
 */
export async function readVaultFile(root: string, path: string): Promise<ReadResult> {
  const onDisk = await diskPath(root, path);
  const real = await realpath(onDisk).catch(() => null);
  if (real === null || !isInside(root, real)) return gone();
  return readNoteFile(real);
}

/** `diskPath`'s two candidates: the path as given (NFC) and its NFD form. */
function nameForms(root: string, path: string): [nfc: string, nfd: string] {
  return [join(root, path), join(root, path.normalize('NFD'))];
}

/** What reading a file that is not there (or not in the vault) gives. */
function gone(): ReadResult {
  return { source: '', mtimeMs: 0, ctimeMs: 0, size: 0, exists: false, problems: [] };
}

/**
 * `readVaultFile` with blocking calls, for parse workers: a worker has nothing else to do while it
 * waits, and skipping the thread-pool round trips reads a 10k-note vault about eight times faster
 * (measured: 0.14 s against 1.2 s).
 */
export function readVaultFileSync(root: string, path: string): ReadResult {
  const [nfc, nfd] = nameForms(root, path);
  const onDisk = nfd !== nfc && !existsSync(nfc) && existsSync(nfd) ? nfd : nfc;
  let real: string;
  try {
    real = realpathSync.native(onDisk);
  } catch {
    return gone();
  }
  if (!isInside(root, real)) return gone();
  let file: { fd: number; stats: Stats };
  try {
    file = openRegularFileSync(real);
  } catch (err) {
    return missing(err);
  }
  const { fd, stats: info } = file;
  try {
    const base = { mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, size: info.size, exists: true };
    const tooBig = sizeProblem(info.size);
    if (tooBig) return { ...base, source: '', problems: [tooBig] };
    // A file growing while it is read is read up to its size at open; the watcher reports the rest.
    const bytes = readOpenFileSync(fd, info.size);
    return { ...base, size: bytes.length, ...decodeNote(bytes) };
  } catch (err) {
    return missing(err);
  } finally {
    closeSync(fd);
  }
}

/** Whether a vault path names a regular file inside the vault (symlinks confined as in `readVaultFile`). */
export async function isVaultFile(root: string, path: string): Promise<boolean> {
  const real = await realpath(await diskPath(root, path)).catch(() => null);
  if (real === null || !isInside(root, real)) return false;
  return stat(real).then((s) => s.isFile(), () => false);
}

/** Reads one file; anything but a regular file (a FIFO, socket, device) is a problem, at once. */
export async function readNoteFile(absolutePath: string): Promise<ReadResult> {
  let file;
  try {
    file = await openRegularFile(absolutePath);
  } catch (err) {
    return missing(err);
  }
  const { handle, stats: info } = file;
  try {
    const base = { mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, size: info.size, exists: true };
    const tooBig = sizeProblem(info.size);
    if (tooBig) return { ...base, source: '', problems: [tooBig] };
    const bytes = await handle.readFile();
    return { ...base, size: bytes.length, ...decodeNote(bytes) };
  } catch (err) {
    return missing(err);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Why a regular file is not read at all: it is over the size limit. */
function sizeProblem(size: number): Problem | null {
  if (size > MAX_NOTE_BYTES) return { code: 'too-large', message: `The file is ${mb(size)}, over the ${mb(MAX_NOTE_BYTES)} limit: it is listed but not read.` };
  return null;
}

function missing(err: unknown): ReadResult {
  if (isNotRegularFile(err)) {
    return { source: '', mtimeMs: 0, ctimeMs: 0, size: 0, exists: true, problems: [{ code: 'unreadable', message: 'Not a regular file (a FIFO, socket or device), so it is not read.' }] };
  }
  const code = (err as NodeJS.ErrnoException)?.code;
  const exists = code !== 'ENOENT' && code !== 'ENOTDIR';
  return { source: '', mtimeMs: 0, ctimeMs: 0, size: 0, exists, problems: exists ? [{ code: 'unreadable', message: `Could not read the file: ${String((err as Error)?.message ?? err)}` }] : [] };
}

/** Bytes → text: UTF-8 (BOM dropped), UTF-16 with a BOM, or UTF-8 with replacement characters and a problem. */
export function decodeNote(bytes: Uint8Array): { source: string; problems: Problem[] } {
  const problems: Problem[] = [];
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { source: new TextDecoder(encoding).decode(bytes.subarray(2)), problems };
  }
  const head = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES));
  if (head.includes(0)) {
    return { source: '', problems: [{ code: 'binary', message: 'The file looks binary (it contains NUL bytes), so it is not read as a note.' }] };
  }
  let source: string | null = null;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: noise, or text in another encoding; the sniffer below tells which.
  }
  if (source === null) {
    // Only bytes that are not UTF-8 are sniffed: valid UTF-8 without NUL is text (no binary format
    // we know of is), while noise is invalid UTF-8 at once; so a clean note costs nothing extra
    // (counting every note's head in JS measured 4x slower than the native decode alone).
    const share = binaryShare(bytes);
    if (share !== null) {
      const percent = Math.round(share * 100);
      return { source: '', problems: [{ code: 'binary', message: `The file looks binary (${percent}% of its first ${SNIFF_BYTES / 1024} KB are control bytes or invalid UTF-8), so it is not read as a note.` }] };
    }
    source = new TextDecoder('utf-8').decode(bytes);
    problems.push({ code: 'encoding', message: 'The file is not valid UTF-8; unreadable bytes are shown as �.' });
  }
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  if (source.length > SEARCH_TEXT_LIMIT) {
    problems.push({ code: 'too-large', message: `The note is ${mb(bytes.length)}; it is indexed, but search reads only its first ${mb(SEARCH_TEXT_LIMIT)}.` });
  }
  return { source, problems };
}

const SEP = sep.charCodeAt(0);

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Whether `target` is `root` or inside it (both real paths). */
export function isInside(root: string, target: string): boolean {
  // The common case, answered without `relative`, which resolves both paths (measured: 5–10% of a whole read).
  if (target.startsWith(root) && target.charCodeAt(root.length) === SEP && root.length > 1 && !root.endsWith(sep)) return true;
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}
