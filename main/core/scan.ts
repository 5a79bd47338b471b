/**
 * Lists a vault: notes (`.md`) and the other files links can name (images, media, PDFs). Skips
 * dot-folders (`.obsidian`, `.git`, `.trash`) and `node_modules`, never enters a pseudo-filesystem
 * (`/proc`, `/sys`, `/dev`…), and visits each folder once by device and inode, so a symlink loop or
 * a second way into a folder cannot hang or double the scan. Symlinks are followed only when they
 * stay inside the vault, and only after every real folder was walked: a folder reached both ways is
 * listed under its real path.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { VaultPath } from './model';
import { isMarkdownPath, toVaultPath } from './paths';
import { pseudoMountPoints, underPseudoMount } from './pseudo-mounts';
import { isInside } from './read-note';

export const ATTACHMENT_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'svg',
  'bmp',
  'avif',
  'mp3',
  'wav',
  'ogg',
  'm4a',
  'flac',
  'mp4',
  'webm',
  'ogv',
  'mov',
  'mkv',
  'pdf',
]);

export interface VaultListing {
  notes: VaultPath[];
  attachments: VaultPath[];
}

export interface ScanOptions {
  /** The scan stops and throws `TooManyFilesError` past this many files (default: no limit). */
  maxFiles?: number;
}

/** The folder holds more files than a vault plausibly does (a home folder, a whole disk). */
export class TooManyFilesError extends Error {
  readonly code = 'too-large';
  constructor(
    readonly root: string,
    readonly limit: number,
  ) {
    super(`${root} holds more than ${limit.toLocaleString('en')} files: it does not look like a vault of notes.`);
  }
}

/** Whether a vault-relative path is one the vault ignores (a dot-folder, `node_modules`). */
export function isIgnoredPath(relPath: string): boolean {
  return relPath.split(/[\\/]/).some((seg) => seg.startsWith('.') || seg === 'node_modules');
}

export { isInside };

export function isAttachmentPath(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > 0 && ATTACHMENT_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

/** A folder to walk: where it appears in the vault, and where it really is (they differ under a symlink). */
interface Folder {
  path: string;
  real: string;
}

export async function scanVault(root: string, options: ScanOptions = {}): Promise<VaultListing> {
  const rootReal = await realpath(root);
  const maxFiles = options.maxFiles ?? Infinity;
  const pseudo = pseudoMountPoints();
  const listing: VaultListing = { notes: [], attachments: [] };
  /** `dev:ino` of every folder walked. */
  const visited = new Set<string>();
  /** Folders reached through a symlink, walked once the real tree is done. */
  const linked: Folder[] = [];
  let files = 0;

  const addFile = (full: string) => {
    if (++files > maxFiles) throw new TooManyFilesError(root, maxFiles);
    const path = toVaultPath(relative(rootReal, full));
    if (!path) return;
    // Every other file is listed too: links may name any of them (`.canvas`, `.pdf`, `.excalidraw`…).
    if (isMarkdownPath(path)) listing.notes.push(path);
    else listing.attachments.push(path);
  };

  const walk = async (folder: Folder): Promise<void> => {
    const id = await stat(folder.real, { bigint: true }).then(
      (s) => (s.isDirectory() ? `${s.dev}:${s.ino}` : null),
      () => null,
    );
    if (id === null || visited.has(id)) return;
    visited.add(id);
    let entries;
    try {
      entries = await readdir(folder.real, { withFileTypes: true });
    } catch {
      return; // vanished or unreadable mid-scan: the watcher reports it if it matters
    }
    const subdirs: Folder[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(folder.path, entry.name);
      const real = join(folder.real, entry.name);
      if (entry.isDirectory()) {
        if (!pseudo.has(real)) subdirs.push({ path: full, real });
      } else if (entry.isFile()) addFile(full);
      else if (entry.isSymbolicLink()) {
        // Only links pay for `realpath` (measured: one per file was 1.1 s of a 6,571-note open).
        const target = await realpath(real).catch(() => null);
        if (!target || !isInside(rootReal, target) || underPseudoMount(target, pseudo)) continue;
        const info = await stat(target).catch(() => null);
        if (info?.isDirectory()) linked.push({ path: full, real: target });
        else if (info?.isFile()) addFile(full);
      }
    }
    for (const sub of subdirs) await walk(sub);
  };
  await walk({ path: rootReal, real: rootReal });
  // Links found while walking linked folders join the queue; `visited` ends any loop.
  for (let i = 0; i < linked.length; i++) await walk(linked[i]!);
  listing.notes.sort();
  listing.attachments.sort();
  return listing;
}
